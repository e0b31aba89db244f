import * as React from "react";
import type { MessageParams, UiLang } from "../core";
import { translate, type StringKey } from "./strings";

export type Translate = (key: StringKey, params?: MessageParams) => string;

/** The pane's language and its translator, for every component below App. */
export const LanguageContext = React.createContext<{ lang: UiLang; t: Translate }>({
  lang: "en",
  t: (key, params) => translate("en", key, params),
});

export function useLanguage() {
  return React.useContext(LanguageContext);
}
