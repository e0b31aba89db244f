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
 * Short names that people use for two countries at once ("Kongo" is ambiguous: docs/rules.md, Fixes).
 * They override CLDR, where some languages happen to use the bare word for one of them.
 */
const AMBIGUOUS_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Congo: ["CD", "CG"],
  Kongo: ["CD", "CG"],
  Korea: ["KP", "KR"],
  Corée: ["KP", "KR"],
};

/**
 * Official long names that CLDR does not list, for the countries of our users' clients; an
 * adjective form ("المملكة المغربية", "République française") cannot be found by taking off
 * "Kingdom of" alone.
 */
const OFFICIAL_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  MA: ["Royaume du Maroc", "Kingdom of Morocco", "Koninkrijk Marokko", "المملكة المغربية"],
  BE: ["Royaume de Belgique", "Kingdom of Belgium", "Koninkrijk België", "Königreich Belgien"],
  NL: ["Royaume des Pays-Bas", "Kingdom of the Netherlands", "Koninkrijk der Nederlanden"],
  LU: ["Grand-Duché de Luxembourg", "Grand Duchy of Luxembourg", "Groothertogdom Luxemburg"],
  FR: ["République française", "French Republic", "Franse Republiek", "الجمهورية الفرنسية"],
  ES: ["Royaume d'Espagne", "Kingdom of Spain", "Reino de España", "المملكة الإسبانية"],
  DE: [
    "République fédérale d'Allemagne",
    "Federal Republic of Germany",
    "Bundesrepublik Deutschland",
  ],
  GB: [
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    "United Kingdom of Great Britain and Northern Ireland",
  ],
};

/** Forms of state written before a country's short name: "Royaume du Maroc" is "Maroc". */
const STATE_PREFIX =
  /^(?:royaume|kingdom|koninkrijk|königreich|république|republic|republiek|republik|principauté|principality|grand-duché|grand duchy|état|state|المملكة|جمهورية|دولة)\s+(?:(?:de la|de l'|du|des|de|d'|of the|of|der|van|von)\s+)?/iu;

export const countryNameIndex = new LazyIndex(() => {
  const index = NameIndex.ofDisplayNames("region", ASSIGNED_COUNTRY_CODES);
  for (const [name, codes] of Object.entries(AMBIGUOUS_COUNTRY_NAMES)) index.force(name, codes);
  for (const [code, names] of Object.entries(OFFICIAL_COUNTRY_NAMES))
    for (const name of names) index.force(name, [code]);
  return index;
});

/** A country name in any indexed language and script → its ISO code(s). */
export function lookupCountryName(text: string): NameMatch {
  const index = countryNameIndex.get();
  const match = index.lookup(text);
  if (match) return match;
  const short = text.trim().replace(STATE_PREFIX, "");
  return short !== text.trim() && short !== "" ? index.lookup(short) : undefined;
}

/** The country's name in a UI language, for messages. */
export function countryName(code: string, lang: string): string {
  return new Intl.DisplayNames([lang], { type: "region", fallback: "code" }).of(code) ?? code;
}
