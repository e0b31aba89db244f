import { LANGUAGE_CODES } from "./data/iso639";
import { LazyIndex, NameIndex, type NameMatch } from "./name-index";

/**
 * The French abbreviations of the Moroccan platform's help, checked before ISO codes
 * (docs/rules.md, Morocco): "An" means Anglais there, although `an` is Aragonese in ISO 639-1.
 */
const FRENCH_LANGUAGE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  fr: "fr",
  an: "en",
  ar: "ar",
  nl: "nl",
  all: "de",
};

export const languageNameIndex = new LazyIndex(() =>
  NameIndex.ofDisplayNames("language", LANGUAGE_CODES)
);

/** A language written as an abbreviation, an ISO code or a name in any language → code. */
// Abbreviations first, then ISO codes: a Map, so that "constructor" is no language.
const SHORT_FORMS = new Map<string, { code: string }>([
  ...LANGUAGE_CODES.map((code): [string, { code: string }] => [code, { code }]),
  ...Object.entries(FRENCH_LANGUAGE_ABBREVIATIONS).map(
    ([short, code]): [string, { code: string }] => [short, { code }]
  ),
]);

export function resolveLanguage(text: string): NameMatch {
  return SHORT_FORMS.get(text.toLowerCase()) ?? languageNameIndex.get().lookup(text);
}

/**
 * A language written as its ISO 639-1 code or as one language's name in any language
 * ("fr", "FR", "Nederlands", "French") → its code; none for anything else, the French
 * abbreviations of Morocco's help included (outside that help, "an" is no English).
 */
export function languageCodeOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toLowerCase();
    return LANGUAGE_CODES.includes(code) ? code : undefined;
  }
  const match = languageNameIndex.get().lookup(trimmed);
  return match && "code" in match ? match.code : undefined;
}
