import { ASSIGNED_COUNTRY_CODES, UNASSIGNED_COUNTRY_ALIASES } from "./data/iso3166";
import { LazyIndex, NameIndex, type NameMatch } from "./name-index";

const ASSIGNED = new Set(ASSIGNED_COUNTRY_CODES);

export function isAssignedCountryCode(code: string): boolean {
  return ASSIGNED.has(code);
}

const ALIASES = new Map(Object.entries(UNASSIGNED_COUNTRY_ALIASES));

export function unassignedAlias(code: string): string | undefined {
  return ALIASES.get(code);
}

/**
 * Short names that people use for two countries at once (SPEC §4: "Kongo" is ambiguous).
 * They override CLDR, where some languages happen to use the bare word for one of them.
 */
const AMBIGUOUS_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Congo: ["CD", "CG"],
  Kongo: ["CD", "CG"],
  Korea: ["KP", "KR"],
  Corée: ["KP", "KR"],
};

export const countryNameIndex = new LazyIndex(() => {
  const index = NameIndex.ofDisplayNames("region", ASSIGNED_COUNTRY_CODES);
  for (const [name, codes] of Object.entries(AMBIGUOUS_COUNTRY_NAMES)) index.force(name, codes);
  return index;
});

/** A country name in any indexed language and script → its ISO code(s). */
export function lookupCountryName(text: string): NameMatch {
  return countryNameIndex.get().lookup(text);
}

/** The country's name in a UI language, for messages. */
export function countryName(code: string, lang: string): string {
  return new Intl.DisplayNames([lang], { type: "region", fallback: "code" }).of(code) ?? code;
}
