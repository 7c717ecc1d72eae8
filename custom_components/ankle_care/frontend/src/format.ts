/**
 * Turning entity states into the words a runner reads.
 *
 * Home Assistant's own formatters (`hass.formatEntityState`,
 * `hass.formatEntityAttributeValue`) translate states and attribute keys with the
 * integration's translations and add units in the user's number format; the
 * integration's texts are the fallback, and come first where the card reads a
 * region's base language that Home Assistant's formatters do not know.
 */
import type { Texts } from "./translations";
import type { HassEntity, HomeAssistant } from "./types";

export const KM_PER_MILE = 1.609344;
const UNAVAILABLE = new Set(["unknown", "unavailable", ""]);

export function isKnown(entity: HassEntity | undefined): entity is HassEntity {
  return entity !== undefined && !UNAVAILABLE.has(entity.state);
}

/** The translation key and platform of an entity id in `hass.entities`. */
function keyOf(hass: HomeAssistant, entity: HassEntity): [string, string] | undefined {
  const key = hass.entities?.[entity.entity_id]?.translation_key;
  return key ? [entity.entity_id.split(".", 1)[0], key] : undefined;
}

/**
 * Whether the card reads another language than Home Assistant's formatters: a
 * region Ankle Care has no file for reads its base language ("es-419" reads "es"),
 * while Home Assistant translates the states with the region's (absent) file.
 */
function ownLanguage(hass: HomeAssistant, texts: Texts): boolean {
  return texts.language !== "" && texts.language !== (hass.language || "en");
}

/** An entity's state as Home Assistant shows it (translated, with its unit). */
export function stateText(hass: HomeAssistant, texts: Texts, entity: HassEntity): string {
  const own = ownLanguage(hass, texts) ? keyOf(hass, entity) : undefined;
  const translated = own && texts.get(`entity.${own[0]}.${own[1]}.state.${entity.state}`);
  if (translated) return translated;
  if (hass.formatEntityState) return hass.formatEntityState(entity);
  const key = keyOf(hass, entity);
  const unit = entity.attributes.unit_of_measurement;
  const text = key ? texts.state(key[0], key[1], entity.state) : entity.state;
  return unit ? `${text} ${String(unit)}` : text;
}

/** An attribute's value as Home Assistant shows it (keys translated). */
export function attributeText(
  hass: HomeAssistant,
  texts: Texts,
  entity: HassEntity,
  attribute: string,
): string {
  const value = entity.attributes[attribute];
  if (value === null || value === undefined) return "";
  const own = ownLanguage(hass, texts) ? keyOf(hass, entity) : undefined;
  const translated =
    own && texts.get(`entity.${own[0]}.${own[1]}.state_attributes.${attribute}.state.${String(value)}`);
  if (translated) return translated;
  if (hass.formatEntityAttributeValue) return hass.formatEntityAttributeValue(entity, attribute);
  const key = keyOf(hass, entity);
  return key ? texts.attribute(key[0], key[1], attribute, String(value)) : String(value);
}

/** Format a number in the user's language. */
export function number(hass: HomeAssistant, value: number, digits = 0): string {
  return new Intl.NumberFormat(hass.locale?.language ?? hass.language ?? "en", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

// Languages that write a space before the percent sign, as Home Assistant shows them.
const SPACE_BEFORE_PERCENT = new Set(["cs", "de", "fi", "fr", "sk", "sv"]);

/** Format a percentage as Home Assistant does in the user's language. */
export function percent(hass: HomeAssistant, value: number, signed = false): string {
  const language = (hass.locale?.language ?? hass.language ?? "en").split("-")[0];
  const sign = signed && value > 0 ? "+" : "";
  return `${sign}${number(hass, value)}${SPACE_BEFORE_PERCENT.has(language) ? " " : ""}%`;
}

/** A distance given in km, in the runner's unit. */
export function distance(hass: HomeAssistant, km: number, unit: string, digits = 0): string {
  const value = unit === "mi" ? km / KM_PER_MILE : km;
  return `${number(hass, value, digits)} ${unit}`;
}

/** How long until `due` (an ISO timestamp), coarsely: minutes, hours, days. */
export function countdown(texts: Texts, due: string, now: number): string {
  const minutesLeft = Math.round((Date.parse(due) - now) / 60000);
  if (Number.isNaN(minutesLeft) || minutesLeft <= 0) return texts.label("countdown_now");
  if (minutesLeft < 60) return texts.label("countdown_minutes", { minutes: minutesLeft });
  const hours = Math.floor(minutesLeft / 60);
  if (hours < 24) return texts.label("countdown_hours", { hours, minutes: minutesLeft % 60 });
  return texts.label("countdown_days", { days: Math.floor(hours / 24), hours: hours % 24 });
}
