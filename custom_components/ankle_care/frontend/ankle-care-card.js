/* Ankle Care card 0.1.0: built by scripts/build-card.mjs from frontend/src; do not edit. */
var bt=Object.defineProperty;var m=(i,e,t)=>()=>{if(t)throw t[0];try{return i&&(e=i(i=0)),e}catch(s){throw t=[s],s}};var xt=(i,e)=>{for(var t in e)bt(i,t,{get:e[t],enumerable:!0})};var z,te,De,Ue,se=m(()=>{"use strict";z="ankle-care-card",te="ankle-care-card-editor",De="ankle-care-card-actions",Ue="0.1.0"});function a(i,e={}){return _e(C[i],e)}function _e(i,e){return i.replace(/\{(\w+)\}/g,(t,s)=>s in e?String(e[s]):t)}var C,R=m(()=>{"use strict";C={card_name:"Ankle Care",card_description:"May I run today? Recovery phase, injury risk, load ratio, each ankle, the next reminder, today's exercises, and quick logging.",choose_runner:"Choose a runner in the card's settings.",runner_not_found:"No Ankle Care runner with this config entry was found.",loading:"Loading…",may_run_question:"May I run today?",may_run_yes:"Yes",may_run_no:"Not today",may_run_up_to:"up to {distance}",next_step:"Next step",phase:"Recovery phase",day_of_care:"day {day} of care",red_flag:"Red flag",see_professional:"See a professional",ice_on:"Ice is on",risk:"Injury risk",factor_load_ratio:"Load ratio",factor_weekly_change:"Weekly change",factor_shoe_wear:"Shoe wear",factor_soreness:"Soreness",factor_hard_surface:"Hard surfaces",factor_uneven_surface:"Uneven surfaces",factor_limit:"limit {threshold}",factor_from:"from {threshold}",level_low:"low",level_moderate:"moderate",level_high:"high",level_very_high:"very high",load:"Training load",load_ratio:"Acute:chronic load ratio",band_under:"below 0.8",band_sweet_spot:"0.8–1.3 sweet spot",band_caution:"1.3–1.5",band_danger:"above 1.5 danger zone",not_enough_history:"The ratio needs 28 days of history.",acute_load:"Acute load (7 days)",chronic_load:"Chronic load (28 days)",weekly_distance:"Last 7 days",weekly_change:"against the 7 days before",ankles:"Ankles",ankle_unspecified:"Ankle (side not given)",severity_of_10:"{severity}/10",likely_cause:"Likely cause",reminder:"Next reminder",no_reminder:"No reminder planned.",countdown_minutes:"in {minutes} min",countdown_hours:"in {hours} h {minutes} min",countdown_days:"in {days} d {hours} h",countdown_now:"now",exercises:"Today's exercises",no_exercises:"No exercises today.",shoes:"Shoes",shoe_worn_out:"worn out: {distance} of {limit}",no_worn_out_shoes:"No pair is worn out.",actions:"Quick actions",log_soreness:"Log soreness",done_icing:"Done icing",log_run:"Log a run",seen_professional:"Seen a professional",save:"Save",cancel:"Cancel",not_sure:"Not sure",severity_help:"0 = pain-free, 10 = worst",symptoms:"Tick what applies",outer_side:"Outer side",inner_side:"Inner side",location_list:"Where it hurts",distance:"Distance ({unit})",duration:"Duration (min)",rpe:"Effort (RPE 1–10)",surface:"Surface",logged_soreness:"Logged. Recovery phase: {phase}.",logged_ice:"Ice logged.",logged_run:"Run logged. Injury risk: {risk}.",logged_visit:"Visit logged. Recovery phase: {phase}.",error:"Not saved",editor_runner:"Runner",editor_sections:"Sections",editor_no_runners:"No Ankle Care runner yet: add one under Settings → Devices & services.",section_status:"May I run today?",section_risk:"Injury risk",section_load:"Training load",section_ankles:"Ankles",section_reminder:"Next reminder",section_exercises:"Today's exercises",section_shoes:"Shoes",section_actions:"Quick actions"}});var ne,ie,me,Ve,j,ze,B,je,fe,ge=m(()=>{ne=globalThis,ie=ne.ShadowRoot&&(ne.ShadyCSS===void 0||ne.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,me=Symbol(),Ve=new WeakMap,j=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==me)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(ie&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=Ve.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&Ve.set(t,e))}return e}toString(){return this.cssText}},ze=i=>new j(typeof i=="string"?i:i+"",void 0,me),B=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,n,r)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+i[r+1],i[0]);return new j(t,i,me)},je=(i,e)=>{if(ie)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=ne.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,i.appendChild(s)}},fe=ie?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return ze(t)})(i):i});var wt,At,kt,Et,St,Ct,re,Be,Rt,Tt,F,ve,We,Fe,$,oe=m(()=>{ge();ge();({is:wt,defineProperty:At,getOwnPropertyDescriptor:kt,getOwnPropertyNames:Et,getOwnPropertySymbols:St,getPrototypeOf:Ct}=Object),re=globalThis,Be=re.trustedTypes,Rt=Be?Be.emptyScript:"",Tt=re.reactiveElementPolyfillSupport,F=(i,e)=>i,ve={toAttribute(i,e){switch(e){case Boolean:i=i?Rt:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},We=(i,e)=>!wt(i,e),Fe={attribute:!0,type:String,converter:ve,reflect:!1,useDefault:!1,hasChanged:We};Symbol.metadata??=Symbol("metadata"),re.litPropertyMetadata??=new WeakMap;$=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Fe){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&At(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:r}=kt(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:n,set(o){let c=n?.call(this);r?.call(this,o),this.requestUpdate(e,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Fe}static _$Ei(){if(this.hasOwnProperty(F("elementProperties")))return;let e=Ct(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(F("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(F("properties"))){let t=this.properties,s=[...Et(t),...St(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(fe(n))}else e!==void 0&&t.push(fe(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return je(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let r=(s.converter?.toAttribute!==void 0?s.converter:ve).toAttribute(t,s.type);this._$Em=e,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let r=s.getPropertyOptions(n),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:ve;this._$Em=n;let c=o.fromAttribute(t,r.type);this[n]=c??this._$Ej?.get(n)??c,this._$Em=null}}requestUpdate(e,t,s,n=!1,r){if(e!==void 0){let o=this.constructor;if(n===!1&&(r=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??We)(r,t)||s.useDefault&&s.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:r},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,r]of s){let{wrapped:o}=r,c=this[n];o!==!0||this._$AL.has(n)||c===void 0||this.C(n,void 0,r,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};$.elementStyles=[],$.shadowRootOptions={mode:"open"},$[F("elementProperties")]=new Map,$[F("finalized")]=new Map,Tt?.({ReactiveElement:$}),(re.reactiveElementVersions??=[]).push("2.1.2")});function st(i,e){if(!Ee(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ge!==void 0?Ge.createHTML(e):e}function N(i,e,t=i,s){if(e===I)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,r=G(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(i),n._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=N(i,n._$AS(i,e.values),n,s)),e}var ke,Ke,ae,Ge,Ze,A,et,Ht,L,K,G,Ee,Lt,ye,W,qe,Qe,T,Ye,Xe,tt,Se,l,f,cs,I,u,Je,H,It,q,$e,Q,M,be,xe,we,Ae,Ot,nt,ce=m(()=>{ke=globalThis,Ke=i=>i,ae=ke.trustedTypes,Ge=ae?ae.createPolicy("lit-html",{createHTML:i=>i}):void 0,Ze="$lit$",A=`lit$${Math.random().toFixed(9).slice(2)}$`,et="?"+A,Ht=`<${et}>`,L=document,K=()=>L.createComment(""),G=i=>i===null||typeof i!="object"&&typeof i!="function",Ee=Array.isArray,Lt=i=>Ee(i)||typeof i?.[Symbol.iterator]=="function",ye=`[ 	
\f\r]`,W=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,qe=/-->/g,Qe=/>/g,T=RegExp(`>|${ye}(?:([^\\s"'>=/]+)(${ye}*=${ye}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Ye=/'/g,Xe=/"/g,tt=/^(?:script|style|textarea|title)$/i,Se=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),l=Se(1),f=Se(2),cs=Se(3),I=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),Je=new WeakMap,H=L.createTreeWalker(L,129);It=(i,e)=>{let t=i.length-1,s=[],n,r=e===2?"<svg>":e===3?"<math>":"",o=W;for(let c=0;c<t;c++){let d=i[c],p,h,_=-1,g=0;for(;g<d.length&&(o.lastIndex=g,h=o.exec(d),h!==null);)g=o.lastIndex,o===W?h[1]==="!--"?o=qe:h[1]!==void 0?o=Qe:h[2]!==void 0?(tt.test(h[2])&&(n=RegExp("</"+h[2],"g")),o=T):h[3]!==void 0&&(o=T):o===T?h[0]===">"?(o=n??W,_=-1):h[1]===void 0?_=-2:(_=o.lastIndex-h[2].length,p=h[1],o=h[3]===void 0?T:h[3]==='"'?Xe:Ye):o===Xe||o===Ye?o=T:o===qe||o===Qe?o=W:(o=T,n=void 0);let w=o===T&&i[c+1].startsWith("/>")?" ":"";r+=o===W?d+Ht:_>=0?(s.push(p),d.slice(0,_)+Ze+d.slice(_)+A+w):d+A+(_===-2?c:w)}return[st(i,r+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},q=class i{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let r=0,o=0,c=e.length-1,d=this.parts,[p,h]=It(e,t);if(this.el=i.createElement(p,s),H.currentNode=this.el.content,t===2||t===3){let _=this.el.content.firstChild;_.replaceWith(..._.childNodes)}for(;(n=H.nextNode())!==null&&d.length<c;){if(n.nodeType===1){if(n.hasAttributes())for(let _ of n.getAttributeNames())if(_.endsWith(Ze)){let g=h[o++],w=n.getAttribute(_).split(A),ee=/([.?@])?(.*)/.exec(g);d.push({type:1,index:r,name:ee[2],strings:w,ctor:ee[1]==="."?be:ee[1]==="?"?xe:ee[1]==="@"?we:M}),n.removeAttribute(_)}else _.startsWith(A)&&(d.push({type:6,index:r}),n.removeAttribute(_));if(tt.test(n.tagName)){let _=n.textContent.split(A),g=_.length-1;if(g>0){n.textContent=ae?ae.emptyScript:"";for(let w=0;w<g;w++)n.append(_[w],K()),H.nextNode(),d.push({type:2,index:++r});n.append(_[g],K())}}}else if(n.nodeType===8)if(n.data===et)d.push({type:2,index:r});else{let _=-1;for(;(_=n.data.indexOf(A,_+1))!==-1;)d.push({type:7,index:r}),_+=A.length-1}r++}}static createElement(e,t){let s=L.createElement("template");return s.innerHTML=e,s}};$e=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??L).importNode(t,!0);H.currentNode=n;let r=H.nextNode(),o=0,c=0,d=s[0];for(;d!==void 0;){if(o===d.index){let p;d.type===2?p=new Q(r,r.nextSibling,this,e):d.type===1?p=new d.ctor(r,d.name,d.strings,this,e):d.type===6&&(p=new Ae(r,this,e)),this._$AV.push(p),d=s[++c]}o!==d?.index&&(r=H.nextNode(),o++)}return H.currentNode=L,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},Q=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=N(this,e,t),G(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==I&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Lt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&G(this._$AH)?this._$AA.nextSibling.data=e:this.T(L.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=q.createElement(st(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let r=new $e(n,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=Je.get(e.strings);return t===void 0&&Je.set(e.strings,t=new q(e)),t}k(e){Ee(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let r of e)n===t.length?t.push(s=new i(this.O(K()),this.O(K()),this,this.options)):s=t[n],s._$AI(r),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=Ke(e).nextSibling;Ke(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},M=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,r){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=r,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=u}_$AI(e,t=this,s,n){let r=this.strings,o=!1;if(r===void 0)e=N(this,e,t,0),o=!G(e)||e!==this._$AH&&e!==I,o&&(this._$AH=e);else{let c=e,d,p;for(e=r[0],d=0;d<r.length-1;d++)p=N(this,c[s+d],t,d),p===I&&(p=this._$AH[d]),o||=!G(p)||p!==this._$AH[d],p===u?e=u:e!==u&&(e+=(p??"")+r[d+1]),this._$AH[d]=p}o&&!n&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},be=class extends M{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}},xe=class extends M{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}},we=class extends M{constructor(e,t,s,n,r){super(e,t,s,n,r),this.type=5}_$AI(e,t=this){if((e=N(this,e,t,0)??u)===I)return;let s=this._$AH,n=e===u&&s!==u||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,r=e!==u&&(s===u||n);n&&this.element.removeEventListener(this.name,this,s),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Ae=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){N(this,e)}},Ot=ke.litHtmlPolyfillSupport;Ot?.(q,Q),(ke.litHtmlVersions??=[]).push("3.3.3");nt=(i,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let r=t?.renderBefore??null;s._$litPart$=n=new Q(e.insertBefore(K(),r),r,void 0,t??{})}return n._$AI(i),n}});var Ce,v,Nt,it=m(()=>{oe();oe();ce();ce();Ce=globalThis,v=class extends ${constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=nt(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return I}};v._$litElement$=!0,v.finalized=!0,Ce.litElementHydrateSupport?.({LitElement:v});Nt=Ce.litElementPolyfillSupport;Nt?.({LitElement:v});(Ce.litElementVersions??=[]).push("4.2.2")});var rt=m(()=>{});var O=m(()=>{oe();ce();it();rt()});function Pt(i){let e=i==="outer"?"outer_ankle":"inner_ankle",t=s=>s?"spot selected":"spot";return[{key:"back_of_ankle",shape:s=>f`<rect class=${t(s)} x="28" y="26" width="16" height="46" rx="7"></rect>`},{key:"heel",shape:s=>f`<ellipse class=${t(s)} cx="38" cy="97" rx="14" ry="10"></ellipse>`},{key:e,shape:s=>f`<circle class=${t(s)} cx="58" cy="66" r="9"></circle>`},{key:"front_of_ankle",shape:s=>f`<ellipse class=${t(s)} cx="86" cy="72" rx="10" ry="8"></ellipse>`},{key:"bone_spot",shape:s=>f`<circle class=${t(s)} cx="120" cy="90" r="6"></circle>`}]}function Re(i,e,t,s){let n=i==="inner"?"translate(200 0) scale(-1 1)":"",r=o=>c=>{(c.key==="Enter"||c.key===" ")&&(c.preventDefault(),s(o))};return f`<svg class="ankle" viewBox="0 0 200 114" data-view=${i}>
    <g transform=${n}>
      <path class="foot" d=${Mt}></path>
      ${Pt(i).map(({key:o,shape:c})=>f`<g role="button" tabindex="0" data-location=${o}
          aria-label=${t(o)} aria-pressed=${e===o?"true":"false"}
          @click=${()=>s(o)} @keydown=${r(o)}>
          <title>${t(o)}</title>${c(e===o)}</g>`)}
    </g>
  </svg>`}var ot,Mt,at=m(()=>{"use strict";O();ot=["back_of_ankle","outer_ankle","inner_ankle","front_of_ankle","heel","bone_spot"],Mt="M 42 2 L 72 2 L 74 58 Q 80 72 100 78 L 150 86 Q 174 90 174 101 Q 174 110 160 110 L 48 110 Q 24 110 24 92 Q 24 80 34 70 L 40 2 Z"});var le,Te=m(()=>{"use strict";O();le=B`
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
`});function Vt(i,e,t){let s=`${e}|${t}`,n=He.get(s);return n||(n=i.callWS({type:"frontend/get_translations",language:e,category:t,integration:[b]}).then(r=>r.resources).catch(()=>(He.delete(s),{})),He.set(s,n)),n}async function ct(i){let e=i.language||"en",t=await Promise.all(Dt.map(s=>Vt(i,e,s)));return new k(e,Object.assign({},...t))}var b,Dt,Ut,He,k,de=m(()=>{"use strict";R();b="ankle_care",Dt=["entity","selector","services","exceptions"],Ut=`component.${b}.`,He=new Map;k=class i{constructor(e,t){this.language=e;this.resources=t}static empty(e=""){return new i(e,{})}get(e,t={}){let s=this.resources[Ut+e];return s===void 0?void 0:_e(s,t)}state(e,t,s){return this.get(`entity.${e}.${t}.state.${s}`)??s}attribute(e,t,s,n){return this.get(`entity.${e}.${t}.state_attributes.${s}.state.${n}`)??n}option(e,t){return this.get(`selector.${e}.options.${t}`)??t}field(e,t){return this.get(`services.${e}.fields.${t}.name`)??t}error(e){let t=e??{};if(t.translation_domain===b&&t.translation_key){let s=this.get(`exceptions.${t.translation_key}.message`,t.translation_placeholders??{});if(s)return s}return typeof t.message=="string"&&t.message?t.message:e instanceof Error?e.message:String(e)}}});var zt,jt,Bt,P,lt=m(()=>{"use strict";O();at();R();Te();de();zt=["morning_stiffness","pain_on_push_off","worse_on_uneven_ground","eases_when_warmed_up","persistent_ache","worse_after_running","pain_when_weight_bearing","swelling","visible_deformity","cannot_bear_weight","numbness_or_tingling"],jt=["road","track","treadmill","trail","grass","mixed"],Bt=["left","right"],P=class extends v{constructor(){super(),this.texts=k.empty(),this.unit="km",this._busy=!1,this._reset()}_reset(){this._severity=3,this._side="",this._location=void 0,this._symptoms=new Set,this._surface="road",this._cleared=!1}async _call(e,t){if(!this.hass||!this.runner)throw new Error("not ready");return(await this.hass.callWS({type:"call_service",domain:b,service:e,service_data:{config_entry_id:this.runner.entryId,...t},return_response:!0})).response??{}}async _run(e,t,s){this._busy=!0,this._error=void 0,this._message=void 0;try{let n=await this._call(e,t);this._message=s(n),this._open=void 0,this._reset()}catch(n){this._error=this.texts.error(n)}finally{this._busy=!1}}_phase(e){return this.texts.state("sensor","recovery_phase",String(e.recovery_phase??""))}_toggle(e){this._open=this._open===e?void 0:e,this._error=void 0,this._message=void 0}_submitSoreness(e){e.preventDefault();let t={severity:this._severity};this._side&&(t.side=this._side),this._location&&(t.location=this._location);for(let s of this._symptoms)t[s]=!0;this._run("log_soreness",t,s=>a("logged_soreness",{phase:this._phase(s)}))}_doneIcing(){this._open=void 0,this._run("log_treatment",{treatment:"ice"},()=>a("logged_ice"))}_submitRun(e){e.preventDefault();let t=e.target,s=r=>t.elements.namedItem(r)?.value.trim()??"",n={distance:Number(s("distance")),unit:this.unit,surface:this._surface};s("duration_minutes")&&(n.duration_minutes=Number(s("duration_minutes"))),s("rpe")&&(n.rpe=Number(s("rpe"))),this._run("log_run",n,r=>a("logged_run",{risk:this.texts.state("sensor","injury_risk",String(r.injury_risk??""))}))}_submitVisit(e){e.preventDefault();let t={cleared_to_run:this._cleared};this._side&&(t.side=this._side),this._run("log_professional_visit",t,s=>a("logged_visit",{phase:this._phase(s)}))}render(){let e=!!this.hass?.services?.[b]?.log_professional_visit,t=(s,n)=>l`<button
        type="button"
        data-action=${s}
        aria-expanded=${this._open===s?"true":"false"}
        ?disabled=${this._busy}
        @click=${()=>this._toggle(s)}
      >
        ${n}
      </button>`;return l`<div class="buttons">
        ${t("soreness",a("log_soreness"))}
        <button type="button" data-action="ice" ?disabled=${this._busy} @click=${this._doneIcing}>
          ${a("done_icing")}
        </button>
        ${t("run",a("log_run"))}
        ${e?t("visit",a("seen_professional")):u}
      </div>
      ${this._open==="soreness"?this._sorenessForm():u}
      ${this._open==="run"?this._runForm():u}
      ${this._open==="visit"?this._visitForm():u}
      ${this._error?l`<div class="error" role="alert" data-field="error">
            ${a("error")}: ${this._error}
          </div>`:u}
      ${this._message?l`<div class="message" role="status" data-field="message">${this._message}</div>`:u}`}_sideChoice(e){let t=this.texts;return l`<fieldset>
      <legend>${t.field(e,"side")}</legend>
      <div class="inline">
        ${["",...Bt].map(s=>l`<label>
            <input
              type="radio"
              name="side"
              value=${s}
              .checked=${this._side===s}
              @change=${()=>{this._side=s}}
            />
            ${s?t.option("side",s):a("not_sure")}
          </label>`)}
      </div>
    </fieldset>`}_sorenessForm(){let e=this.texts,t=n=>e.option("location",n),s=n=>{this._location=this._location===n?void 0:n};return l`<form data-form="soreness" @submit=${this._submitSoreness}>
      <label class="field">
        <span>${e.field("log_soreness","severity")} <span class="muted">(${a("severity_help")})</span></span>
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
            ${Re("outer",this._location,t,s)}
            <figcaption>${a("outer_side")}</figcaption>
          </figure>
          <figure>
            ${Re("inner",this._location,t,s)}
            <figcaption>${a("inner_side")}</figcaption>
          </figure>
        </div>
        <label class="field">
          <span class="muted">${a("location_list")}</span>
          <select
            name="location"
            @change=${n=>{let r=n.target.value;this._location=r||void 0}}
          >
            <option value="" ?selected=${!this._location}>${a("not_sure")}</option>
            ${ot.map(n=>l`<option value=${n} ?selected=${this._location===n}>
                  ${t(n)}
                </option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>${a("symptoms")}</legend>
        <div class="symptoms">
          ${zt.map(n=>l`<label>
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
          <span>${a("distance",{unit:this.unit})}</span>
          <input type="number" name="distance" min="0" step="0.01" required inputmode="decimal" />
        </label>
        <label class="field">
          <span>${a("duration")}</span>
          <input type="number" name="duration_minutes" min="1" step="1" inputmode="numeric" />
        </label>
        <label class="field">
          <span>${a("rpe")}</span>
          <input type="number" name="rpe" min="1" max="10" step="1" inputmode="numeric" />
        </label>
        <label class="field">
          <span>${a("surface")}</span>
          <select
            name="surface"
            @change=${t=>{this._surface=t.target.value}}
          >
            ${jt.map(t=>l`<option value=${t} ?selected=${this._surface===t}>
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
      <button type="submit" class="primary" ?disabled=${this._busy}>${a("save")}</button>
      <button
        type="button"
        ?disabled=${this._busy}
        @click=${()=>{this._open=void 0,this._error=void 0}}
      >
        ${a("cancel")}
      </button>
    </div>`}};P.styles=le,P.properties={hass:{attribute:!1},runner:{attribute:!1},texts:{attribute:!1},unit:{attribute:!1},_open:{state:!0},_busy:{state:!0},_error:{state:!0},_message:{state:!0},_severity:{state:!0},_side:{state:!0},_location:{state:!0},_symptoms:{state:!0},_surface:{state:!0},_cleared:{state:!0}}});function y(i){return i!==void 0&&!Wt.has(i.state)}function dt(i,e){let t=i.entities?.[e.entity_id]?.translation_key;return t?[e.entity_id.split(".",1)[0],t]:void 0}function ut(i,e,t){if(i.formatEntityState)return i.formatEntityState(t);let s=dt(i,t),n=t.attributes.unit_of_measurement,r=s?e.state(s[0],s[1],t.state):t.state;return n?`${r} ${String(n)}`:r}function Le(i,e,t,s){let n=t.attributes[s];if(n==null)return"";if(i.formatEntityAttributeValue)return i.formatEntityAttributeValue(t,s);let r=dt(i,t);return r?e.attribute(r[0],r[1],s,String(n)):String(n)}function x(i,e,t=0){return new Intl.NumberFormat(i.locale?.language??i.language??"en",{minimumFractionDigits:t,maximumFractionDigits:t}).format(e)}function ue(i,e,t=!1){let s=(i.locale?.language??i.language??"en").split("-")[0];return`${t&&e>0?"+":""}${x(i,e)}${Kt.has(s)?" ":""}%`}function Y(i,e,t,s=0){let n=t==="mi"?e/Ft:e;return`${x(i,n,s)} ${t}`}function pt(i,e){let t=Math.round((Date.parse(i)-e)/6e4);if(Number.isNaN(t)||t<=0)return a("countdown_now");if(t<60)return a("countdown_minutes",{minutes:t});let s=Math.floor(t/60);return s<24?a("countdown_hours",{hours:s,minutes:t%60}):a("countdown_days",{days:Math.floor(s/24),hours:s%24})}var Ft,Wt,Kt,ht=m(()=>{"use strict";R();Ft=1.609344,Wt=new Set(["unknown","unavailable",""]);Kt=new Set(["cs","de","fi","fr","sk","sv"])});function pe(i,e){let t=Math.PI*(1-Math.min(Math.max(i,0),Ie)/Ie);return[Oe+e*Math.cos(t),Ne-e*Math.sin(t)]}function _t(i){return i<.8?"under":i<=1.3?"sweet":i<=1.5?"caution":"danger"}function mt(i,e){let t=Gt.map(({from:r,to:o,name:c})=>{let[d,p]=pe(r,D),[h,_]=pe(o,D);return f`<path class="band ${c}" d="M ${E(d)} ${E(p)} A ${D} ${D} 0 0 1 ${E(h)} ${E(_)}"></path>`}),s=qt.map(r=>{let[o,c]=pe(r,D+14);return f`<text class="tick" x=${E(o)} y=${E(c)}>${r.toFixed(1)}</text>`}),n=f``;if(i!==null){let[r,o]=pe(i,D-14);n=f`<line class="needle" x1=${Oe} y1=${Ne} x2=${E(r)} y2=${E(o)}></line>`}return f`<svg class="gauge" viewBox="0 0 200 108" role="img" aria-label=${e}>
    <title>${e}</title>${t}${s}${n}<circle class="hub" cx=${Oe} cy=${Ne} r="5"></circle>
  </svg>`}var Ie,Gt,qt,Oe,Ne,D,E,ft=m(()=>{"use strict";O();Ie=2,Gt=[{from:0,to:.8,name:"under"},{from:.8,to:1.3,name:"sweet"},{from:1.3,to:1.5,name:"caution"},{from:1.5,to:Ie,name:"danger"}],qt=[.8,1.3,1.5],Oe=100,Ne=100,D=80;E=i=>i.toFixed(2)});function Yt(i){let e=i.identifiers?.find(([t])=>t===b);return e?e[1]:i.primary_config_entry??i.config_entries[0]}function J(i){if(X&&X.entities===i.entities&&X.devices===i.devices)return X.runners;let e=new Map;for(let s of Object.values(i.entities??{})){if(s.platform!==b||!s.device_id||!s.translation_key)continue;let n=e.get(s.device_id);if(!n){let c=i.devices?.[s.device_id],d=c&&Yt(c);if(!c||!d)continue;n={entryId:d,deviceId:c.id,name:c.name_by_user||c.name||d,entities:new Map,shoeDistance:[],shoeWornOut:[]},e.set(s.device_id,n)}let[r]=s.entity_id.split(".",1),o=s.translation_key;Qt.has(o)?(o==="shoe_distance"?n.shoeDistance:n.shoeWornOut).push(s.entity_id):n.entities.set(`${r}.${o}`,s.entity_id)}let t=[...e.values()].sort((s,n)=>s.name.localeCompare(n.name));return X={entities:i.entities,devices:i.devices,runners:t},t}function gt(i,e){if(e)return J(i).find(t=>t.entryId===e)}var Qt,X,Me=m(()=>{"use strict";de();Qt=new Set(["shoe_distance","shoe_worn_out"])});function Zt(i){if(!i||typeof i!="object")throw new Error("Invalid configuration");if(i.config_entry_id!==void 0&&typeof i.config_entry_id!="string")throw new Error("config_entry_id must be the runner's config entry id (text)");if(i.sections!==void 0){if(!Array.isArray(i.sections))throw new Error("sections must be a list");let e=i.sections.filter(t=>!S.includes(t));if(e.length)throw new Error(`Unknown sections: ${e.join(", ")}; choose from ${S.join(", ")}`)}return i}function Z(i){let e=i?.sections;return e?S.filter(t=>e.includes(t)):[...S]}var S,Xt,Jt,U,Pe=m(()=>{"use strict";O();se();ht();ft();R();Me();Te();de();S=["status","risk","load","ankles","reminder","exercises","shoes","actions"],Xt={status:3,risk:3,load:3,ankles:2,reminder:1,exercises:3,shoes:1,actions:1},Jt=3e4;U=class extends v{constructor(){super(),this._texts=k.empty(),this._now=Date.now()}static getConfigElement(){return document.createElement(te)}static getStubConfig(e){let t=J(e)[0];return{config_entry_id:t?t.entryId:""}}setConfig(e){this._config=Zt(e)}getCardSize(){return 1+Z(this._config).reduce((e,t)=>e+Xt[t],0)}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),this._now=Date.now(),this._timer=window.setInterval(()=>{this._now=Date.now()},Jt),this._subscribeItems()}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this._timer),this._timer=void 0,this._unsubscribeItems()}get _runner(){return this.hass&&gt(this.hass,this._config?.config_entry_id)}_state(e){let t=this._runner?.entities.get(e);return t?this.hass?.states[t]:void 0}shouldUpdate(e){if(e.size!==1||!e.has("hass"))return!0;let t=e.get("hass"),s=this.hass;if(!t||!s||t.entities!==s.entities||t.devices!==s.devices||t.language!==s.language||t.themes!==s.themes||t.services!==s.services)return!0;let n=this._runner;return n?[...n.entities.values(),...n.shoeWornOut,...n.shoeDistance].some(o=>t.states[o]!==s.states[o]):!1}willUpdate(e){let t=this.hass;if(t&&e.has("hass")&&this._texts.language!==(t.language||"en")){let s=t.language||"en";this._texts=k.empty(s),ct(t).then(n=>{(this.hass?.language||"en")===n.language&&(this._texts=n)})}(e.has("hass")||e.has("_config"))&&this._subscribeItems()}_subscribeItems(){let e=this._runner?.entities.get("todo.prevention_exercises");!this.isConnected||!this.hass||e===this._todoEntity||(this._unsubscribeItems(),this._todoEntity=e,e&&(this._unsubscribe=this.hass.connection.subscribeMessage(t=>{this._items=t.items},{type:"todo/item/subscribe",entity_id:e}),this._unsubscribe.catch(t=>{this._itemError=this._texts.error(t)})))}_unsubscribeItems(){let e=this._unsubscribe;this._unsubscribe=void 0,this._todoEntity=void 0,this._items=void 0,e?.then(t=>t()).catch(()=>{})}render(){if(!this.hass||!this._config)return l``;if(!this._config.config_entry_id)return l`<div class="card"><p>${a("choose_runner")}</p></div>`;let e=this._runner;if(!e)return l`<div class="card"><p class="error">${a("runner_not_found")}</p></div>`;let t=this._state("sensor.recovery_phase"),s={status:()=>this._renderStatus(t),risk:()=>this._renderRisk(),load:()=>this._renderLoad(),ankles:()=>this._renderAnkles(t),reminder:()=>this._renderReminder(),exercises:()=>this._renderExercises(),shoes:()=>this._renderShoes(e),actions:()=>this._renderActions(e)},n=t&&this.hass?Le(this.hass,this._texts,t,"disclaimer"):"";return l`<div class="card" data-runner=${e.entryId}>
      <header>
        <span class="title">${e.name}</span>
        <span class="brand">${a("card_name")}</span>
      </header>
      ${Z(this._config).map(r=>s[r]())}
      ${n?l`<footer class="disclaimer">${n}</footer>`:u}
    </div>`}_text(e){return this.hass?ut(this.hass,this._texts,e):e.state}_attr(e,t){return this.hass?Le(this.hass,this._texts,e,t):""}_renderStatus(e){if(!y(e))return l`<section data-section="status"><p>${a("loading")}</p></section>`;let t=e.attributes.may_run===!0,s=this._state("sensor.safe_distance_today"),n=this._state("binary_sensor.red_flag"),r=this._state("binary_sensor.see_professional"),o=this._state("binary_sensor.ice_session_active"),c=e.attributes.day_of_care,d=this._attr(e,"referral");return l`<section data-section="status" class="status ${t?"yes":"no"}">
      <div class="question">${a("may_run_question")}</div>
      <div class="answer" data-field="may-run">
        ${t?a("may_run_yes"):a("may_run_no")}
        ${t&&y(s)?l`<span class="distance"
              >${a("may_run_up_to",{distance:this._text(s)})}</span
            >`:u}
      </div>
      <div>
        <span class="muted">${a("phase")}</span>
        <span class="chip" data-field="phase">${this._text(e)}</span>
        ${typeof c=="number"?l`<span class="muted">${a("day_of_care",{day:c})}</span>`:u}
      </div>
      <div class="next-step" data-field="next-step">
        <span class="muted">${a("next_step")}:</span> ${this._attr(e,"next_step")}
      </div>
      ${n?.state==="on"?l`<div class="banner" role="alert">${a("red_flag")}: ${d}</div>`:r?.state==="on"?l`<div class="banner" role="alert">${a("see_professional")}: ${d}</div>`:u}
      ${o?.state==="on"?l`<div class="banner info">${a("ice_on")}</div>`:u}
    </section>`}_factorValue(e,t){let s=this.hass,{value:n,threshold:r}=e,o=(c,d)=>c==null?"–":d(c);switch(e.factor){case"load_ratio":return[o(n,c=>x(s,c,2)),o(r,c=>x(s,c,1))];case"weekly_change":return[o(n,c=>ue(s,c,!0)),o(r,c=>ue(s,c))];case"shoe_wear":return[o(n,c=>Y(s,c,t)),o(r,c=>Y(s,c,t))];case"soreness":return[o(n,c=>a("severity_of_10",{severity:x(s,c)})),o(r,c=>x(s,c))];default:return[o(n,c=>ue(s,c)),o(r,c=>x(s,c))]}}get _unit(){return this._state("sensor.weekly_distance")?.attributes.unit_of_measurement==="mi"?"mi":"km"}_renderRisk(){let e=this._state("sensor.injury_risk");if(!y(e))return l`<section data-section="risk"></section>`;let t=e.attributes.factors??[],s=this._unit;return l`<section data-section="risk">
      <div class="headline">
        <h3>${a("risk")}</h3>
        <span class="big level-${e.state}" data-field="risk">${this._text(e)}</span>
      </div>
      ${t.map(n=>{let[r,o]=this._factorValue(n,s),c=`factor_${n.factor}`,d=c in C?a(c):n.factor,p=`level_${n.level}`;return l`<div class="row factor" data-factor=${n.factor}>
          <span>${d}</span>
          <span class="value">
            ${r}
            ${n.threshold!==null&&n.threshold!==void 0?l`<span class="muted"
                  >(${a(n.level==="low"?"factor_limit":"factor_from",{threshold:o})})</span
                >`:u}
            <span class="chip level-${n.level}"
              >${p in C?a(p):n.level}</span
            >
          </span>
        </div>`})}
    </section>`}_renderLoad(){let e=this.hass,t=this._state("sensor.load_ratio"),s=y(t)?Number(t.state):null,n=s!==null&&Number.isFinite(s),r=n?_t(s):void 0,o={under:"band_under",sweet:"band_sweet_spot",caution:"band_caution",danger:"band_danger"},c=[["acute_load","sensor.acute_load"],["chronic_load","sensor.chronic_load"]],d=this._state("sensor.weekly_distance"),p=this._state("sensor.weekly_distance_change");return l`<section data-section="load">
      <h3>${a("load")}</h3>
      <div class="load">
        <div class="dial">
          ${mt(n?s:null,a("load_ratio"))}
          <div class="ratio" data-field="load-ratio">
            ${n?x(e,s,2):"–"}
          </div>
          <div class="muted" style="text-align:center">
            ${r?a(o[r]):a("not_enough_history")}
          </div>
        </div>
        <div class="figures">
          ${y(d)?l`<div class="row">
                <span>${a("weekly_distance")}</span>
                <span class="value" data-field="weekly-distance">${this._text(d)}</span>
              </div>`:u}
          ${y(p)?l`<div class="row">
                <span class="muted">${a("weekly_change")}</span>
                <span class="value">${Number(p.state)>0?"+":""}${this._text(p)}</span>
              </div>`:u}
          ${c.map(([h,_])=>{let g=_?this._state(_):void 0;return y(g)?l`<div class="row">
                  <span>${a(h)}</span>
                  <span class="value">${this._text(g)}</span>
                </div>`:u})}
        </div>
      </div>
    </section>`}_renderAnkles(e){let t=this._texts,s=e?.attributes.ankles??[],n=this._state("sensor.likely_cause");return l`<section data-section="ankles">
      <h3>${a("ankles")}</h3>
      ${s.length===0&&y(n)?l`<div class="row">
            <span>${a("likely_cause")}</span><span class="value">${this._text(n)}</span>
          </div>`:u}
      ${s.map(r=>l`<div class="ankle" data-side=${r.side??"unspecified"}>
          <div class="row">
            <strong>${r.side?t.option("side",r.side):a("ankle_unspecified")}</strong>
            <span class="value">
              ${r.severity!==null?l`<span class="muted"
                    >${a("severity_of_10",{severity:r.severity})}</span
                  >`:u}
              <span class="chip ${r.may_run?"level-low":"level-high"}"
                >${t.state("sensor","recovery_phase",r.phase)}</span
              >
            </span>
          </div>
          <div class="row">
            <span class="muted">${a("likely_cause")}</span>
            <span class="value">${t.state("sensor","likely_cause",r.likely_cause)}</span>
          </div>
          ${r.referral?l`<div class="row">
                <span class="muted">${a("see_professional")}</span>
                <span class="value"
                  >${t.attribute("sensor","recovery_phase","referral",r.referral)}</span
                >
              </div>`:u}
          <div class="muted">
            ${t.attribute("sensor","recovery_phase","next_step",r.next_step)}
          </div>
        </div>`)}
    </section>`}_renderReminder(){let e=this._state("sensor.next_reminder");return l`<section data-section="reminder">
      <h3>${a("reminder")}</h3>
      ${y(e)?l`<div class="row" data-field="reminder">
            <span><strong>${this._attr(e,"kind")}</strong> · ${this._text(e)}</span>
            <span class="value" data-field="countdown">${pt(e.state,this._now)}</span>
          </div>`:l`<div class="muted">${a("no_reminder")}</div>`}
    </section>`}_renderExercises(){let e=this._state("todo.prevention_exercises"),t=this._items;return l`<section data-section="exercises">
      <h3>${a("exercises")}</h3>
      ${e?l`<div class="muted">${this._attr(e,"reason")}</div>`:u}
      ${t===void 0?l`<div class="muted">${a("loading")}</div>`:t.length===0?l`<div class="muted">${a("no_exercises")}</div>`:l`<ul class="exercises">
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
      ${this._itemError?l`<div class="error" role="alert">${this._itemError}</div>`:u}
    </section>`}async _tick(e,t){let s=t.target,n=this._todoEntity;if(!(!this.hass||!n)){this._itemError=void 0,s.disabled=!0;try{await this.hass.callWS({type:"call_service",domain:"todo",service:"update_item",target:{entity_id:n},service_data:{item:e.uid,status:s.checked?"completed":"needs_action"}})}catch(r){s.checked=e.status==="completed",this._itemError=this._texts.error(r)}finally{s.disabled=!1}}}_renderShoes(e){let t=this.hass,s=e.shoeWornOut.map(p=>t.states[p]).filter(p=>p?.state==="on"),n=this._texts.get("entity.binary_sensor.shoe_worn_out.name")??"{shoe}",[r,o=""]=n.split("{shoe}"),c=p=>{let h=String(p.attributes.friendly_name??p.entity_id);return h.startsWith(`${e.name} `)&&(h=h.slice(e.name.length+1)),r&&h.startsWith(r)&&(h=h.slice(r.length)),o&&h.endsWith(o)&&(h=h.slice(0,-o.length)),h},d=this._unit;return l`<section data-section="shoes">
      <h3>${a("shoes")}</h3>
      ${s.length===0?l`<div class="muted">${a("no_worn_out_shoes")}</div>`:s.map(p=>l`<div class="row" data-field="worn-shoe">
              <span>${c(p)}</span>
              <span class="value level-moderate"
                >${a("shoe_worn_out",{distance:Y(t,Number(p.attributes.distance_km??0),d),limit:Y(t,Number(p.attributes.limit_km??0),d)})}</span
              >
            </div>`)}
    </section>`}_renderActions(e){return l`<section data-section="actions">
      <h3>${a("actions")}</h3>
      <ankle-care-card-actions
        .hass=${this.hass}
        .runner=${e}
        .texts=${this._texts}
        .unit=${this._unit}
      ></ankle-care-card-actions>
    </section>`}};U.styles=le,U.properties={hass:{attribute:!1},_config:{state:!0},_texts:{state:!0},_items:{state:!0},_itemError:{state:!0},_now:{state:!0}}});var V,vt=m(()=>{"use strict";O();Pe();R();Me();V=class extends v{setConfig(e){this._config=e}_changed(e){this._config=e,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:e},bubbles:!0,composed:!0}))}_pickRunner(e){if(!this._config)return;let t=e.target.value;this._changed({...this._config,config_entry_id:t})}_toggleSection(e,t){if(!this._config)return;let s=new Set(Z(this._config));t.target.checked?s.add(e):s.delete(e);let n={...this._config};s.size===S.length?delete n.sections:n.sections=S.filter(r=>s.has(r)),this._changed(n)}render(){if(!this.hass||!this._config)return l``;let e=J(this.hass),t=this._config.config_entry_id??"",s=Z(this._config);return l`<div class="form">
      ${e.length===0?l`<p class="muted">${a("editor_no_runners")}</p>`:l`<label class="field">
            <span>${a("editor_runner")}</span>
            <select name="runner" @change=${this._pickRunner}>
              ${t&&!e.some(n=>n.entryId===t)?l`<option value=${t} selected>${t}</option>`:""}
              ${e.map(n=>l`<option value=${n.entryId} ?selected=${n.entryId===t}>
                    ${n.name}
                  </option>`)}
            </select>
          </label>`}
      <fieldset>
        <legend>${a("editor_sections")}</legend>
        ${S.map(n=>l`<label>
            <input
              type="checkbox"
              name=${n}
              .checked=${s.includes(n)}
              @change=${r=>this._toggleSection(n,r)}
            />
            ${a(`section_${n}`)}
          </label>`)}
      </fieldset>
    </div>`}};V.styles=B`
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
  `,V.properties={hass:{attribute:!1},_config:{state:!0}}});var yt={};xt(yt,{defineElements:()=>es});function es(){let i=[[De,P],[te,V],[z,U]];for(let[e,t]of i)customElements.get(e)||customElements.define(e,t)}var $t=m(()=>{"use strict";lt();Pe();se();vt()});se();R();var he=window;he.customCards=he.customCards??[];he.customCards.some(i=>i.type===z)||he.customCards.push({type:z,name:C.card_name,description:C.card_description,preview:!0,documentationURL:"https://github.com/ankle-care/ankle_care#dashboard-card"});customElements.whenDefined("home-assistant").then(()=>Promise.resolve().then(()=>($t(),yt))).then(({defineElements:i})=>i()).catch(i=>{console.error(`Ankle Care card ${Ue} could not start`,i)});
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
