/**
 * The card's quick actions: log soreness, done icing, log a run, seen a professional.
 *
 * Each is one call of the integration's action (`ankle_care.log_soreness`, …),
 * which validates everything and stores all of it or nothing; its translated error
 * is shown in the card and the form stays open to correct it.
 */
import { LitElement, html, nothing, type TemplateResult } from "lit";

import { ankleView, LOCATIONS, type Location } from "./ankle-drawing";
import type { Runner } from "./runner";
import { cardStyles } from "./styles";
import { DOMAIN, Texts } from "./translations";
import type { HomeAssistant, ServiceCallResult } from "./types";

/** The yes/no answers of `ankle_care.log_soreness`, in the action's order. */
export const SYMPTOMS = [
  "morning_stiffness",
  "pain_on_push_off",
  "worse_on_uneven_ground",
  "eases_when_warmed_up",
  "persistent_ache",
  "worse_after_running",
  "pain_when_weight_bearing",
  "swelling",
  "visible_deformity",
  "cannot_bear_weight",
  "numbness_or_tingling",
] as const;
const SURFACES = ["road", "track", "treadmill", "trail", "grass", "mixed"] as const;
const SIDES = ["left", "right"] as const;

type Form = "soreness" | "run" | "visit";

export class AnkleCareActions extends LitElement {
  static styles = cardStyles;

  static properties = {
    hass: { attribute: false },
    runner: { attribute: false },
    texts: { attribute: false },
    unit: { attribute: false },
    _open: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _message: { state: true },
    _severity: { state: true },
    _side: { state: true },
    _location: { state: true },
    _symptoms: { state: true },
    _surface: { state: true },
    _cleared: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare runner: Runner | undefined;
  declare texts: Texts;
  declare unit: string;
  declare _open: Form | undefined;
  declare _busy: boolean;
  declare _error: string | undefined;
  declare _message: string | undefined;
  declare _severity: number;
  declare _side: string;
  declare _location: Location | undefined;
  declare _symptoms: Set<string>;
  declare _surface: string;
  declare _cleared: boolean;

  constructor() {
    super();
    this.texts = Texts.empty();
    this.unit = "km";
    this._busy = false;
    this._reset();
  }

  private _reset(): void {
    this._severity = 3;
    this._side = "";
    this._location = undefined;
    this._symptoms = new Set();
    this._surface = "road";
    this._cleared = false;
  }

  /** Call one of the integration's actions for this runner and return its response. */
  private async _call(
    service: string,
    data: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!this.hass || !this.runner) throw new Error("not ready");
    const result = await this.hass.callWS<ServiceCallResult>({
      type: "call_service",
      domain: DOMAIN,
      service,
      service_data: { config_entry_id: this.runner.entryId, ...data },
      return_response: true,
    });
    return result.response ?? {};
  }

  private async _run(
    service: string,
    data: Record<string, unknown>,
    done: (response: Record<string, unknown>) => string,
  ): Promise<void> {
    this._busy = true;
    this._error = undefined;
    this._message = undefined;
    try {
      const response = await this._call(service, data);
      this._message = done(response);
      this._open = undefined;
      this._reset();
    } catch (err) {
      this._error = this.texts.error(err);
    } finally {
      this._busy = false;
    }
  }

  private _phase(response: Record<string, unknown>): string {
    return this.texts.state("sensor", "recovery_phase", String(response.recovery_phase ?? ""));
  }

  private _toggle(form: Form): void {
    this._open = this._open === form ? undefined : form;
    this._error = undefined;
    this._message = undefined;
  }

  private _submitSoreness(event: Event): void {
    event.preventDefault();
    const data: Record<string, unknown> = { severity: this._severity };
    if (this._side) data.side = this._side;
    if (this._location) data.location = this._location;
    for (const symptom of this._symptoms) data[symptom] = true;
    this._run("log_soreness", data, (response) =>
      this.texts.label("logged_soreness", { phase: this._phase(response) }),
    );
  }

  private _doneIcing(): void {
    this._open = undefined;
    this._run("log_treatment", { treatment: "ice" }, () => this.texts.label("logged_ice"));
  }

  private _submitRun(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string): string =>
      (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? "";
    const data: Record<string, unknown> = {
      distance: Number(value("distance")),
      unit: this.unit,
      surface: this._surface,
    };
    if (value("duration_minutes")) data.duration_minutes = Number(value("duration_minutes"));
    if (value("rpe")) data.rpe = Number(value("rpe"));
    this._run("log_run", data, (response) =>
      this.texts.label("logged_run", {
        risk: this.texts.state("sensor", "injury_risk", String(response.injury_risk ?? "")),
      }),
    );
  }

  private _submitVisit(event: Event): void {
    event.preventDefault();
    const data: Record<string, unknown> = { cleared_to_run: this._cleared };
    if (this._side) data.side = this._side;
    this._run("log_professional_visit", data, (response) =>
      this.texts.label("logged_visit", { phase: this._phase(response) }),
    );
  }

  protected render(): TemplateResult {
    const canVisit = Boolean(this.hass?.services?.[DOMAIN]?.log_professional_visit);
    const button = (form: Form, text: string) =>
      html`<button
        type="button"
        data-action=${form}
        aria-expanded=${this._open === form ? "true" : "false"}
        ?disabled=${this._busy}
        @click=${() => this._toggle(form)}
      >
        ${text}
      </button>`;
    return html`<div class="buttons">
        ${button("soreness", this.texts.label("log_soreness"))}
        <button type="button" data-action="ice" ?disabled=${this._busy} @click=${this._doneIcing}>
          ${this.texts.label("done_icing")}
        </button>
        ${button("run", this.texts.label("log_run"))}
        ${canVisit ? button("visit", this.texts.label("seen_professional")) : nothing}
      </div>
      ${this._open === "soreness" ? this._sorenessForm() : nothing}
      ${this._open === "run" ? this._runForm() : nothing}
      ${this._open === "visit" ? this._visitForm() : nothing}
      ${this._error
        ? html`<div class="error" role="alert" data-field="error">
            ${this.texts.label("error")}: ${this._error}
          </div>`
        : nothing}
      ${this._message
        ? html`<div class="message" role="status" data-field="message">${this._message}</div>`
        : nothing}`;
  }

  private _sideChoice(service: string): TemplateResult {
    const texts = this.texts;
    return html`<fieldset>
      <legend>${texts.field(service, "side")}</legend>
      <div class="inline">
        ${["", ...SIDES].map(
          (side) => html`<label>
            <input
              type="radio"
              name="side"
              value=${side}
              .checked=${this._side === side}
              @change=${() => {
                this._side = side;
              }}
            />
            ${side ? texts.option("side", side) : this.texts.label("not_sure")}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private _sorenessForm(): TemplateResult {
    const texts = this.texts;
    const name = (location: Location) => texts.option("location", location);
    const pick = (location: Location) => {
      this._location = this._location === location ? undefined : location;
    };
    return html`<form data-form="soreness" @submit=${this._submitSoreness}>
      <label class="field">
        <span>${texts.field("log_soreness", "severity")} <span class="muted">(${this.texts.label("severity_help")})</span></span>
        <span class="severity">
          <input
            type="range"
            name="severity"
            min="0"
            max="10"
            step="1"
            .value=${String(this._severity)}
            @input=${(event: Event) => {
              this._severity = Number((event.target as HTMLInputElement).value);
            }}
          />
          <output>${this._severity}</output>
        </span>
      </label>
      ${this._sideChoice("log_soreness")}
      <fieldset>
        <legend>${texts.field("log_soreness", "location")}</legend>
        <div class="drawings">
          <figure>
            ${ankleView("outer", this._location, name, pick)}
            <figcaption>${this.texts.label("outer_side")}</figcaption>
          </figure>
          <figure>
            ${ankleView("inner", this._location, name, pick)}
            <figcaption>${this.texts.label("inner_side")}</figcaption>
          </figure>
        </div>
        <label class="field">
          <span class="muted">${this.texts.label("location_list")}</span>
          <select
            name="location"
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              this._location = value ? (value as Location) : undefined;
            }}
          >
            <option value="" ?selected=${!this._location}>${this.texts.label("not_sure")}</option>
            ${LOCATIONS.map(
              (location) =>
                html`<option value=${location} ?selected=${this._location === location}>
                  ${name(location)}
                </option>`,
            )}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>${this.texts.label("symptoms")}</legend>
        <div class="symptoms">
          ${SYMPTOMS.map(
            (symptom) => html`<label>
              <input
                type="checkbox"
                name=${symptom}
                .checked=${this._symptoms.has(symptom)}
                @change=${(event: Event) => {
                  const symptoms = new Set(this._symptoms);
                  if ((event.target as HTMLInputElement).checked) symptoms.add(symptom);
                  else symptoms.delete(symptom);
                  this._symptoms = symptoms;
                }}
              />
              ${texts.field("log_soreness", symptom)}
            </label>`,
          )}
        </div>
      </fieldset>
      ${this._formButtons()}
    </form>`;
  }

  private _runForm(): TemplateResult {
    const texts = this.texts;
    return html`<form data-form="run" @submit=${this._submitRun}>
      <div class="inline">
        <label class="field">
          <span>${this.texts.label("distance", { unit: this.unit })}</span>
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
            @change=${(event: Event) => {
              this._surface = (event.target as HTMLSelectElement).value;
            }}
          >
            ${SURFACES.map(
              (surface) =>
                html`<option value=${surface} ?selected=${this._surface === surface}>
                  ${texts.option("surface", surface)}
                </option>`,
            )}
          </select>
        </label>
      </div>
      ${this._formButtons()}
    </form>`;
  }

  private _visitForm(): TemplateResult {
    return html`<form data-form="visit" @submit=${this._submitVisit}>
      ${this._sideChoice("log_professional_visit")}
      <label>
        <input
          type="checkbox"
          name="cleared_to_run"
          .checked=${this._cleared}
          @change=${(event: Event) => {
            this._cleared = (event.target as HTMLInputElement).checked;
          }}
        />
        ${this.texts.field("log_professional_visit", "cleared_to_run")}
      </label>
      ${this._formButtons()}
    </form>`;
  }

  private _formButtons(): TemplateResult {
    return html`<div class="buttons">
      <button type="submit" class="primary" ?disabled=${this._busy}>${this.texts.label("save")}</button>
      <button
        type="button"
        ?disabled=${this._busy}
        @click=${() => {
          this._open = undefined;
          this._error = undefined;
        }}
      >
        ${this.texts.label("cancel")}
      </button>
    </div>`;
  }
}
