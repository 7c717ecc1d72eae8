/**
 * The integration's own translations, read from Home Assistant in its language.
 *
 * Entity states and attributes hold keys (`acute_care`, `not_medical_advice`, …);
 * the texts behind them live in the integration's `translations/<language>.json`
 * and reach the browser through the public `frontend/get_translations` command.
 * The card's own words are there too, as `common.card_<key>` (`labels.ts`).
 * The language is the frontend's (`hass.language`: the user's profile language,
 * else the browser's). Home Assistant answers a language with its file and fills
 * a key that file lacks with English; a language without a file is English. Each
 * language and category is fetched once per page.
 */
import { english, fill, type LabelKey } from "./labels";
import type { HassError, HomeAssistant } from "./types";

export const DOMAIN = "ankle_care";
const CATEGORIES = ["entity", "selector", "services", "exceptions", "common"] as const;
type Category = (typeof CATEGORIES)[number];
const PREFIX = `component.${DOMAIN}.`;

const cache = new Map<string, Promise<Record<string, string>>>();
/** The categories fetched so far, by `language|category`: texts at once for a new card. */
const fetched = new Map<string, Record<string, string>>();

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
      .then((result) => {
        fetched.set(key, result.resources);
        return result.resources;
      })
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

  /** One of the card's own words (`LABELS`) in this language, else in English. */
  label(key: LabelKey, values: Record<string, string | number> = {}): string {
    return this.get(`common.card_${key}`, values) ?? english(key, values);
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

/** The languages Ankle Care has texts in: its `translations/` files (a test checks). */
export const TEXT_LANGUAGES: readonly string[] = ["de", "en", "es", "fr", "nl"];

/**
 * The language of the texts for `hass`: the frontend's, or its base language when
 * Ankle Care has that and not the region's ("es-419" reads Spanish, "de-CH" German),
 * as the integration's own texts do.
 */
export function textLanguage(hass: HomeAssistant): string {
  const language = hass.language || "en";
  const base = language.split(/[-_]/)[0].toLowerCase();
  if (TEXT_LANGUAGES.includes(language) || !TEXT_LANGUAGES.includes(base)) {
    return language;
  }
  return base;
}

/** The texts of a language fetched so far (none yet: every label is English). */
export function fetchedTexts(language: string, categories: readonly Category[] = CATEGORIES): Texts {
  const parts = categories.map((category) => fetched.get(`${language}|${category}`) ?? {});
  return new Texts(language, Object.assign({}, ...parts));
}

/** Load the integration's texts in the frontend's language. */
export async function loadTexts(hass: HomeAssistant): Promise<Texts> {
  const language = textLanguage(hass);
  const parts = await Promise.all(
    CATEGORIES.map((category) => fetchCategory(hass, language, category)),
  );
  return new Texts(language, Object.assign({}, ...parts));
}

/** The frontend's `hass`, once it is connected (`home-assistant` holds it). */
function pageHass(): HomeAssistant | undefined {
  const app = document.querySelector("home-assistant") as { hass?: HomeAssistant } | null;
  return app?.hass?.callWS ? app.hass : undefined;
}

/**
 * One of the card's words for the card picker, which reads the card's name and
 * description each time it opens: in the page's language once fetched (the
 * first call fetches them), in English until then.
 */
export function pageLabel(key: LabelKey): string {
  const hass = pageHass();
  if (!hass) return english(key);
  const language = textLanguage(hass);
  if (!fetched.has(`${language}|common`)) void fetchCategory(hass, language, "common");
  return fetchedTexts(language, ["common"]).label(key);
}

/** Fetch the card's words for the card picker as soon as the page is connected. */
export function prefetchPageLabels(tries = 60): void {
  if (pageHass()) pageLabel("card_name");
  else if (tries > 0) window.setTimeout(() => prefetchPageLabels(tries - 1), 1000);
}
