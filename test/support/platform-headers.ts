/**
 * The platform's own import templates as its help articles list them (docs/rules.md quotes them): what the
 * profiles and the exported file are checked against.
 */

/** Belgium ("Ajout de clients en masse"): the Belgian file's 17 headers, `*` on required ones. */
export const BELGIAN_PLATFORM_HEADERS = [
  "Raison sociale *",
  "Pays (code lettre) *",
  "Email de contact *",
  "Prénom du contact *",
  "Nom de famille du contact *",
  "Langue du contact (locale) *",
  "Numéro d'entreprise",
  "TVA",
  "Référence externe",
  "IBAN",
  "Rue",
  "Numéro",
  "Boîte postale",
  "Code postal",
  "Commune/ville",
  "Mandat",
  "Modèle",
];

/** Morocco: the Moroccan file's columns A to L. */
export const MOROCCAN_PLATFORM_HEADERS = [
  "Nom client",
  "Adresse",
  "Code postal",
  "Ville",
  "Pays",
  "ICE",
  "IF",
  "IBAN",
  "Langue",
  "Contact",
  "Langue contact",
  "Email du contact",
];
