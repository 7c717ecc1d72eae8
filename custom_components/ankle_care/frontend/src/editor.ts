/**
 * The card's visual editor: which runner, which sections.
 *
 * Home Assistant shows it in the card's edit dialog (`getConfigElement`) and
 * listens for `config-changed`; plain form elements only. Its words are in the
 * user's language, as the card's.
 */
import { LitElement, css, html, type PropertyValues, type TemplateResult } from "lit";

import { SECTIONS, shownSections, type Section } from "./card";
import type { LabelKey } from "./labels";
import { findRunners } from "./runner";
import { Texts, fetchedTexts, loadTexts, textLanguage } from "./translations";
import type { AnkleCareCardConfig, HomeAssistant } from "./types";

export class AnkleCareCardEditor extends LitElement {
  static styles = css`
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
  `;

  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _texts: { state: true },
  };

  declare hass: HomeAssistant | undefined;
  declare _config: AnkleCareCardConfig | undefined;
  declare _texts: Texts;

  constructor() {
    super();
    this._texts = Texts.empty();
  }

  setConfig(config: AnkleCareCardConfig): void {
    this._config = config;
  }

  private _changed(config: AnkleCareCardConfig): void {
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }

  private _pickRunner(event: Event): void {
    if (!this._config) return;
    const entryId = (event.target as HTMLSelectElement).value;
    this._changed({ ...this._config, config_entry_id: entryId });
  }

  private _toggleSection(section: Section, event: Event): void {
    if (!this._config) return;
    const shown = new Set(shownSections(this._config));
    if ((event.target as HTMLInputElement).checked) shown.add(section);
    else shown.delete(section);
    const config: AnkleCareCardConfig = { ...this._config };
    if (shown.size === SECTIONS.length) delete config.sections;
    else config.sections = SECTIONS.filter((s) => shown.has(s));
    this._changed(config);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const hass = this.hass;
    if (hass && changed.has("hass") && this._texts.language !== textLanguage(hass)) {
      this._texts = fetchedTexts(textLanguage(hass));
      loadTexts(hass).then((texts) => {
        if (this.hass && textLanguage(this.hass) === texts.language) this._texts = texts;
      });
    }
  }

  protected render(): TemplateResult {
    if (!this.hass || !this._config) return html``;
    const texts = this._texts;
    const runners = findRunners(this.hass);
    const chosen = this._config.config_entry_id ?? "";
    const shown = shownSections(this._config);
    return html`<div class="form">
      ${runners.length === 0
        ? html`<p class="muted">${texts.label("editor_no_runners")}</p>`
        : html`<label class="field">
            <span>${texts.label("editor_runner")}</span>
            <select name="runner" @change=${this._pickRunner}>
              ${chosen && !runners.some((r) => r.entryId === chosen)
                ? html`<option value=${chosen} selected>${chosen}</option>`
                : ""}
              ${runners.map(
                (runner) =>
                  html`<option value=${runner.entryId} ?selected=${runner.entryId === chosen}>
                    ${runner.name}
                  </option>`,
              )}
            </select>
          </label>`}
      <fieldset>
        <legend>${texts.label("editor_sections")}</legend>
        ${SECTIONS.map(
          (section) => html`<label>
            <input
              type="checkbox"
              name=${section}
              .checked=${shown.includes(section)}
              @change=${(event: Event) => this._toggleSection(section, event)}
            />
            ${texts.label(`section_${section}` as LabelKey)}
          </label>`,
        )}
      </fieldset>
    </div>`;
  }
}
