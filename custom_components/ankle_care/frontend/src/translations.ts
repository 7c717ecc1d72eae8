/**
 * The integration's own translations, read from Home Assistant in its language.
 *
 * Entity states and attributes hold keys (`acute_care`, `not_medical_advice`, …);
 * the texts behind them live in the integration's `translations/<language>.json`
 * and reach the browser through the public `frontend/get_translations` command.
 * Each language and category is fetched once per page.
 */
import { fill } from "./labels";
import type { HassError, HomeAssistant } from "./types";

export const DOMAIN = "ankle_care";
const CATEGORIES = ["entity", "selector", "services", "exceptions"] as const;
const PREFIX = `component.${DOMAIN}.`;

const cache = new Map<string, Promise<Record<string, string>>>();

function fetchCategory(
  hass: HomeAssistant,
  language: string,
  category: string,
): Promise<Record<string, string>> {
  const key = `${language}|${category}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = hass
      .callWS<{ resources: Record<string, string> }>({
        type: "frontend/get_translations",
        language,
        category,
        integration: [DOMAIN],
      })
      .then((result) => result.resources)
      .catch(() => {
        cache.delete(key);
        return {};
      });
    cache.set(key, pending);
  }
  return pending;
}

/** The integration's texts in one language; `get` takes keys below `component.ankle_care.`. */
export class Texts {
  constructor(
    readonly language: string,
    private readonly resources: Record<string, string>,
  ) {}

  static empty(language = ""): Texts {
    return new Texts(language, {});
  }

  /** Return the text of a key, or undefined when the integration has none. */
  get(key: string, values: Record<string, string | number> = {}): string | undefined {
    const text = this.resources[PREFIX + key];
    return text === undefined ? undefined : fill(text, values);
  }

  /** An entity state's text (`sensor`, `recovery_phase`, `acute_care`), else the key. */
  state(platform: string, translationKey: string, state: string): string {
    return this.get(`entity.${platform}.${translationKey}.state.${state}`) ?? state;
  }

  /** An attribute value's text, else the value itself. */
  attribute(platform: string, translationKey: string, attribute: string, value: string): string {
    return (
      this.get(`entity.${platform}.${translationKey}.state_attributes.${attribute}.state.${value}`) ??
      value
    );
  }

  /** A select option of the actions (`side`, `left`), else the option. */
  option(selector: string, option: string): string {
    return this.get(`selector.${selector}.options.${option}`) ?? option;
  }

  /** The name of an action's field (`log_soreness`, `swelling`), else the field. */
  field(service: string, field: string): string {
    return this.get(`services.${service}.fields.${field}.name`) ?? field;
  }

  /**
   * The text of an error from an action, in Home Assistant's language.
   *
   * Ankle Care raises translated errors: their key and placeholders come with the
   * error, so the text is taken from the translations the card loaded; other errors
   * carry their message.
   */
  error(error: unknown): string {
    const err = (error ?? {}) as HassError;
    if (err.translation_domain === DOMAIN && err.translation_key) {
      const text = this.get(
        `exceptions.${err.translation_key}.message`,
        err.translation_placeholders ?? {},
      );
      if (text) return text;
    }
    if (typeof err.message === "string" && err.message) return err.message;
    return error instanceof Error ? error.message : String(error);
  }
}

/** Load the integration's texts in Home Assistant's language. */
export async function loadTexts(hass: HomeAssistant): Promise<Texts> {
  const language = hass.language || "en";
  const parts = await Promise.all(
    CATEGORIES.map((category) => fetchCategory(hass, language, category)),
  );
  return new Texts(language, Object.assign({}, ...parts));
}
