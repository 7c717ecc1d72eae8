/**
 * `custom:ankle-care-card`: one runner at a glance.
 *
 * The card reads the runner's entities (found through the runner's device, see
 * `runner.ts`) and changes nothing itself: ticking an exercise and the quick actions
 * call the integration's actions, whose new states come back through `hass`.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";

import { EDITOR_TAG } from "./constants";
import {
  attributeText,
  countdown,
  distance,
  isKnown,
  number,
  percent,
  stateText,
} from "./format";
import { bandOf, loadRatioGauge } from "./gauge";
import { LABELS, type LabelKey } from "./labels";
import { findRunner, findRunners, type Runner } from "./runner";
import { cardStyles } from "./styles";
import { Texts, fetchedTexts, loadTexts, textLanguage } from "./translations";
import type {
  AnkleCareCardConfig,
  AnkleSummary,
  HassEntity,
  HomeAssistant,
  RiskFactor,
  TodoItem,
} from "./types";

export const SECTIONS = [
  "status",
  "risk",
  "load",
  "ankles",
  "reminder",
  "exercises",
  "shoes",
  "actions",
] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_ROWS: Record<Section, number> = {
  status: 3,
  risk: 3,
  load: 3,
  ankles: 2,
  reminder: 1,
  exercises: 3,
  shoes: 1,
  actions: 1,
};
const TICK_MS = 30_000;

/** Check a configuration and return it with the sections it shows. */
export function checkConfig(config: AnkleCareCardConfig): AnkleCareCardConfig {
  if (!config || typeof config !== "object") throw new Error("Invalid configuration");
  if (config.config_entry_id !== undefined && typeof config.config_entry_id !== "string") {
    throw new Error("config_entry_id must be the runner's config entry id (text)");
  }
  if (config.sections !== undefined) {
    if (!Array.isArray(config.sections)) throw new Error("sections must be a list");
    const unknown = config.sections.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length) {
      throw new Error(`Unknown sections: ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`);
    }
  }
  return config;
}

export function shownSections(config: AnkleCareCardConfig | undefined): Section[] {
  const chosen = config?.sections;
  return chosen ? SECTIONS.filter((s) => chosen.includes(s)) : [...SECTIONS];
}

export class AnkleCareCard extends LitElement {
  static styles = cardStyles;

  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _texts: { state: true },
    _items: { state: true },
    _itemError: { state: true },
    _now: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare _config: AnkleCareCardConfig | undefined;
  declare _texts: Texts;
  declare _items: TodoItem[] | undefined;
  declare _itemError: string | undefined;
  declare _now: number;

  private _timer: number | undefined;
  private _todoEntity: string | undefined;
  private _unsubscribe: Promise<() => Promise<void>> | undefined;

  constructor() {
    super();
    this._texts = Texts.empty();
    this._now = Date.now();
  }

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TAG);
  }

  /** The card as the card picker adds it: the first runner, every section. */
  static getStubConfig(hass: HomeAssistant): Omit<AnkleCareCardConfig, "type"> {
    const runner = findRunners(hass)[0];
    return { config_entry_id: runner ? runner.entryId : "" };
  }

  setConfig(config: AnkleCareCardConfig): void {
    this._config = checkConfig(config);
  }

  getCardSize(): number {
    return 1 + shownSections(this._config).reduce((rows, s) => rows + SECTION_ROWS[s], 0);
  }

  getGridOptions(): Record<string, number> {
    return { columns: 12, min_columns: 6 };
  }

  connectedCallback(): void {
    super.connectedCallback();
    this._now = Date.now();
    this._timer = window.setInterval(() => {
      this._now = Date.now();
    }, TICK_MS);
    this._subscribeItems();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this._timer);
    this._timer = undefined;
    this._unsubscribeItems();
  }

  private get _runner(): Runner | undefined {
    return this.hass && findRunner(this.hass, this._config?.config_entry_id);
  }

  private _state(key: string): HassEntity | undefined {
    const id = this._runner?.entities.get(key);
    return id ? this.hass?.states[id] : undefined;
  }

  /** Re-render only when something the card shows changed, not on every state change. */
  protected shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size !== 1 || !changed.has("hass")) return true;
    const old = changed.get("hass") as HomeAssistant | undefined;
    const hass = this.hass;
    if (!old || !hass) return true;
    if (
      old.entities !== hass.entities ||
      old.devices !== hass.devices ||
      old.language !== hass.language ||
      old.themes !== hass.themes ||
      old.services !== hass.services
    ) {
      return true;
    }
    const runner = this._runner;
    if (!runner) return false;
    const ids = [...runner.entities.values(), ...runner.shoeWornOut, ...runner.shoeDistance];
    return ids.some((id) => old.states[id] !== hass.states[id]);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const hass = this.hass;
    if (hass && changed.has("hass") && this._texts.language !== textLanguage(hass)) {
      // What this page fetched already (another card's), the rest once it arrives.
      this._texts = fetchedTexts(textLanguage(hass));
      loadTexts(hass).then((texts) => {
        if (this.hass && textLanguage(this.hass) === texts.language) this._texts = texts;
      });
    }
    if (changed.has("hass") || changed.has("_config")) this._subscribeItems();
  }

  /** Follow today's exercises: the to-do list's items arrive over the WebSocket. */
  private _subscribeItems(): void {
    const entityId = this._runner?.entities.get("todo.prevention_exercises");
    if (!this.isConnected || !this.hass || entityId === this._todoEntity) return;
    this._unsubscribeItems();
    this._todoEntity = entityId;
    if (!entityId) return;
    this._unsubscribe = this.hass.connection.subscribeMessage<{ items: TodoItem[] }>(
      (message) => {
        this._items = message.items;
      },
      { type: "todo/item/subscribe", entity_id: entityId },
    );
    this._unsubscribe.catch((err: unknown) => {
      this._itemError = this._texts.error(err);
    });
  }

  private _unsubscribeItems(): void {
    const pending = this._unsubscribe;
    this._unsubscribe = undefined;
    this._todoEntity = undefined;
    this._items = undefined;
    pending?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }

  protected render(): TemplateResult {
    if (!this.hass || !this._config) return html``;
    if (!this._config.config_entry_id) {
      return html`<div class="card"><p>${this._texts.label("choose_runner")}</p></div>`;
    }
    const runner = this._runner;
    if (!runner) {
      return html`<div class="card"><p class="error">${this._texts.label("runner_not_found")}</p></div>`;
    }
    const phase = this._state("sensor.recovery_phase");
    const renderers: Record<Section, () => TemplateResult | typeof nothing> = {
      status: () => this._renderStatus(phase),
      risk: () => this._renderRisk(),
      load: () => this._renderLoad(),
      ankles: () => this._renderAnkles(phase),
      reminder: () => this._renderReminder(),
      exercises: () => this._renderExercises(),
      shoes: () => this._renderShoes(runner),
      actions: () => this._renderActions(runner),
    };
    const disclaimer =
      phase && this.hass ? attributeText(this.hass, this._texts, phase, "disclaimer") : "";
    return html`<div class="card" data-runner=${runner.entryId}>
      <header>
        <span class="title">${runner.name}</span>
        <span class="brand">${this._texts.label("card_name")}</span>
      </header>
      ${shownSections(this._config).map((section) => renderers[section]())}
      ${disclaimer ? html`<footer class="disclaimer">${disclaimer}</footer>` : nothing}
    </div>`;
  }

  private _text(entity: HassEntity): string {
    return this.hass ? stateText(this.hass, this._texts, entity) : entity.state;
  }

  private _attr(entity: HassEntity, attribute: string): string {
    return this.hass ? attributeText(this.hass, this._texts, entity, attribute) : "";
  }

  private _renderStatus(phase: HassEntity | undefined): TemplateResult {
    if (!isKnown(phase)) {
      return html`<section data-section="status"><p>${this._texts.label("loading")}</p></section>`;
    }
    const mayRun = phase.attributes.may_run === true;
    const safe = this._state("sensor.safe_distance_today");
    const redFlag = this._state("binary_sensor.red_flag");
    const seePro = this._state("binary_sensor.see_professional");
    const ice = this._state("binary_sensor.ice_session_active");
    const day = phase.attributes.day_of_care;
    const referral = this._attr(phase, "referral");
    return html`<section data-section="status" class="status ${mayRun ? "yes" : "no"}">
      <div class="question">${this._texts.label("may_run_question")}</div>
      <div class="answer" data-field="may-run">
        ${mayRun ? this._texts.label("may_run_yes") : this._texts.label("may_run_no")}
        ${mayRun && isKnown(safe)
          ? html`<span class="distance"
              >${this._texts.label("may_run_up_to", { distance: this._text(safe) })}</span
            >`
          : nothing}
      </div>
      <div>
        <span class="muted">${this._texts.label("phase")}</span>
        <span class="chip" data-field="phase">${this._text(phase)}</span>
        ${typeof day === "number" ? html`<span class="muted">${this._texts.label("day_of_care", { day })}</span>` : nothing}
      </div>
      <div class="next-step" data-field="next-step">
        <span class="muted">${this._texts.label("next_step")}:</span> ${this._attr(phase, "next_step")}
      </div>
      ${redFlag?.state === "on"
        ? html`<div class="banner" role="alert">${this._texts.label("red_flag")}: ${referral}</div>`
        : seePro?.state === "on"
          ? html`<div class="banner" role="alert">${this._texts.label("see_professional")}: ${referral}</div>`
          : nothing}
      ${ice?.state === "on" ? html`<div class="banner info">${this._texts.label("ice_on")}</div>` : nothing}
    </section>`;
  }

  private _factorValue(factor: RiskFactor, unit: string): [string, string] {
    const hass = this.hass as HomeAssistant;
    const { value, threshold } = factor;
    const show = (v: number | null, format: (v: number) => string): string =>
      v === null || v === undefined ? "–" : format(v);
    switch (factor.factor) {
      case "load_ratio":
        return [show(value, (v) => number(hass, v, 2)), show(threshold, (v) => number(hass, v, 1))];
      case "weekly_change":
        return [
          show(value, (v) => percent(hass, v, true)),
          show(threshold, (v) => percent(hass, v)),
        ];
      case "shoe_wear":
        return [
          show(value, (v) => distance(hass, v, unit)),
          show(threshold, (v) => distance(hass, v, unit)),
        ];
      case "soreness":
        return [
          show(value, (v) => this._texts.label("severity_of_10", { severity: number(hass, v) })),
          show(threshold, (v) => number(hass, v)),
        ];
      default:
        return [show(value, (v) => percent(hass, v)), show(threshold, (v) => number(hass, v))];
    }
  }

  private get _unit(): string {
    const weekly = this._state("sensor.weekly_distance");
    return weekly?.attributes.unit_of_measurement === "mi" ? "mi" : "km";
  }

  private _renderRisk(): TemplateResult {
    const risk = this._state("sensor.injury_risk");
    if (!isKnown(risk)) return html`<section data-section="risk"></section>`;
    const factors = (risk.attributes.factors as RiskFactor[] | undefined) ?? [];
    const unit = this._unit;
    return html`<section data-section="risk">
      <div class="headline">
        <h3>${this._texts.label("risk")}</h3>
        <span class="big level-${risk.state}" data-field="risk">${this._text(risk)}</span>
      </div>
      ${factors.map((factor) => {
        const [value, threshold] = this._factorValue(factor, unit);
        const key = `factor_${factor.factor}`;
        const name = key in LABELS ? this._texts.label(key as LabelKey) : factor.factor;
        const level = `level_${factor.level}`;
        return html`<div class="row factor" data-factor=${factor.factor}>
          <span>${name}</span>
          <span class="value">
            ${value}
            ${factor.threshold !== null && factor.threshold !== undefined
              ? html`<span class="muted"
                  >(${this._texts.label(factor.level === "low" ? "factor_limit" : "factor_from", {
                    threshold,
                  })})</span
                >`
              : nothing}
            <span class="chip level-${factor.level}"
              >${level in LABELS ? this._texts.label(level as LabelKey) : factor.level}</span
            >
          </span>
        </div>`;
      })}
    </section>`;
  }

  private _renderLoad(): TemplateResult {
    const hass = this.hass as HomeAssistant;
    const ratioState = this._state("sensor.load_ratio");
    const ratio = isKnown(ratioState) ? Number(ratioState.state) : null;
    const valid = ratio !== null && Number.isFinite(ratio);
    const band = valid ? bandOf(ratio) : undefined;
    const bandLabel: Record<string, LabelKey> = {
      under: "band_under",
      sweet: "band_sweet_spot",
      caution: "band_caution",
      danger: "band_danger",
    };
    const rows: [LabelKey, string | undefined][] = [
      ["acute_load", "sensor.acute_load"],
      ["chronic_load", "sensor.chronic_load"],
    ];
    const weekly = this._state("sensor.weekly_distance");
    const change = this._state("sensor.weekly_distance_change");
    return html`<section data-section="load">
      <h3>${this._texts.label("load")}</h3>
      <div class="load">
        <div class="dial">
          ${loadRatioGauge(valid ? ratio : null, this._texts.label("load_ratio"))}
          <div class="ratio" data-field="load-ratio">
            ${valid ? number(hass, ratio, 2) : "–"}
          </div>
          <div class="muted" style="text-align:center">
            ${band ? this._texts.label(bandLabel[band]) : this._texts.label("not_enough_history")}
          </div>
        </div>
        <div class="figures">
          ${isKnown(weekly)
            ? html`<div class="row">
                <span>${this._texts.label("weekly_distance")}</span>
                <span class="value" data-field="weekly-distance">${this._text(weekly)}</span>
              </div>`
            : nothing}
          ${isKnown(change)
            ? html`<div class="row">
                <span class="muted">${this._texts.label("weekly_change")}</span>
                <span class="value">${Number(change.state) > 0 ? "+" : ""}${this._text(change)}</span>
              </div>`
            : nothing}
          ${rows.map(([name, key]) => {
            const entity = key ? this._state(key) : undefined;
            return isKnown(entity)
              ? html`<div class="row">
                  <span>${this._texts.label(name)}</span>
                  <span class="value">${this._text(entity)}</span>
                </div>`
              : nothing;
          })}
        </div>
      </div>
    </section>`;
  }

  private _renderAnkles(phase: HassEntity | undefined): TemplateResult {
    const texts = this._texts;
    const ankles = (phase?.attributes.ankles as AnkleSummary[] | undefined) ?? [];
    const cause = this._state("sensor.likely_cause");
    return html`<section data-section="ankles">
      <h3>${this._texts.label("ankles")}</h3>
      ${ankles.length === 0 && isKnown(cause)
        ? html`<div class="row">
            <span>${this._texts.label("likely_cause")}</span><span class="value">${this._text(cause)}</span>
          </div>`
        : nothing}
      ${ankles.map(
        (ankle) => html`<div class="ankle" data-side=${ankle.side ?? "unspecified"}>
          <div class="row">
            <strong>${ankle.side ? texts.option("side", ankle.side) : this._texts.label("ankle_unspecified")}</strong>
            <span class="value">
              ${ankle.severity !== null
                ? html`<span class="muted"
                    >${this._texts.label("severity_of_10", { severity: ankle.severity })}</span
                  >`
                : nothing}
              <span class="chip ${ankle.may_run ? "level-low" : "level-high"}"
                >${texts.state("sensor", "recovery_phase", ankle.phase)}</span
              >
            </span>
          </div>
          <div class="row">
            <span class="muted">${this._texts.label("likely_cause")}</span>
            <span class="value">${texts.state("sensor", "likely_cause", ankle.likely_cause)}</span>
          </div>
          ${ankle.referral
            ? html`<div class="row">
                <span class="muted">${this._texts.label("see_professional")}</span>
                <span class="value"
                  >${texts.attribute("sensor", "recovery_phase", "referral", ankle.referral)}</span
                >
              </div>`
            : nothing}
          <div class="muted">
            ${texts.attribute("sensor", "recovery_phase", "next_step", ankle.next_step)}
          </div>
        </div>`,
      )}
    </section>`;
  }

  private _renderReminder(): TemplateResult {
    const next = this._state("sensor.next_reminder");
    return html`<section data-section="reminder">
      <h3>${this._texts.label("reminder")}</h3>
      ${isKnown(next)
        ? html`<div class="row" data-field="reminder">
            <span><strong>${this._attr(next, "kind")}</strong> · ${this._text(next)}</span>
            <span class="value" data-field="countdown">${countdown(this._texts, next.state, this._now)}</span>
          </div>`
        : html`<div class="muted">${this._texts.label("no_reminder")}</div>`}
    </section>`;
  }

  private _renderExercises(): TemplateResult {
    const todo = this._state("todo.prevention_exercises");
    const items = this._items;
    return html`<section data-section="exercises">
      <h3>${this._texts.label("exercises")}</h3>
      ${todo ? html`<div class="muted">${this._attr(todo, "reason")}</div>` : nothing}
      ${items === undefined
        ? html`<div class="muted">${this._texts.label("loading")}</div>`
        : items.length === 0
          ? html`<div class="muted">${this._texts.label("no_exercises")}</div>`
          : html`<ul class="exercises">
              ${items.map(
                (item) => html`<li class=${item.status === "completed" ? "done" : ""}>
                  <label title=${item.description ?? ""}>
                    <input
                      type="checkbox"
                      data-uid=${item.uid}
                      .checked=${item.status === "completed"}
                      @change=${(event: Event) => this._tick(item, event)}
                    />
                    <span>${item.summary}</span>
                  </label>
                </li>`,
              )}
            </ul>`}
      ${this._itemError
        ? html`<div class="error" role="alert">${this._itemError}</div>`
        : nothing}
    </section>`;
  }

  /** Check an exercise off (or back on) through the to-do list's own action. */
  private async _tick(item: TodoItem, event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const entityId = this._todoEntity;
    if (!this.hass || !entityId) return;
    this._itemError = undefined;
    box.disabled = true;
    try {
      await this.hass.callWS({
        type: "call_service",
        domain: "todo",
        service: "update_item",
        target: { entity_id: entityId },
        service_data: { item: item.uid, status: box.checked ? "completed" : "needs_action" },
      });
    } catch (err) {
      box.checked = item.status === "completed";
      this._itemError = this._texts.error(err);
    } finally {
      box.disabled = false;
    }
  }

  private _renderShoes(runner: Runner): TemplateResult {
    const hass = this.hass as HomeAssistant;
    const worn = runner.shoeWornOut
      .map((id) => hass.states[id])
      .filter((entity): entity is HassEntity => entity?.state === "on");
    const pattern = this._texts.get("entity.binary_sensor.shoe_worn_out.name") ?? "{shoe}";
    const [before, after = ""] = pattern.split("{shoe}");
    const shoeName = (entity: HassEntity): string => {
      let name = String(entity.attributes.friendly_name ?? entity.entity_id);
      if (name.startsWith(`${runner.name} `)) name = name.slice(runner.name.length + 1);
      if (before && name.startsWith(before)) name = name.slice(before.length);
      if (after && name.endsWith(after)) name = name.slice(0, -after.length);
      return name;
    };
    const unit = this._unit;
    return html`<section data-section="shoes">
      <h3>${this._texts.label("shoes")}</h3>
      ${worn.length === 0
        ? html`<div class="muted">${this._texts.label("no_worn_out_shoes")}</div>`
        : worn.map(
            (entity) => html`<div class="row" data-field="worn-shoe">
              <span>${shoeName(entity)}</span>
              <span class="value level-moderate"
                >${this._texts.label("shoe_worn_out", {
                  distance: distance(hass, Number(entity.attributes.distance_km ?? 0), unit),
                  limit: distance(hass, Number(entity.attributes.limit_km ?? 0), unit),
                })}</span
              >
            </div>`,
          )}
    </section>`;
  }

  private _renderActions(runner: Runner): TemplateResult {
    return html`<section data-section="actions">
      <h3>${this._texts.label("actions")}</h3>
      <ankle-care-card-actions
        .hass=${this.hass}
        .runner=${runner}
        .texts=${this._texts}
        .unit=${this._unit}
      ></ankle-care-card-actions>
    </section>`;
  }
}
