import type { UiLang } from "../core";

/** Every visible string of the pane, in each UI language. */
const en = {
  title: "Client Import for Banqup",
  subtitle: "Fill in, check and send your client import without leaving Excel.",
  region: "Platform region",
  language: "Language",
  columns: "Columns of the import template",
  required: "Required",
  optional: "Optional",
  previewMode: "Preview: Excel is not connected. Open this pane from Excel to work on a workbook.",
  inExcel: "Connected to Excel.",
  columnCount: "{count} columns, {required} required",
};
export type StringKey = keyof typeof en;

const fr: Record<StringKey, string> = {
  title: "Import de clients pour Banqup",
  subtitle: "Remplissez, vérifiez et envoyez votre import de clients sans quitter Excel.",
  region: "Région de la plateforme",
  language: "Langue",
  columns: "Colonnes du modèle d'import",
  required: "Obligatoire",
  optional: "Facultatif",
  previewMode:
    "Aperçu : Excel n'est pas connecté. Ouvrez ce volet depuis Excel pour travailler sur un classeur.",
  inExcel: "Connecté à Excel.",
  columnCount: "{count} colonnes, dont {required} obligatoires",
};

const nl: Record<StringKey, string> = {
  title: "Klantenimport voor Banqup",
  subtitle: "Vul uw klantenimport in, controleer en verstuur hem zonder Excel te verlaten.",
  region: "Regio van het platform",
  language: "Taal",
  columns: "Kolommen van het importsjabloon",
  required: "Verplicht",
  optional: "Optioneel",
  previewMode:
    "Voorbeeld: Excel is niet verbonden. Open dit deelvenster vanuit Excel om in een werkmap te werken.",
  inExcel: "Verbonden met Excel.",
  columnCount: "{count} kolommen, waarvan {required} verplicht",
};

export const STRINGS: Readonly<Record<UiLang, Record<StringKey, string>>> = { en, fr, nl };

export function translate(
  lang: UiLang,
  key: StringKey,
  params: Record<string, string | number> = {}
): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name])
  );
}

/** Office's display language ("fr-BE") → one of ours; English otherwise. */
export function uiLanguageOf(locale: string | undefined): UiLang {
  const prefix = (locale ?? "").slice(0, 2).toLowerCase();
  return prefix === "fr" || prefix === "nl" ? prefix : "en";
}
