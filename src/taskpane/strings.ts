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
  regionQuestion: "Which Banqup platform is this workbook for?",
  regionHint: "Asked once: the choice is saved in this workbook.",
  regionSave: "Use this platform",
  regionChange: "Change",
  regionNow: "Platform: {region}",
  partnerApi: "Partner API: {url}",
  notSignedIn: "Not signed in.",
  setupTitle: "Your clients",
  insertTemplate: "Insert the template",
  useActiveSheet: "Use the active sheet",
  working: "Working…",
  templateExists:
    "This workbook already has the template, on the sheet “{sheet}”. Nothing was changed.",
  useExisting: "Check that sheet",
  noHeaderFound:
    "No header row found on the active sheet: none of its first 30 rows names two columns of the import.",
  mappingTitle: "Columns of “{sheet}” (headers on row {row})",
  mappingHint: "Say what each column holds. Your choices are saved in this workbook.",
  notImported: "Not imported",
  missingRequired: "Required, with no column yet: {columns}",
  checkSheet: "Check this sheet",
  cancel: "Cancel",
  checking: "Checking…",
  rowsCount: "Rows",
  validCount: "Valid",
  invalidCount: "With problems",
  noProblems: "No problems: every row is ready.",
  problemsTitle: "Problems by column",
  rowsAffected: "{count} rows",
  goTo: "Row {row}",
  fixAll: "Fix all like this ({count})",
  selectedTitle: "Selected cell",
  selectedNone: "Select a cell of the client table to see its problems.",
  selectedCell: "Cell {cell}",
  cellOk: "No problem in this cell.",
  fix: "Fix: {value}",
  templatesTitle: "Configuration templates",
  templatesNone: "No templates yet: refresh them from Banqup.",
  refreshTemplates: "Refresh from Banqup",
  applyTemplate: "Apply to the selected rows ({count})",
  chooseTemplate: "Template",
  templateUsers: "Users: {list}",
  templateIntegrations: "Integrations: {list}",
  nobody: "none",
  signInToRefresh: "Sign in to Banqup to refresh the configuration templates.",
  refreshFailed: "The templates could not be refreshed: {reason}",
  areaMissing:
    "The client table is gone (deleted or renamed). Insert the template again or use another sheet.",
  headerMissing:
    "The header row of the client sheet cannot be found any more. Use the sheet again to map its columns.",
  excelError: "Excel refused the last change ({code}). Your data is unchanged: try again.",
  changeArea: "Use another sheet",
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
  regionQuestion: "Pour quelle plateforme Banqup est ce classeur ?",
  regionHint: "Demandé une seule fois : le choix est enregistré dans ce classeur.",
  regionSave: "Utiliser cette plateforme",
  regionChange: "Modifier",
  regionNow: "Plateforme : {region}",
  partnerApi: "API Partenaire : {url}",
  notSignedIn: "Non connecté.",
  setupTitle: "Vos clients",
  insertTemplate: "Insérer le modèle",
  useActiveSheet: "Utiliser la feuille active",
  working: "En cours…",
  templateExists:
    "Ce classeur contient déjà le modèle, sur la feuille « {sheet} ». Rien n'a été modifié.",
  useExisting: "Vérifier cette feuille",
  noHeaderFound:
    "Aucune ligne d'en-têtes sur la feuille active : aucune de ses 30 premières lignes ne nomme deux colonnes de l'import.",
  mappingTitle: "Colonnes de « {sheet} » (en-têtes en ligne {row})",
  mappingHint:
    "Indiquez ce que contient chaque colonne. Vos choix sont enregistrés dans ce classeur.",
  notImported: "Non importée",
  missingRequired: "Obligatoires, sans colonne pour l'instant : {columns}",
  checkSheet: "Vérifier cette feuille",
  cancel: "Annuler",
  checking: "Vérification…",
  rowsCount: "Lignes",
  validCount: "Valides",
  invalidCount: "Avec problèmes",
  noProblems: "Aucun problème : toutes les lignes sont prêtes.",
  problemsTitle: "Problèmes par colonne",
  rowsAffected: "{count} lignes",
  goTo: "Ligne {row}",
  fixAll: "Tout corriger ainsi ({count})",
  selectedTitle: "Cellule sélectionnée",
  selectedNone: "Sélectionnez une cellule du tableau des clients pour voir ses problèmes.",
  selectedCell: "Cellule {cell}",
  cellOk: "Aucun problème dans cette cellule.",
  fix: "Corriger : {value}",
  templatesTitle: "Modèles de configuration",
  templatesNone: "Pas encore de modèles : actualisez-les depuis Banqup.",
  refreshTemplates: "Actualiser depuis Banqup",
  applyTemplate: "Appliquer aux lignes sélectionnées ({count})",
  chooseTemplate: "Modèle",
  templateUsers: "Utilisateurs : {list}",
  templateIntegrations: "Intégrations : {list}",
  nobody: "aucun",
  signInToRefresh: "Connectez-vous à Banqup pour actualiser les modèles de configuration.",
  refreshFailed: "Les modèles n'ont pas pu être actualisés : {reason}",
  areaMissing:
    "Le tableau des clients a disparu (supprimé ou renommé). Insérez à nouveau le modèle ou utilisez une autre feuille.",
  headerMissing:
    "La ligne d'en-têtes de la feuille des clients est introuvable. Utilisez à nouveau la feuille pour associer ses colonnes.",
  excelError:
    "Excel a refusé la dernière modification ({code}). Vos données sont intactes : réessayez.",
  changeArea: "Utiliser une autre feuille",
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
  regionQuestion: "Voor welk Banqup-platform is deze werkmap?",
  regionHint: "Eén keer gevraagd: de keuze wordt in deze werkmap bewaard.",
  regionSave: "Dit platform gebruiken",
  regionChange: "Wijzigen",
  regionNow: "Platform: {region}",
  partnerApi: "Partner-API: {url}",
  notSignedIn: "Niet aangemeld.",
  setupTitle: "Uw klanten",
  insertTemplate: "Sjabloon invoegen",
  useActiveSheet: "Actieve werkblad gebruiken",
  working: "Bezig…",
  templateExists:
    "Deze werkmap bevat het sjabloon al, op het werkblad “{sheet}”. Er is niets gewijzigd.",
  useExisting: "Dat werkblad controleren",
  noHeaderFound:
    "Geen kopregel gevonden op het actieve werkblad: geen van de eerste 30 rijen noemt twee kolommen van de import.",
  mappingTitle: "Kolommen van “{sheet}” (koppen op rij {row})",
  mappingHint: "Geef aan wat elke kolom bevat. Uw keuzes worden in deze werkmap bewaard.",
  notImported: "Niet geïmporteerd",
  missingRequired: "Verplicht, nog zonder kolom: {columns}",
  checkSheet: "Dit werkblad controleren",
  cancel: "Annuleren",
  checking: "Controleren…",
  rowsCount: "Rijen",
  validCount: "Geldig",
  invalidCount: "Met problemen",
  noProblems: "Geen problemen: alle rijen zijn klaar.",
  problemsTitle: "Problemen per kolom",
  rowsAffected: "{count} rijen",
  goTo: "Rij {row}",
  fixAll: "Alles zo verbeteren ({count})",
  selectedTitle: "Geselecteerde cel",
  selectedNone: "Selecteer een cel van de klantentabel om de problemen te zien.",
  selectedCell: "Cel {cell}",
  cellOk: "Geen probleem in deze cel.",
  fix: "Verbeteren: {value}",
  templatesTitle: "Configuratiesjablonen",
  templatesNone: "Nog geen sjablonen: vernieuw ze vanuit Banqup.",
  refreshTemplates: "Vernieuwen vanuit Banqup",
  applyTemplate: "Toepassen op de geselecteerde rijen ({count})",
  chooseTemplate: "Sjabloon",
  templateUsers: "Gebruikers: {list}",
  templateIntegrations: "Integraties: {list}",
  nobody: "geen",
  signInToRefresh: "Meld u aan bij Banqup om de configuratiesjablonen te vernieuwen.",
  refreshFailed: "De sjablonen konden niet worden vernieuwd: {reason}",
  areaMissing:
    "De klantentabel is verdwenen (verwijderd of hernoemd). Voeg het sjabloon opnieuw in of gebruik een ander werkblad.",
  headerMissing:
    "De kopregel van het klantenwerkblad is niet meer te vinden. Gebruik het werkblad opnieuw om de kolommen te koppelen.",
  excelError:
    "Excel weigerde de laatste wijziging ({code}). Uw gegevens zijn ongewijzigd: probeer opnieuw.",
  changeArea: "Een ander werkblad gebruiken",
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
