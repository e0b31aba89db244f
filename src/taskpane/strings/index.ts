import { formatMessage, type MessageParams, type UiLang } from "../../core";
import type { StringKey } from "./en";

/**
 * Every visible string of the pane, in each UI language: one file a language, as in core.
 * Each language is a chunk of its own: the pane's first screen carries only the words of its
 * language, loaded before it renders; another is loaded when the user chooses it.
 */
export type { StringKey } from "./en";

type Catalog = Readonly<Record<StringKey, string>>;

const LOADERS: Record<UiLang, () => Promise<Catalog>> = {
  en: () => import("./en").then((module) => module.en),
  fr: () => import("./fr").then((module) => module.fr),
  nl: () => import("./nl").then((module) => module.nl),
};

const loaded: Partial<Record<UiLang, Catalog>> = {};
const loading = new Map<UiLang, Promise<void>>();

/** Loads a language's words, once (callers share one download); a failed one may be retried. */
export function loadStrings(lang: UiLang): Promise<void> {
  if (loaded[lang]) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then(
      (catalog) => {
        loaded[lang] = catalog;
      },
      (error: unknown) => {
        loading.delete(lang);
        throw error;
      }
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** Takes a language's words in without a download (the tests, which load every language). */
export function addStrings(lang: UiLang, catalog: Catalog): void {
  loaded[lang] = catalog;
}

export function translate(lang: UiLang, key: StringKey, params: MessageParams = {}): string {
  const catalog = loaded[lang];
  // A programming error, never a user's: the pane renders only once its language is loaded.
  if (!catalog) throw new Error(`The pane's ${lang} words are not loaded.`);
  return formatMessage(catalog[key], lang, params);
}
