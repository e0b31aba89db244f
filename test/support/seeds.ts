/**
 * The platform's own import templates as its help articles list them (shared/seeds): what the
 * profiles and the exported file are checked against.
 */

/** Seed 000 ("Ajout de clients en masse"): the Belgian file's 17 headers, `*` on required ones. */
export const SEED_000_HEADERS = [
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

/** Seed 001: the Moroccan file's columns A to L. */
export const SEED_001_HEADERS = [
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
