import { formatMessage, type MessageParams, type UiLang } from "../../core";
import { en, type StringKey } from "./en";
import { fr } from "./fr";
import { nl } from "./nl";

/** Every visible string of the pane, in each UI language: one file a language, as in core. */
export type { StringKey } from "./en";

export const STRINGS: Readonly<Record<UiLang, Record<StringKey, string>>> = { en, fr, nl };

export function translate(lang: UiLang, key: StringKey, params: MessageParams = {}): string {
  return formatMessage(STRINGS[lang][key], lang, params);
}
