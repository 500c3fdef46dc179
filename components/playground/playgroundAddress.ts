/**
 * The playground's settings in the page's address, all through the one URL store
 * (src/notebook/client/paramStore.ts): the bound settings are the page's params, read and written
 * by role; the others live under their own pg* keys, validated by the store's one notice path.
 */
import { addressNotices, readAddressValue, writeAddressValues } from "../../src/notebook/client/paramStore";
import type { BoundParams } from "../kit/boundParams";
import {
  DEFAULT_SETTINGS, MAX_POINTS_LENGTH, PARSERS, PLAYGROUND_ROLES, createConfig, describeAllowed, formatValue,
  type AddressSetting, type BoundSettings, type PlaygroundConfig, type PlaygroundRole,
} from "./config";
import { QUERY_KEYS } from "./queryKeys";
import { pageStrings } from "../../src/i18n/strings";

/** The playground's bound params, by role. */
export type PlaygroundParams = BoundParams<PlaygroundRole>;

const ADDRESS_SETTINGS = Object.keys(QUERY_KEYS) as AddressSetting[];

function isRole(key: keyof PlaygroundConfig): key is PlaygroundRole {
  return (PLAYGROUND_ROLES as readonly string[]).includes(key);
}

/** The bound settings' current values, from the page's params. */
export function readBoundSettings(params: PlaygroundParams): BoundSettings {
  return { dataset: params.value("dataset"), activation: params.value("activation"), learningRate: params.number("learningRate") } as BoundSettings;
}

/** The configuration the address gives; a refused value keeps its default, and the store gives the notice. */
export function readConfig(params: PlaygroundParams): PlaygroundConfig {
  const config = createConfig(readBoundSettings(params));
  for (const key of ADDRESS_SETTINGS) {
    const s = pageStrings();
    const fallback = formatValue(key, DEFAULT_SETTINGS) || s.pgNoPointsFallback;
    const maxLength = key === "points" ? MAX_POINTS_LENGTH : undefined;
    const value = readAddressValue<unknown>(QUERY_KEYS[key], PARSERS[key], describeAllowed(key, s), { fallback, maxLength });
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  return config;
}

/** Every notice the link earned for a playground setting, bound or not, to repeat beside the figures. */
export function readNotices(params: PlaygroundParams): string[] {
  return addressNotices([...PLAYGROUND_ROLES.map((role) => params.spec(role).name), ...Object.values(QUERY_KEYS)]);
}

/**
 * Writes a change into the address: bound settings through their params (which may snap a number
 * to the <Param>'s range), the others under their keys, left out at their defaults. Returns the
 * change as stored.
 */
export function writeSettings(patch: Partial<PlaygroundConfig>, params: PlaygroundParams): Partial<PlaygroundConfig> {
  const stored: Partial<Record<keyof PlaygroundConfig, unknown>> = { ...patch };
  const entries: Record<string, string | undefined> = {};
  for (const key of Object.keys(patch) as (keyof PlaygroundConfig)[]) {
    if (isRole(key)) {
      stored[key] = params.write(key, patch[key]!);
      continue;
    }
    const value = formatValue(key, patch as Pick<PlaygroundConfig, AddressSetting>);
    entries[QUERY_KEYS[key]] = value === formatValue(key, DEFAULT_SETTINGS) ? undefined : value;
  }
  if (Object.keys(entries).length > 0) writeAddressValues(entries);
  return stored as Partial<PlaygroundConfig>;
}
