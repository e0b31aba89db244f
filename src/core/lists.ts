import { ASSIGNED_COUNTRY_CODES } from "./data/iso3166";
import type { FieldDef, HeaderLang } from "./profile";
import { YES_NO } from "./rules";

/** Regions offered first in a locale drop-down: the platform's own, then its neighbours. */
const LOCALE_REGIONS = ["BE", "FR", "NL", "DE", "LU", "GB", "US"] as const;

/**
 * The values a field's drop-down offers, in the order shown. A drop-down suggests: the rule
 * still accepts what it does not list (any assigned country in a locale, say).
 * Configuration templates are the partner's own: they come from the API, not from here.
 */
export function dropDownValues(field: FieldDef, headerLang: HeaderLang): readonly string[] {
  switch (field.list) {
    case "countries":
      return [...ASSIGNED_COUNTRY_CODES].sort();
    case "locales": {
      const languages = field.rule.kind === "locale" ? field.rule.languages : [];
      return LOCALE_REGIONS.flatMap((region) =>
        languages.map((language) => `${language}-${region}`)
      );
    }
    case "yesNo":
      return YES_NO[headerLang];
    default:
      return [];
  }
}
