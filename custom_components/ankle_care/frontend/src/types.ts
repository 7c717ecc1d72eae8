/**
 * The parts of Home Assistant's frontend objects the card reads.
 *
 * Written here instead of importing the frontend's own types: the card depends on
 * nothing of the frontend but the `hass` object it is given and the WebSocket API.
 */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

/** One entry of `hass.entities` (the entity registry's display entries). */
export interface EntityDisplayEntry {
  entity_id: string;
  device_id?: string | null;
  platform?: string;
  translation_key?: string | null;
  hidden?: boolean;
}

/** One entry of `hass.devices`. */
export interface DeviceEntry {
  id: string;
  name: string | null;
  name_by_user: string | null;
  config_entries: string[];
  primary_config_entry?: string | null;
  identifiers?: [string, string][];
}

export interface ServiceCallResult {
  context: { id: string };
  response?: Record<string, unknown> | null;
}

/** An error of the WebSocket API, translated keys included when the server has them. */
export interface HassError {
  code?: string;
  message?: string;
  translation_domain?: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
}

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<() => Promise<void>>;
}

export interface HomeAssistant {
  states: Record<string, HassEntity>;
  entities: Record<string, EntityDisplayEntry>;
  devices: Record<string, DeviceEntry>;
  services: Record<string, Record<string, unknown>>;
  language: string;
  locale?: { language: string };
  themes?: { darkMode?: boolean };
  connection: HassConnection;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  formatEntityState?(entity: HassEntity, state?: string): string;
  formatEntityAttributeValue?(entity: HassEntity, attribute: string, value?: unknown): string;
}

/** The card's configuration (`type: custom:ankle-care-card`). */
export interface AnkleCareCardConfig {
  type: string;
  config_entry_id?: string;
  sections?: string[];
}

export interface TodoItem {
  uid: string;
  summary: string;
  status: "needs_action" | "completed";
  description?: string | null;
}

/** One ankle of the recovery phase's `ankles` attribute. */
export interface AnkleSummary {
  side: "left" | "right" | null;
  phase: string;
  since: string | null;
  may_run: boolean;
  severity: number | null;
  likely_cause: string;
  referral: string | null;
  next_step: string;
  day_of_care: number | null;
}

/** One risk factor of the injury risk's `factors` attribute. */
export interface RiskFactor {
  factor: string;
  value: number | null;
  threshold: number | null;
  level: string;
}
