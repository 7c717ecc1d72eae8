/* Ankle Care card 0.1.0: built by scripts/build-card.mjs from frontend/src; do not edit. */
var Lt=Object.defineProperty;var _=(i,e,t)=>()=>{if(t)throw t[0];try{return i&&(e=i(i=0)),e}catch(s){throw t=[s],s}};var Ht=(i,e)=>{for(var t in e)Lt(i,t,{get:e[t],enumerable:!0})};var V,te,Ke,We,se=_(()=>{"use strict";V="ankle-care-card",te="ankle-care-card-editor",Ke="ankle-care-card-actions",We="0.1.0"});function ge(i,e={}){return ye(ne[i],e)}function ye(i,e){return i.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t)}var ne,ve=_(()=>{"use strict";ne={card_name:"Ankle Care",card_description:"May I run today? Recovery phase, injury risk, load ratio, each ankle, the next reminder, today's exercises, and quick logging.",choose_runner:"Choose a runner in the card's settings.",runner_not_found:"No Ankle Care runner with this config entry was found.",loading:"Loading…",may_run_question:"May I run today?",may_run_yes:"Yes",may_run_no:"Not today",may_run_up_to:"up to {distance}",next_step:"Next step",phase:"Recovery phase",day_of_care:"day {day} of care",red_flag:"Red flag",see_professional:"See a professional",ice_on:"Ice is on",risk:"Injury risk",factor_load_ratio:"Load ratio",factor_weekly_change:"Weekly change",factor_shoe_wear:"Shoe wear",factor_soreness:"Soreness",factor_hard_surface:"Hard surfaces",factor_uneven_surface:"Uneven surfaces",factor_limit:"limit {threshold}",factor_from:"from {threshold}",level_low:"low",level_moderate:"moderate",level_high:"high",level_very_high:"very high",load:"Training load",load_ratio:"Acute:chronic load ratio",band_under:"below 0.8",band_sweet_spot:"0.8–1.3 sweet spot",band_caution:"1.3–1.5",band_danger:"above 1.5 danger zone",not_enough_history:"The ratio needs 28 days of history.",acute_load:"Acute load (7 days)",chronic_load:"Chronic load (28 days)",weekly_distance:"Last 7 days",weekly_change:"against the 7 days before",ankles:"Ankles",ankle_unspecified:"Ankle (side not given)",severity_of_10:"{severity}/10",likely_cause:"Likely cause",reminder:"Next reminder",no_reminder:"No reminder planned.",countdown_minutes:"in {minutes} min",countdown_hours:"in {hours} h {minutes} min",countdown_days:"in {days} d {hours} h",countdown_now:"now",exercises:"Today's exercises",no_exercises:"No exercises today.",shoes:"Shoes",shoe_worn_out:"worn out: {distance} of {limit}",no_worn_out_shoes:"No pair is worn out.",actions:"Quick actions",log_soreness:"Log soreness",done_icing:"Done icing",log_run:"Log a run",seen_professional:"Seen a professional",save:"Save",cancel:"Cancel",not_sure:"Not sure",severity_help:"0 = pain-free, 10 = worst",symptoms:"Tick what applies",outer_side:"Outer side",inner_side:"Inner side",location_list:"Where it hurts",distance:"Distance ({unit})",duration:"Duration (min)",rpe:"Effort (RPE 1–10)",surface:"Surface",logged_soreness:"Logged. Recovery phase: {phase}.",logged_ice:"Ice logged.",logged_run:"Run logged. Injury risk: {risk}.",logged_visit:"Visit logged. Recovery phase: {phase}.",error:"Not saved",editor_runner:"Runner",editor_sections:"Sections",editor_no_runners:"No Ankle Care runner yet: add one under Settings → Devices & services.",section_status:"May I run today?",section_risk:"Injury risk",section_load:"Training load",section_ankles:"Ankles",section_reminder:"Next reminder",section_exercises:"Today's exercises",section_shoes:"Shoes",section_actions:"Quick actions"}});function Qe(i,e,t){let s=`${e}|${t}`,n=be.get(s);return n||(n=i.callWS({type:"frontend/get_translations",language:e,category:t,integration:[$]}).then(r=>($e.set(s,r.resources),r.resources)).catch(()=>(be.delete(s),{})),be.set(s,n)),n}function v(i){let e=i.language||"en",t=e.split(/[-_]/)[0].toLowerCase();return Ge.includes(e)||!Ge.includes(t)?e:t}function j(i,e=qe){let t=e.map(s=>$e.get(`${i}|${s}`)??{});return new y(i,Object.assign({},...t))}async function ie(i){let e=v(i),t=await Promise.all(qe.map(s=>Qe(i,e,s)));return new y(e,Object.assign({},...t))}function Xe(){let i=document.querySelector("home-assistant");return i?.hass?.callWS?i.hass:void 0}function re(i){let e=Xe();if(!e)return ge(i);let t=v(e);return $e.has(`${t}|common`)||Qe(e,t,"common"),j(t,["common"]).label(i)}function xe(i=60){Xe()?re("card_name"):i>0&&window.setTimeout(()=>xe(i-1),1e3)}var $,qe,It,be,$e,y,Ge,I=_(()=>{"use strict";ve();$="ankle_care",qe=["entity","selector","services","exceptions","common"],It=`component.${$}.`,be=new Map,$e=new Map;y=class i{constructor(e,t){this.language=e;this.resources=t}static empty(e=""){return new i(e,{})}get(e,t={}){let s=this.resources[It+e];return s===void 0?void 0:ye(s,t)}label(e,t={}){return this.get(`common.card_${e}`,t)??ge(e,t)}state(e,t,s){return this.get(`entity.${e}.${t}.state.${s}`)??s}attribute(e,t,s,n){return this.get(`entity.${e}.${t}.state_attributes.${s}.state.${n}`)??n}option(e,t){return this.get(`selector.${e}.options.${t}`)??t}field(e,t){return this.get(`services.${e}.fields.${t}.name`)??t}error(e){let t=e??{};if(t.translation_domain===$&&t.translation_key){let s=this.get(`exceptions.${t.translation_key}.message`,t.translation_placeholders??{});if(s)return s}return typeof t.message=="string"&&t.message?t.message:e instanceof Error?e.message:String(e)}},Ge=["de","en","es","fr","nl"]});var oe,ae,we,Ye,z,Je,B,Ze,Ae,ke=_(()=>{oe=globalThis,ae=oe.ShadowRoot&&(oe.ShadyCSS===void 0||oe.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,we=Symbol(),Ye=new WeakMap,z=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==we)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(ae&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ye.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ye.set(t,e))}return e}toString(){return this.cssText}},Je=i=>new z(typeof i=="string"?i:i+"",void 0,we),B=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,n,r)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+i[r+1],i[0]);return new z(t,i,we)},Ze=(i,e)=>{if(ae)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=oe.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,i.appendChild(s)}},Ae=ae?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return Je(t)})(i):i});var Ot,Nt,Mt,Pt,Dt,Ut,le,et,Vt,jt,F,Ee,st,tt,x,ce=_(()=>{ke();ke();({is:Ot,defineProperty:Nt,getOwnPropertyDescriptor:Mt,getOwnPropertyNames:Pt,getOwnPropertySymbols:Dt,getPrototypeOf:Ut}=Object),le=globalThis,et=le.trustedTypes,Vt=et?et.emptyScript:"",jt=le.reactiveElementPolyfillSupport,F=(i,e)=>i,Ee={toAttribute(i,e){switch(e){case Boolean:i=i?Vt:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},st=(i,e)=>!Ot(i,e),tt={attribute:!0,type:String,converter:Ee,reflect:!1,useDefault:!1,hasChanged:st};Symbol.metadata??=Symbol("metadata"),le.litPropertyMetadata??=new WeakMap;x=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=tt){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&Nt(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:r}=Mt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:n,set(o){let a=n?.call(this);r?.call(this,o),this.requestUpdate(e,a,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??tt}static _$Ei(){if(this.hasOwnProperty(F("elementProperties")))return;let e=Ut(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(F("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(F("properties"))){let t=this.properties,s=[...Pt(t),...Dt(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(Ae(n))}else e!==void 0&&t.push(Ae(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ze(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let r=(s.converter?.toAttribute!==void 0?s.converter:Ee).toAttribute(t,s.type);this._$Em=e,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let r=s.getPropertyOptions(n),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:Ee;this._$Em=n;let a=o.fromAttribute(t,r.type);this[n]=a??this._$Ej?.get(n)??a,this._$Em=null}}requestUpdate(e,t,s,n=!1,r){if(e!==void 0){let o=this.constructor;if(n===!1&&(r=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??st)(r,t)||s.useDefault&&s.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:r},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,r]of s){let{wrapped:o}=r,a=this[n];o!==!0||this._$AL.has(n)||a===void 0||this.C(n,void 0,r,a)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};x.elementStyles=[],x.shadowRootOptions={mode:"open"},x[F("elementProperties")]=new Map,x[F("finalized")]=new Map,jt?.({ReactiveElement:x}),(le.reactiveElementVersions??=[]).push("2.1.2")});function pt(i,e){if(!Oe(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return it!==void 0?it.createHTML(e):e}function O(i,e,t=i,s){if(e===L)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,r=G(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(i),n._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=O(i,n._$AS(i,e.values),n,s)),e}var Ie,nt,de,it,dt,k,ut,zt,T,W,G,Oe,Bt,Se,K,rt,ot,C,at,lt,ht,Ne,l,m,gs,L,d,ct,R,Ft,q,Ce,Q,N,Re,Te,Le,He,Kt,_t,ue=_(()=>{Ie=globalThis,nt=i=>i,de=Ie.trustedTypes,it=de?de.createPolicy("lit-html",{createHTML:i=>i}):void 0,dt="$lit$",k=`lit$${Math.random().toFixed(9).slice(2)}$`,ut="?"+k,zt=`<${ut}>`,T=document,W=()=>T.createComment(""),G=i=>i===null||typeof i!="object"&&typeof i!="function",Oe=Array.isArray,Bt=i=>Oe(i)||typeof i?.[Symbol.iterator]=="function",Se=`[ 	
\f\r]`,K=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,rt=/-->/g,ot=/>/g,C=RegExp(`>|${Se}(?:([^\\s"'>=/]+)(${Se}*=${Se}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),at=/'/g,lt=/"/g,ht=/^(?:script|style|textarea|title)$/i,Ne=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),l=Ne(1),m=Ne(2),gs=Ne(3),L=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),ct=new WeakMap,R=T.createTreeWalker(T,129);Ft=(i,e)=>{let t=i.length-1,s=[],n,r=e===2?"<svg>":e===3?"<math>":"",o=K;for(let a=0;a<t;a++){let c=i[a],u,h,p=-1,f=0;for(;f<c.length&&(o.lastIndex=f,h=o.exec(c),h!==null);)f=o.lastIndex,o===K?h[1]==="!--"?o=rt:h[1]!==void 0?o=ot:h[2]!==void 0?(ht.test(h[2])&&(n=RegExp("</"+h[2],"g")),o=C):h[3]!==void 0&&(o=C):o===C?h[0]===">"?(o=n??K,p=-1):h[1]===void 0?p=-2:(p=o.lastIndex-h[2].length,u=h[1],o=h[3]===void 0?C:h[3]==='"'?lt:at):o===lt||o===at?o=C:o===rt||o===ot?o=K:(o=C,n=void 0);let A=o===C&&i[a+1].startsWith("/>")?" ":"";r+=o===K?c+zt:p>=0?(s.push(u),c.slice(0,p)+dt+c.slice(p)+k+A):c+k+(p===-2?a:A)}return[pt(i,r+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},q=class i{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let r=0,o=0,a=e.length-1,c=this.parts,[u,h]=Ft(e,t);if(this.el=i.createElement(u,s),R.currentNode=this.el.content,t===2||t===3){let p=this.el.content.firstChild;p.replaceWith(...p.childNodes)}for(;(n=R.nextNode())!==null&&c.length<a;){if(n.nodeType===1){if(n.hasAttributes())for(let p of n.getAttributeNames())if(p.endsWith(dt)){let f=h[o++],A=n.getAttribute(p).split(k),ee=/([.?@])?(.*)/.exec(f);c.push({type:1,index:r,name:ee[2],strings:A,ctor:ee[1]==="."?Re:ee[1]==="?"?Te:ee[1]==="@"?Le:N}),n.removeAttribute(p)}else p.startsWith(k)&&(c.push({type:6,index:r}),n.removeAttribute(p));if(ht.test(n.tagName)){let p=n.textContent.split(k),f=p.length-1;if(f>0){n.textContent=de?de.emptyScript:"";for(let A=0;A<f;A++)n.append(p[A],W()),R.nextNode(),c.push({type:2,index:++r});n.append(p[f],W())}}}else if(n.nodeType===8)if(n.data===ut)c.push({type:2,index:r});else{let p=-1;for(;(p=n.data.indexOf(k,p+1))!==-1;)c.push({type:7,index:r}),p+=k.length-1}r++}}static createElement(e,t){let s=T.createElement("template");return s.innerHTML=e,s}};Ce=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??T).importNode(t,!0);R.currentNode=n;let r=R.nextNode(),o=0,a=0,c=s[0];for(;c!==void 0;){if(o===c.index){let u;c.type===2?u=new Q(r,r.nextSibling,this,e):c.type===1?u=new c.ctor(r,c.name,c.strings,this,e):c.type===6&&(u=new He(r,this,e)),this._$AV.push(u),c=s[++a]}o!==c?.index&&(r=R.nextNode(),o++)}return R.currentNode=T,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},Q=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=O(this,e,t),G(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==L&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Bt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&G(this._$AH)?this._$AA.nextSibling.data=e:this.T(T.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=q.createElement(pt(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let r=new Ce(n,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=ct.get(e.strings);return t===void 0&&ct.set(e.strings,t=new q(e)),t}k(e){Oe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let r of e)n===t.length?t.push(s=new i(this.O(W()),this.O(W()),this,this.options)):s=t[n],s._$AI(r),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=nt(e).nextSibling;nt(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},N=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,r){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=r,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=d}_$AI(e,t=this,s,n){let r=this.strings,o=!1;if(r===void 0)e=O(this,e,t,0),o=!G(e)||e!==this._$AH&&e!==L,o&&(this._$AH=e);else{let a=e,c,u;for(e=r[0],c=0;c<r.length-1;c++)u=O(this,a[s+c],t,c),u===L&&(u=this._$AH[c]),o||=!G(u)||u!==this._$AH[c],u===d?e=d:e!==d&&(e+=(u??"")+r[c+1]),this._$AH[c]=u}o&&!n&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},Re=class extends N{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},Te=class extends N{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},Le=class extends N{constructor(e,t,s,n,r){super(e,t,s,n,r),this.type=5}_$AI(e,t=this){if((e=O(this,e,t,0)??d)===L)return;let s=this._$AH,n=e===d&&s!==d||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,r=e!==d&&(s===d||n);n&&this.element.removeEventListener(this.name,this,s),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},He=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){O(this,e)}},Kt=Ie.litHtmlPolyfillSupport;Kt?.(q,Q),(Ie.litHtmlVersions??=[]).push("3.3.3");_t=(i,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let r=t?.renderBefore??null;s._$litPart$=n=new Q(e.insertBefore(W(),r),r,void 0,t??{})}return n._$AI(i),n}});var Me,g,Wt,mt=_(()=>{ce();ce();ue();ue();Me=globalThis,g=class extends x{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=_t(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return L}};g._$litElement$=!0,g.finalized=!0,Me.litElementHydrateSupport?.({LitElement:g});Wt=Me.litElementPolyfillSupport;Wt?.({LitElement:g});(Me.litElementVersions??=[]).push("4.2.2")});var ft=_(()=>{});var H=_(()=>{ce();ue();mt();ft()});function qt(i){let e=i==="outer"?"outer_ankle":"inner_ankle",t=s=>s?"spot selected":"spot";return[{key:"back_of_ankle",shape:s=>m`<rect class=${t(s)} x="28" y="26" width="16" height="46" rx="7"></rect>`},{key:"heel",shape:s=>m`<ellipse class=${t(s)} cx="38" cy="97" rx="14" ry="10"></ellipse>`},{key:e,shape:s=>m`<circle class=${t(s)} cx="58" cy="66" r="9"></circle>`},{key:"front_of_ankle",shape:s=>m`<ellipse class=${t(s)} cx="86" cy="72" rx="10" ry="8"></ellipse>`},{key:"bone_spot",shape:s=>m`<circle class=${t(s)} cx="120" cy="90" r="6"></circle>`}]}function Pe(i,e,t,s){let n=i==="inner"?"translate(200 0) scale(-1 1)":"",r=o=>a=>{(a.key==="Enter"||a.key===" ")&&(a.preventDefault(),s(o))};return m`<svg class="ankle" viewBox="0 0 200 114" data-view=${i}>
    <g transform=${n}>
      <path class="foot" d=${Gt}></path>
      ${qt(i).map(({key:o,shape:a})=>m`<g role="button" tabindex="0" data-location=${o}
          aria-label=${t(o)} aria-pressed=${e===o?"true":"false"}
          @click=${()=>s(o)} @keydown=${r(o)}>
          <title>${t(o)}</title>${a(e===o)}</g>`)}
    </g>
  </svg>`}var gt,Gt,yt=_(()=>{"use strict";H();gt=["back_of_ankle","outer_ankle","inner_ankle","front_of_ankle","heel","bone_spot"],Gt="M 42 2 L 72 2 L 74 58 Q 80 72 100 78 L 150 86 Q 174 90 174 101 Q 174 110 160 110 L 48 110 Q 24 110 24 92 Q 24 80 34 70 L 40 2 Z"});var he,De=_(()=>{"use strict";H();he=B`
  :host {
    display: block;
    --ac-good: var(--success-color, #43a047);
    --ac-warn: var(--warning-color, #ffa600);
    --ac-bad: var(--error-color, #db4437);
    --ac-info: var(--info-color, #039be5);
    --ac-muted: var(--secondary-text-color, #727272);
    --ac-line: var(--divider-color, rgba(0, 0, 0, 0.12));
    --ac-radius: var(--ha-card-border-radius, 12px);
  }
  .card {
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ac-radius);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--ac-line));
    box-shadow: var(--ha-card-box-shadow, none);
    padding: 16px;
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
    font-size: 14px;
    line-height: 1.4;
    box-sizing: border-box;
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 8px;
  }
  header .title {
    font-size: 20px;
    font-weight: 500;
  }
  header .brand,
  .muted {
    color: var(--ac-muted);
    font-size: 12px;
  }
  section {
    padding: 12px 0;
    border-top: 1px solid var(--ac-line);
  }
  section:first-of-type {
    border-top: none;
    padding-top: 4px;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 14px;
    font-weight: 500;
    color: var(--ac-muted);
    text-transform: none;
  }
  .question {
    color: var(--ac-muted);
  }
  .answer {
    font-size: 28px;
    font-weight: 500;
    line-height: 1.2;
    margin: 2px 0 6px;
  }
  .status.yes .answer {
    color: var(--ac-good);
  }
  .status.no .answer {
    color: var(--ac-bad);
  }
  .answer .distance {
    font-size: 16px;
    font-weight: 400;
    color: var(--primary-text-color, #212121);
  }
  .chip {
    display: inline-block;
    padding: 1px 10px;
    border-radius: 12px;
    border: 1px solid currentColor;
    font-size: 13px;
    white-space: nowrap;
  }
  .level-low {
    color: var(--ac-good);
  }
  .level-moderate {
    color: var(--ac-warn);
  }
  .level-high,
  .level-very_high {
    color: var(--ac-bad);
  }
  .banner {
    margin-top: 8px;
    padding: 8px 12px;
    border-radius: 8px;
    border-left: 4px solid var(--ac-bad);
    background: color-mix(in srgb, var(--ac-bad) 12%, transparent);
  }
  .banner.info {
    border-left-color: var(--ac-info);
    background: color-mix(in srgb, var(--ac-info) 12%, transparent);
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 12px;
    padding: 2px 0;
  }
  .row .value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .headline {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 6px;
  }
  .headline .big {
    font-size: 20px;
    font-weight: 500;
  }
  .load {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: center;
  }
  .load .dial {
    flex: 0 1 180px;
  }
  .load .figures {
    flex: 1 1 220px;
  }
  .gauge {
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .gauge .band {
    fill: none;
    stroke-width: 14;
  }
  .gauge .under {
    stroke: var(--ac-info);
  }
  .gauge .sweet {
    stroke: var(--ac-good);
  }
  .gauge .caution {
    stroke: var(--ac-warn);
  }
  .gauge .danger {
    stroke: var(--ac-bad);
  }
  .gauge .tick {
    fill: var(--ac-muted);
    font-size: 10px;
    text-anchor: middle;
    dominant-baseline: middle;
  }
  .gauge .needle {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 3;
    stroke-linecap: round;
  }
  .gauge .hub {
    fill: var(--primary-text-color, #212121);
  }
  .ratio {
    text-align: center;
    font-size: 20px;
    font-weight: 500;
  }
  .ankle {
    padding: 6px 0;
  }
  .ankle + .ankle {
    border-top: 1px dashed var(--ac-line);
  }
  ul.exercises {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.exercises li label {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 3px 0;
    cursor: pointer;
  }
  ul.exercises li.done span {
    text-decoration: line-through;
    color: var(--ac-muted);
  }
  input[type="checkbox"],
  input[type="radio"],
  input[type="range"] {
    accent-color: var(--primary-color, #03a9f4);
  }
  footer.disclaimer {
    margin-top: 8px;
    padding-top: 8px;
    border-top: 1px solid var(--ac-line);
    color: var(--ac-muted);
    font-size: 12px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    font: inherit;
    padding: 6px 14px;
    border-radius: 18px;
    border: 1px solid var(--primary-color, #03a9f4);
    background: transparent;
    color: var(--primary-color, #03a9f4);
    cursor: pointer;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  [role="button"]:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  form {
    margin-top: 12px;
    display: grid;
    gap: 10px;
  }
  fieldset {
    border: 1px solid var(--ac-line);
    border-radius: 8px;
    margin: 0;
    padding: 8px 12px;
  }
  legend {
    color: var(--ac-muted);
    padding: 0 4px;
  }
  label.field {
    display: grid;
    gap: 4px;
  }
  input[type="number"],
  input[type="text"],
  select {
    font: inherit;
    padding: 6px 8px;
    border-radius: 6px;
    border: 1px solid var(--ac-line);
    background: var(--secondary-background-color, transparent);
    color: var(--primary-text-color, #212121);
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  .symptoms {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 2px 12px;
  }
  .severity {
    display: flex;
    gap: 12px;
    align-items: center;
  }
  .severity input {
    flex: 1;
  }
  .severity output {
    min-width: 3ch;
    font-size: 20px;
    font-weight: 500;
    text-align: right;
  }
  .drawings {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .drawings figure {
    margin: 0;
    text-align: center;
  }
  .drawings figcaption {
    color: var(--ac-muted);
    font-size: 12px;
  }
  svg.ankle {
    width: 100%;
    height: auto;
  }
  svg.ankle .foot {
    fill: var(--secondary-background-color, #eee);
    stroke: var(--ac-muted);
    stroke-width: 1.5;
  }
  svg.ankle .spot {
    fill: color-mix(in srgb, var(--primary-color, #03a9f4) 25%, transparent);
    stroke: var(--primary-color, #03a9f4);
    stroke-width: 1.5;
    cursor: pointer;
  }
  svg.ankle .spot.selected {
    fill: var(--ac-bad);
    stroke: var(--ac-bad);
  }
  .error {
    padding: 8px 12px;
    border-radius: 8px;
    color: var(--ac-bad);
    border: 1px solid var(--ac-bad);
  }
  .message {
    padding: 8px 12px;
    border-radius: 8px;
    border: 1px solid var(--ac-good);
  }
`});var Qt,Xt,Yt,M,vt=_(()=>{"use strict";H();yt();De();I();Qt=["morning_stiffness","pain_on_push_off","worse_on_uneven_ground","eases_when_warmed_up","persistent_ache","worse_after_running","pain_when_weight_bearing","swelling","visible_deformity","cannot_bear_weight","numbness_or_tingling"],Xt=["road","track","treadmill","trail","grass","mixed"],Yt=["left","right"],M=class extends g{constructor(){super(),this.texts=y.empty(),this.unit="km",this._busy=!1,this._reset()}_reset(){this._severity=3,this._side="",this._location=void 0,this._symptoms=new Set,this._surface="road",this._cleared=!1}async _call(e,t){if(!this.hass||!this.runner)throw new Error("not ready");return(await this.hass.callWS({type:"call_service",domain:$,service:e,service_data:{config_entry_id:this.runner.entryId,...t},return_response:!0})).response??{}}async _run(e,t,s){this._busy=!0,this._error=void 0,this._message=void 0;try{let n=await this._call(e,t);this._message=s(n),this._open=void 0,this._reset()}catch(n){this._error=this.texts.error(n)}finally{this._busy=!1}}_phase(e){return this.texts.state("sensor","recovery_phase",String(e.recovery_phase??""))}_toggle(e){this._open=this._open===e?void 0:e,this._error=void 0,this._message=void 0}_submitSoreness(e){e.preventDefault();let t={severity:this._severity};this._side&&(t.side=this._side),this._location&&(t.location=this._location);for(let s of this._symptoms)t[s]=!0;this._run("log_soreness",t,s=>this.texts.label("logged_soreness",{phase:this._phase(s)}))}_doneIcing(){this._open=void 0,this._run("log_treatment",{treatment:"ice"},()=>this.texts.label("logged_ice"))}_submitRun(e){e.preventDefault();let t=e.target,s=r=>t.elements.namedItem(r)?.value.trim()??"",n={distance:Number(s("distance")),unit:this.unit,surface:this._surface};s("duration_minutes")&&(n.duration_minutes=Number(s("duration_minutes"))),s("rpe")&&(n.rpe=Number(s("rpe"))),this._run("log_run",n,r=>this.texts.label("logged_run",{risk:this.texts.state("sensor","injury_risk",String(r.injury_risk??""))}))}_submitVisit(e){e.preventDefault();let t={cleared_to_run:this._cleared};this._side&&(t.side=this._side),this._run("log_professional_visit",t,s=>this.texts.label("logged_visit",{phase:this._phase(s)}))}render(){let e=!!this.hass?.services?.[$]?.log_professional_visit,t=(s,n)=>l`<button
        type="button"
        data-action=${s}
        aria-expanded=${this._open===s?"true":"false"}
        ?disabled=${this._busy}
        @click=${()=>this._toggle(s)}
      >
        ${n}
      </button>`;return l`<div class="buttons">
        ${t("soreness",this.texts.label("log_soreness"))}
        <button type="button" data-action="ice" ?disabled=${this._busy} @click=${this._doneIcing}>
          ${this.texts.label("done_icing")}
        </button>
        ${t("run",this.texts.label("log_run"))}
        ${e?t("visit",this.texts.label("seen_professional")):d}
      </div>
      ${this._open==="soreness"?this._sorenessForm():d}
      ${this._open==="run"?this._runForm():d}
      ${this._open==="visit"?this._visitForm():d}
      ${this._error?l`<div class="error" role="alert" data-field="error">
            ${this.texts.label("error")}: ${this._error}
          </div>`:d}
      ${this._message?l`<div class="message" role="status" data-field="message">${this._message}</div>`:d}`}_sideChoice(e){let t=this.texts;return l`<fieldset>
      <legend>${t.field(e,"side")}</legend>
      <div class="inline">
        ${["",...Yt].map(s=>l`<label>
            <input
              type="radio"
              name="side"
              value=${s}
              .checked=${this._side===s}
              @change=${()=>{this._side=s}}
            />
            ${s?t.option("side",s):this.texts.label("not_sure")}
          </label>`)}
      </div>
    </fieldset>`}_sorenessForm(){let e=this.texts,t=n=>e.option("location",n),s=n=>{this._location=this._location===n?void 0:n};return l`<form data-form="soreness" @submit=${this._submitSoreness}>
      <label class="field">
        <span>${e.field("log_soreness","severity")} <span class="muted">(${this.texts.label("severity_help")})</span></span>
        <span class="severity">
          <input
            type="range"
            name="severity"
            min="0"
            max="10"
            step="1"
            .value=${String(this._severity)}
            @input=${n=>{this._severity=Number(n.target.value)}}
          />
          <output>${this._severity}</output>
        </span>
      </label>
      ${this._sideChoice("log_soreness")}
      <fieldset>
        <legend>${e.field("log_soreness","location")}</legend>
        <div class="drawings">
          <figure>
            ${Pe("outer",this._location,t,s)}
            <figcaption>${this.texts.label("outer_side")}</figcaption>
          </figure>
          <figure>
            ${Pe("inner",this._location,t,s)}
            <figcaption>${this.texts.label("inner_side")}</figcaption>
          </figure>
        </div>
        <label class="field">
          <span class="muted">${this.texts.label("location_list")}</span>
          <select
            name="location"
            @change=${n=>{let r=n.target.value;this._location=r||void 0}}
          >
            <option value="" ?selected=${!this._location}>${this.texts.label("not_sure")}</option>
            ${gt.map(n=>l`<option value=${n} ?selected=${this._location===n}>
                  ${t(n)}
                </option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>${this.texts.label("symptoms")}</legend>
        <div class="symptoms">
          ${Qt.map(n=>l`<label>
              <input
                type="checkbox"
                name=${n}
                .checked=${this._symptoms.has(n)}
                @change=${r=>{let o=new Set(this._symptoms);r.target.checked?o.add(n):o.delete(n),this._symptoms=o}}
              />
              ${e.field("log_soreness",n)}
            </label>`)}
        </div>
      </fieldset>
      ${this._formButtons()}
    </form>`}_runForm(){let e=this.texts;return l`<form data-form="run" @submit=${this._submitRun}>
      <div class="inline">
        <label class="field">
          <span>${this.texts.label("distance",{unit:this.unit})}</span>
          <input type="number" name="distance" min="0" step="0.01" required inputmode="decimal" />
        </label>
        <label class="field">
          <span>${this.texts.label("duration")}</span>
          <input type="number" name="duration_minutes" min="1" step="1" inputmode="numeric" />
        </label>
        <label class="field">
          <span>${this.texts.label("rpe")}</span>
          <input type="number" name="rpe" min="1" max="10" step="1" inputmode="numeric" />
        </label>
        <label class="field">
          <span>${this.texts.label("surface")}</span>
          <select
            name="surface"
            @change=${t=>{this._surface=t.target.value}}
          >
            ${Xt.map(t=>l`<option value=${t} ?selected=${this._surface===t}>
                  ${e.option("surface",t)}
                </option>`)}
          </select>
        </label>
      </div>
      ${this._formButtons()}
    </form>`}_visitForm(){return l`<form data-form="visit" @submit=${this._submitVisit}>
      ${this._sideChoice("log_professional_visit")}
      <label>
        <input
          type="checkbox"
          name="cleared_to_run"
          .checked=${this._cleared}
          @change=${e=>{this._cleared=e.target.checked}}
        />
        ${this.texts.field("log_professional_visit","cleared_to_run")}
      </label>
      ${this._formButtons()}
    </form>`}_formButtons(){return l`<div class="buttons">
      <button type="submit" class="primary" ?disabled=${this._busy}>${this.texts.label("save")}</button>
      <button
        type="button"
        ?disabled=${this._busy}
        @click=${()=>{this._open=void 0,this._error=void 0}}
      >
        ${this.texts.label("cancel")}
      </button>
    </div>`}};M.styles=he,M.properties={hass:{attribute:!1},runner:{attribute:!1},texts:{attribute:!1},unit:{attribute:!1},_open:{state:!0},_busy:{state:!0},_error:{state:!0},_message:{state:!0},_severity:{state:!0},_side:{state:!0},_location:{state:!0},_symptoms:{state:!0},_surface:{state:!0},_cleared:{state:!0}}});function b(i){return i!==void 0&&!Jt.has(i.state)}function pe(i,e){let t=i.entities?.[e.entity_id]?.translation_key;return t?[e.entity_id.split(".",1)[0],t]:void 0}function bt(i,e){return e.language!==""&&e.language!==(i.language||"en")}function $t(i,e,t){let s=bt(i,e)?pe(i,t):void 0,n=s&&e.get(`entity.${s[0]}.${s[1]}.state.${t.state}`);if(n)return n;if(i.formatEntityState)return i.formatEntityState(t);let r=pe(i,t),o=t.attributes.unit_of_measurement,a=r?e.state(r[0],r[1],t.state):t.state;return o?`${a} ${String(o)}`:a}function Ue(i,e,t,s){let n=t.attributes[s];if(n==null)return"";let r=bt(i,e)?pe(i,t):void 0,o=r&&e.get(`entity.${r[0]}.${r[1]}.state_attributes.${s}.state.${String(n)}`);if(o)return o;if(i.formatEntityAttributeValue)return i.formatEntityAttributeValue(t,s);let a=pe(i,t);return a?e.attribute(a[0],a[1],s,String(n)):String(n)}function w(i,e,t=0){return new Intl.NumberFormat(i.locale?.language??i.language??"en",{minimumFractionDigits:t,maximumFractionDigits:t}).format(e)}function _e(i,e,t=!1){let s=(i.locale?.language??i.language??"en").split("-")[0];return`${t&&e>0?"+":""}${w(i,e)}${Zt.has(s)?" ":""}%`}function X(i,e,t,s=0){let n=t==="mi"?e/1.609344:e;return`${w(i,n,s)} ${t}`}function xt(i,e,t){let s=Math.round((Date.parse(e)-t)/6e4);if(Number.isNaN(s)||s<=0)return i.label("countdown_now");if(s<60)return i.label("countdown_minutes",{minutes:s});let n=Math.floor(s/60);return n<24?i.label("countdown_hours",{hours:n,minutes:s%60}):i.label("countdown_days",{days:Math.floor(n/24),hours:n%24})}var Jt,Zt,wt=_(()=>{"use strict";Jt=new Set(["unknown","unavailable",""]);Zt=new Set(["cs","de","fi","fr","sk","sv"])});function me(i,e){let t=Math.PI*(1-Math.min(Math.max(i,0),Ve)/Ve);return[je+e*Math.cos(t),ze-e*Math.sin(t)]}function At(i){return i<.8?"under":i<=1.3?"sweet":i<=1.5?"caution":"danger"}function kt(i,e){let t=es.map(({from:r,to:o,name:a})=>{let[c,u]=me(r,P),[h,p]=me(o,P);return m`<path class="band ${a}" d="M ${E(c)} ${E(u)} A ${P} ${P} 0 0 1 ${E(h)} ${E(p)}"></path>`}),s=ts.map(r=>{let[o,a]=me(r,P+14);return m`<text class="tick" x=${E(o)} y=${E(a)}>${r.toFixed(1)}</text>`}),n=m``;if(i!==null){let[r,o]=me(i,P-14);n=m`<line class="needle" x1=${je} y1=${ze} x2=${E(r)} y2=${E(o)}></line>`}return m`<svg class="gauge" viewBox="0 0 200 108" role="img" aria-label=${e}>
    <title>${e}</title>${t}${s}${n}<circle class="hub" cx=${je} cy=${ze} r="5"></circle>
  </svg>`}var Ve,es,ts,je,ze,P,E,Et=_(()=>{"use strict";H();Ve=2,es=[{from:0,to:.8,name:"under"},{from:.8,to:1.3,name:"sweet"},{from:1.3,to:1.5,name:"caution"},{from:1.5,to:Ve,name:"danger"}],ts=[.8,1.3,1.5],je=100,ze=100,P=80;E=i=>i.toFixed(2)});function ns(i){let e=i.identifiers?.find(([t])=>t===$);return e?e[1]:i.primary_config_entry??i.config_entries[0]}function J(i){if(Y&&Y.entities===i.entities&&Y.devices===i.devices)return Y.runners;let e=new Map;for(let s of Object.values(i.entities??{})){if(s.platform!==$||!s.device_id||!s.translation_key)continue;let n=e.get(s.device_id);if(!n){let a=i.devices?.[s.device_id],c=a&&ns(a);if(!a||!c)continue;n={entryId:c,deviceId:a.id,name:a.name_by_user||a.name||c,entities:new Map,shoeDistance:[],shoeWornOut:[]},e.set(s.device_id,n)}let[r]=s.entity_id.split(".",1),o=s.translation_key;ss.has(o)?(o==="shoe_distance"?n.shoeDistance:n.shoeWornOut).push(s.entity_id):n.entities.set(`${r}.${o}`,s.entity_id)}let t=[...e.values()].sort((s,n)=>s.name.localeCompare(n.name));return Y={entities:i.entities,devices:i.devices,runners:t},t}function St(i,e){if(e)return J(i).find(t=>t.entryId===e)}var ss,Y,Be=_(()=>{"use strict";I();ss=new Set(["shoe_distance","shoe_worn_out"])});function os(i){if(!i||typeof i!="object")throw new Error("Invalid configuration");if(i.config_entry_id!==void 0&&typeof i.config_entry_id!="string")throw new Error("config_entry_id must be the runner's config entry id (text)");if(i.sections!==void 0){if(!Array.isArray(i.sections))throw new Error("sections must be a list");let e=i.sections.filter(t=>!S.includes(t));if(e.length)throw new Error(`Unknown sections: ${e.join(", ")}; choose from ${S.join(", ")}`)}return i}function Z(i){let e=i?.sections;return e?S.filter(t=>e.includes(t)):[...S]}var S,is,rs,D,Fe=_(()=>{"use strict";H();se();wt();Et();ve();Be();De();I();S=["status","risk","load","ankles","reminder","exercises","shoes","actions"],is={status:3,risk:3,load:3,ankles:2,reminder:1,exercises:3,shoes:1,actions:1},rs=3e4;D=class extends g{constructor(){super(),this._texts=y.empty(),this._now=Date.now()}static getConfigElement(){return document.createElement(te)}static getStubConfig(e){let t=J(e)[0];return{config_entry_id:t?t.entryId:""}}setConfig(e){this._config=os(e)}getCardSize(){return 1+Z(this._config).reduce((e,t)=>e+is[t],0)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._timer=window.setInterval(()=>{this._now=Date.now()},rs),this._subscribeItems()}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this._timer),this._timer=void 0,this._unsubscribeItems()}get _runner(){return this.hass&&St(this.hass,this._config?.config_entry_id)}_state(e){let t=this._runner?.entities.get(e);return t?this.hass?.states[t]:void 0}shouldUpdate(e){if(e.size!==1||!e.has("hass"))return!0;let t=e.get("hass"),s=this.hass;if(!t||!s||t.entities!==s.entities||t.devices!==s.devices||t.language!==s.language||t.themes!==s.themes||t.services!==s.services)return!0;let n=this._runner;return n?[...n.entities.values(),...n.shoeWornOut,...n.shoeDistance].some(o=>t.states[o]!==s.states[o]):!1}willUpdate(e){let t=this.hass;t&&e.has("hass")&&this._texts.language!==v(t)&&(this._texts=j(v(t)),ie(t).then(s=>{this.hass&&v(this.hass)===s.language&&(this._texts=s)})),(e.has("hass")||e.has("_config"))&&this._subscribeItems()}_subscribeItems(){let e=this._runner?.entities.get("todo.prevention_exercises");!this.isConnected||!this.hass||e===this._todoEntity||(this._unsubscribeItems(),this._todoEntity=e,e&&(this._unsubscribe=this.hass.connection.subscribeMessage(t=>{this._items=t.items},{type:"todo/item/subscribe",entity_id:e}),this._unsubscribe.catch(t=>{this._itemError=this._texts.error(t)})))}_unsubscribeItems(){let e=this._unsubscribe;this._unsubscribe=void 0,this._todoEntity=void 0,this._items=void 0,e?.then(t=>t()).catch(()=>{})}render(){if(!this.hass||!this._config)return l``;if(!this._config.config_entry_id)return l`<div class="card"><p>${this._texts.label("choose_runner")}</p></div>`;let e=this._runner;if(!e)return l`<div class="card"><p class="error">${this._texts.label("runner_not_found")}</p></div>`;let t=this._state("sensor.recovery_phase"),s={status:()=>this._renderStatus(t),risk:()=>this._renderRisk(),load:()=>this._renderLoad(),ankles:()=>this._renderAnkles(t),reminder:()=>this._renderReminder(),exercises:()=>this._renderExercises(),shoes:()=>this._renderShoes(e),actions:()=>this._renderActions(e)},n=t&&this.hass?Ue(this.hass,this._texts,t,"disclaimer"):"";return l`<div class="card" data-runner=${e.entryId}>
      <header>
        <span class="title">${e.name}</span>
        <span class="brand">${this._texts.label("card_name")}</span>
      </header>
      ${Z(this._config).map(r=>s[r]())}
      ${n?l`<footer class="disclaimer">${n}</footer>`:d}
    </div>`}_text(e){return this.hass?$t(this.hass,this._texts,e):e.state}_attr(e,t){return this.hass?Ue(this.hass,this._texts,e,t):""}_renderStatus(e){if(!b(e))return l`<section data-section="status"><p>${this._texts.label("loading")}</p></section>`;let t=e.attributes.may_run===!0,s=this._state("sensor.safe_distance_today"),n=this._state("binary_sensor.red_flag"),r=this._state("binary_sensor.see_professional"),o=this._state("binary_sensor.ice_session_active"),a=e.attributes.day_of_care,c=this._attr(e,"referral");return l`<section data-section="status" class="status ${t?"yes":"no"}">
      <div class="question">${this._texts.label("may_run_question")}</div>
      <div class="answer" data-field="may-run">
        ${t?this._texts.label("may_run_yes"):this._texts.label("may_run_no")}
        ${t&&b(s)?l`<span class="distance"
              >${this._texts.label("may_run_up_to",{distance:this._text(s)})}</span
            >`:d}
      </div>
      <div>
        <span class="muted">${this._texts.label("phase")}</span>
        <span class="chip" data-field="phase">${this._text(e)}</span>
        ${typeof a=="number"?l`<span class="muted">${this._texts.label("day_of_care",{day:a})}</span>`:d}
      </div>
      <div class="next-step" data-field="next-step">
        <span class="muted">${this._texts.label("next_step")}:</span> ${this._attr(e,"next_step")}
      </div>
      ${n?.state==="on"?l`<div class="banner" role="alert">${this._texts.label("red_flag")}: ${c}</div>`:r?.state==="on"?l`<div class="banner" role="alert">${this._texts.label("see_professional")}: ${c}</div>`:d}
      ${o?.state==="on"?l`<div class="banner info">${this._texts.label("ice_on")}</div>`:d}
    </section>`}_factorValue(e,t){let s=this.hass,{value:n,threshold:r}=e,o=(a,c)=>a==null?"–":c(a);switch(e.factor){case"load_ratio":return[o(n,a=>w(s,a,2)),o(r,a=>w(s,a,1))];case"weekly_change":return[o(n,a=>_e(s,a,!0)),o(r,a=>_e(s,a))];case"shoe_wear":return[o(n,a=>X(s,a,t)),o(r,a=>X(s,a,t))];case"soreness":return[o(n,a=>this._texts.label("severity_of_10",{severity:w(s,a)})),o(r,a=>w(s,a))];default:return[o(n,a=>_e(s,a)),o(r,a=>w(s,a))]}}get _unit(){return this._state("sensor.weekly_distance")?.attributes.unit_of_measurement==="mi"?"mi":"km"}_renderRisk(){let e=this._state("sensor.injury_risk");if(!b(e))return l`<section data-section="risk"></section>`;let t=e.attributes.factors??[],s=this._unit;return l`<section data-section="risk">
      <div class="headline">
        <h3>${this._texts.label("risk")}</h3>
        <span class="big level-${e.state}" data-field="risk">${this._text(e)}</span>
      </div>
      ${t.map(n=>{let[r,o]=this._factorValue(n,s),a=`factor_${n.factor}`,c=a in ne?this._texts.label(a):n.factor,u=`level_${n.level}`;return l`<div class="row factor" data-factor=${n.factor}>
          <span>${c}</span>
          <span class="value">
            ${r}
            ${n.threshold!==null&&n.threshold!==void 0?l`<span class="muted"
                  >(${this._texts.label(n.level==="low"?"factor_limit":"factor_from",{threshold:o})})</span
                >`:d}
            <span class="chip level-${n.level}"
              >${u in ne?this._texts.label(u):n.level}</span
            >
          </span>
        </div>`})}
    </section>`}_renderLoad(){let e=this.hass,t=this._state("sensor.load_ratio"),s=b(t)?Number(t.state):null,n=s!==null&&Number.isFinite(s),r=n?At(s):void 0,o={under:"band_under",sweet:"band_sweet_spot",caution:"band_caution",danger:"band_danger"},a=[["acute_load","sensor.acute_load"],["chronic_load","sensor.chronic_load"]],c=this._state("sensor.weekly_distance"),u=this._state("sensor.weekly_distance_change");return l`<section data-section="load">
      <h3>${this._texts.label("load")}</h3>
      <div class="load">
        <div class="dial">
          ${kt(n?s:null,this._texts.label("load_ratio"))}
          <div class="ratio" data-field="load-ratio">
            ${n?w(e,s,2):"–"}
          </div>
          <div class="muted" style="text-align:center">
            ${r?this._texts.label(o[r]):this._texts.label("not_enough_history")}
          </div>
        </div>
        <div class="figures">
          ${b(c)?l`<div class="row">
                <span>${this._texts.label("weekly_distance")}</span>
                <span class="value" data-field="weekly-distance">${this._text(c)}</span>
              </div>`:d}
          ${b(u)?l`<div class="row">
                <span class="muted">${this._texts.label("weekly_change")}</span>
                <span class="value">${Number(u.state)>0?"+":""}${this._text(u)}</span>
              </div>`:d}
          ${a.map(([h,p])=>{let f=p?this._state(p):void 0;return b(f)?l`<div class="row">
                  <span>${this._texts.label(h)}</span>
                  <span class="value">${this._text(f)}</span>
                </div>`:d})}
        </div>
      </div>
    </section>`}_renderAnkles(e){let t=this._texts,s=e?.attributes.ankles??[],n=this._state("sensor.likely_cause");return l`<section data-section="ankles">
      <h3>${this._texts.label("ankles")}</h3>
      ${s.length===0&&b(n)?l`<div class="row">
            <span>${this._texts.label("likely_cause")}</span><span class="value">${this._text(n)}</span>
          </div>`:d}
      ${s.map(r=>l`<div class="ankle" data-side=${r.side??"unspecified"}>
          <div class="row">
            <strong>${r.side?t.option("side",r.side):this._texts.label("ankle_unspecified")}</strong>
            <span class="value">
              ${r.severity!==null?l`<span class="muted"
                    >${this._texts.label("severity_of_10",{severity:r.severity})}</span
                  >`:d}
              <span class="chip ${r.may_run?"level-low":"level-high"}"
                >${t.state("sensor","recovery_phase",r.phase)}</span
              >
            </span>
          </div>
          <div class="row">
            <span class="muted">${this._texts.label("likely_cause")}</span>
            <span class="value">${t.state("sensor","likely_cause",r.likely_cause)}</span>
          </div>
          ${r.referral?l`<div class="row">
                <span class="muted">${this._texts.label("see_professional")}</span>
                <span class="value"
                  >${t.attribute("sensor","recovery_phase","referral",r.referral)}</span
                >
              </div>`:d}
          <div class="muted">
            ${t.attribute("sensor","recovery_phase","next_step",r.next_step)}
          </div>
        </div>`)}
    </section>`}_renderReminder(){let e=this._state("sensor.next_reminder");return l`<section data-section="reminder">
      <h3>${this._texts.label("reminder")}</h3>
      ${b(e)?l`<div class="row" data-field="reminder">
            <span><strong>${this._attr(e,"kind")}</strong> · ${this._text(e)}</span>
            <span class="value" data-field="countdown">${xt(this._texts,e.state,this._now)}</span>
          </div>`:l`<div class="muted">${this._texts.label("no_reminder")}</div>`}
    </section>`}_renderExercises(){let e=this._state("todo.prevention_exercises"),t=this._items;return l`<section data-section="exercises">
      <h3>${this._texts.label("exercises")}</h3>
      ${e?l`<div class="muted">${this._attr(e,"reason")}</div>`:d}
      ${t===void 0?l`<div class="muted">${this._texts.label("loading")}</div>`:t.length===0?l`<div class="muted">${this._texts.label("no_exercises")}</div>`:l`<ul class="exercises">
              ${t.map(s=>l`<li class=${s.status==="completed"?"done":""}>
                  <label title=${s.description??""}>
                    <input
                      type="checkbox"
                      data-uid=${s.uid}
                      .checked=${s.status==="completed"}
                      @change=${n=>this._tick(s,n)}
                    />
                    <span>${s.summary}</span>
                  </label>
                </li>`)}
            </ul>`}
      ${this._itemError?l`<div class="error" role="alert">${this._itemError}</div>`:d}
    </section>`}async _tick(e,t){let s=t.target,n=this._todoEntity;if(!(!this.hass||!n)){this._itemError=void 0,s.disabled=!0;try{await this.hass.callWS({type:"call_service",domain:"todo",service:"update_item",target:{entity_id:n},service_data:{item:e.uid,status:s.checked?"completed":"needs_action"}})}catch(r){s.checked=e.status==="completed",this._itemError=this._texts.error(r)}finally{s.disabled=!1}}}_renderShoes(e){let t=this.hass,s=e.shoeWornOut.map(u=>t.states[u]).filter(u=>u?.state==="on"),n=this._texts.get("entity.binary_sensor.shoe_worn_out.name")??"{shoe}",[r,o=""]=n.split("{shoe}"),a=u=>{let h=String(u.attributes.friendly_name??u.entity_id);return h.startsWith(`${e.name} `)&&(h=h.slice(e.name.length+1)),r&&h.startsWith(r)&&(h=h.slice(r.length)),o&&h.endsWith(o)&&(h=h.slice(0,-o.length)),h},c=this._unit;return l`<section data-section="shoes">
      <h3>${this._texts.label("shoes")}</h3>
      ${s.length===0?l`<div class="muted">${this._texts.label("no_worn_out_shoes")}</div>`:s.map(u=>l`<div class="row" data-field="worn-shoe">
              <span>${a(u)}</span>
              <span class="value level-moderate"
                >${this._texts.label("shoe_worn_out",{distance:X(t,Number(u.attributes.distance_km??0),c),limit:X(t,Number(u.attributes.limit_km??0),c)})}</span
              >
            </div>`)}
    </section>`}_renderActions(e){return l`<section data-section="actions">
      <h3>${this._texts.label("actions")}</h3>
      <ankle-care-card-actions
        .hass=${this.hass}
        .runner=${e}
        .texts=${this._texts}
        .unit=${this._unit}
      ></ankle-care-card-actions>
    </section>`}};D.styles=he,D.properties={hass:{attribute:!1},_config:{state:!0},_texts:{state:!0},_items:{state:!0},_itemError:{state:!0},_now:{state:!0}}});var U,Ct=_(()=>{"use strict";H();Fe();Be();I();U=class extends g{constructor(){super(),this._texts=y.empty()}setConfig(e){this._config=e}_changed(e){this._config=e,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:e},bubbles:!0,composed:!0}))}_pickRunner(e){if(!this._config)return;let t=e.target.value;this._changed({...this._config,config_entry_id:t})}_toggleSection(e,t){if(!this._config)return;let s=new Set(Z(this._config));t.target.checked?s.add(e):s.delete(e);let n={...this._config};s.size===S.length?delete n.sections:n.sections=S.filter(r=>s.has(r)),this._changed(n)}willUpdate(e){let t=this.hass;t&&e.has("hass")&&this._texts.language!==v(t)&&(this._texts=j(v(t)),ie(t).then(s=>{this.hass&&v(this.hass)===s.language&&(this._texts=s)}))}render(){if(!this.hass||!this._config)return l``;let e=this._texts,t=J(this.hass),s=this._config.config_entry_id??"",n=Z(this._config);return l`<div class="form">
      ${t.length===0?l`<p class="muted">${e.label("editor_no_runners")}</p>`:l`<label class="field">
            <span>${e.label("editor_runner")}</span>
            <select name="runner" @change=${this._pickRunner}>
              ${s&&!t.some(r=>r.entryId===s)?l`<option value=${s} selected>${s}</option>`:""}
              ${t.map(r=>l`<option value=${r.entryId} ?selected=${r.entryId===s}>
                    ${r.name}
                  </option>`)}
            </select>
          </label>`}
      <fieldset>
        <legend>${e.label("editor_sections")}</legend>
        ${S.map(r=>l`<label>
            <input
              type="checkbox"
              name=${r}
              .checked=${n.includes(r)}
              @change=${o=>this._toggleSection(r,o)}
            />
            ${e.label(`section_${r}`)}
          </label>`)}
      </fieldset>
    </div>`}};U.styles=B`
    :host {
      display: block;
      color: var(--primary-text-color, #212121);
    }
    .form {
      display: grid;
      gap: 16px;
    }
    label.field {
      display: grid;
      gap: 4px;
    }
    select {
      font: inherit;
      padding: 8px;
      border-radius: 6px;
      border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      background: var(--secondary-background-color, transparent);
      color: var(--primary-text-color, #212121);
    }
    fieldset {
      border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      border-radius: 8px;
      margin: 0;
      padding: 8px 12px;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: 4px 12px;
    }
    legend,
    .muted {
      color: var(--secondary-text-color, #727272);
    }
    input {
      accent-color: var(--primary-color, #03a9f4);
    }
  `,U.properties={hass:{attribute:!1},_config:{state:!0},_texts:{state:!0}}});var Rt={};Ht(Rt,{defineElements:()=>as});function as(){let i=[[Ke,M],[te,U],[V,D]];for(let[e,t]of i)customElements.get(e)||customElements.define(e,t)}var Tt=_(()=>{"use strict";vt();Fe();se();Ct()});se();I();var fe=window;fe.customCards=fe.customCards??[];fe.customCards.some(i=>i.type===V)||fe.customCards.push({type:V,get name(){return re("card_name")},get description(){return re("card_description")},preview:!0,documentationURL:"https://github.com/ankle-care/ankle_care#dashboard-card"});customElements.whenDefined("home-assistant").then(()=>Promise.resolve().then(()=>(Tt(),Rt))).then(({defineElements:i})=>{i(),xe()}).catch(i=>{console.error(`Ankle Care card ${We} could not start`,i)});
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
