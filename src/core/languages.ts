import { LANGUAGE_CODES } from "./data/iso639";
import { displayLocales, LazyIndex, NameIndex, type NameMatch } from "./name-index";

const CODES = new Set(LANGUAGE_CODES);

export function isLanguageCode(code: string): boolean {
  return CODES.has(code);
}

/**
 * The French abbreviations of seed 001, checked before ISO codes (SPEC §2.2): "An" means
 * Anglais there, although `an` is Aragonese in ISO 639-1.
 */
export const FRENCH_LANGUAGE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  fr: "fr",
  an: "en",
  ar: "ar",
  nl: "nl",
  all: "de",
};

export const languageNameIndex = new LazyIndex(() => {
  const index = new NameIndex();
  for (const locale of displayLocales()) {
    const names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    for (const code of LANGUAGE_CODES) {
      const name = names.of(code);
      if (name && name !== code) index.add(name, code);
    }
  }
  return index;
});

/** A language written as an abbreviation, an ISO code or a name in any language → code. */
export function resolveLanguage(text: string): NameMatch {
  const lower = text.toLowerCase();
  const abbreviation = FRENCH_LANGUAGE_ABBREVIATIONS[lower];
  if (abbreviation) return { code: abbreviation };
  if (lower.length === 2 && CODES.has(lower)) return { code: lower };
  return languageNameIndex.get().lookup(text);
}

export function languageName(code: string, lang: string): string {
  return new Intl.DisplayNames([lang], { type: "language", fallback: "code" }).of(code) ?? code;
}
