/** What a profile is made of before its schema: languages, and the defaults of a field. */

/** Languages of the user interface and messages. */
export const UI_LANGUAGES = ["fr", "nl", "en"] as const;
export type UiLang = (typeof UI_LANGUAGES)[number];

export function isUiLang(text: string): text is UiLang {
  return (UI_LANGUAGES as readonly string[]).includes(text);
}

/**
 * The UI language for a language tag: Office's display language ("fr-BE"), an
 * Accept-Language header ("nl-BE,nl;q=0.9"), a POSIX locale ("fr_BE.UTF-8"). English otherwise.
 */
export function uiLanguageOf(tag: string | undefined): UiLang {
  const prefix = (tag ?? "").trim().slice(0, 2).toLowerCase();
  return isUiLang(prefix) ? prefix : "en";
}

/** Languages a template's headers can be in (German too, for Belgium's third language). */
export const HEADER_LANGUAGES = ["fr", "nl", "en", "de"] as const;
export type HeaderLang = (typeof HEADER_LANGUAGES)[number];

/** What a field is when its profile does not say (the schema and defineProfile both use these). */
export const FIELD_DEFAULTS = { unique: false, identifier: false, aliases: [], width: 18 } as const;
