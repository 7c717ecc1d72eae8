/**
 * Find the runners and each runner's entities.
 *
 * A runner is one config entry with one device. `hass.entities` carries no config
 * entry on every supported release, but it carries the device and the translation
 * key, and `hass.devices` carries the config entries: so a runner's entities are
 * the Ankle Care entities of the device whose config entry is the runner's.
 * Both tables are readable by every user, administrators or not.
 */
import { DOMAIN } from "./translations";
import type { DeviceEntry, HomeAssistant } from "./types";

export interface Runner {
  entryId: string;
  deviceId: string;
  name: string;
  /** `platform.translation_key` -> entity id, e.g. `sensor.recovery_phase`. */
  entities: Map<string, string>;
  /** Entity ids of the per-shoe entities, in registry order. */
  shoeDistance: string[];
  shoeWornOut: string[];
}

const SHOE_KEYS = new Set(["shoe_distance", "shoe_worn_out"]);

function entryIdOf(device: DeviceEntry): string | undefined {
  const identifier = device.identifiers?.find(([domain]) => domain === DOMAIN);
  if (identifier) return identifier[1];
  return device.primary_config_entry ?? device.config_entries[0];
}

let memo: { entities: unknown; devices: unknown; runners: Runner[] } | undefined;

/** Return every runner, sorted by name; recomputed only when a registry changed. */
export function findRunners(hass: HomeAssistant): Runner[] {
  if (memo && memo.entities === hass.entities && memo.devices === hass.devices) {
    return memo.runners;
  }
  const byDevice = new Map<string, Runner>();
  for (const entity of Object.values(hass.entities ?? {})) {
    if (entity.platform !== DOMAIN || !entity.device_id || !entity.translation_key) continue;
    let runner = byDevice.get(entity.device_id);
    if (!runner) {
      const device = hass.devices?.[entity.device_id];
      const entryId = device && entryIdOf(device);
      if (!device || !entryId) continue;
      runner = {
        entryId,
        deviceId: device.id,
        name: device.name_by_user || device.name || entryId,
        entities: new Map(),
        shoeDistance: [],
        shoeWornOut: [],
      };
      byDevice.set(entity.device_id, runner);
    }
    const [platform] = entity.entity_id.split(".", 1);
    const key = entity.translation_key;
    if (SHOE_KEYS.has(key)) {
      (key === "shoe_distance" ? runner.shoeDistance : runner.shoeWornOut).push(entity.entity_id);
    } else {
      runner.entities.set(`${platform}.${key}`, entity.entity_id);
    }
  }
  const runners = [...byDevice.values()].sort((a, b) => a.name.localeCompare(b.name));
  memo = { entities: hass.entities, devices: hass.devices, runners };
  return runners;
}

/** Return the runner of a config entry, if it exists. */
export function findRunner(hass: HomeAssistant, entryId: string | undefined): Runner | undefined {
  if (!entryId) return undefined;
  return findRunners(hass).find((runner) => runner.entryId === entryId);
}
