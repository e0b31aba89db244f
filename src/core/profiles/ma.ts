import { defineProfile } from "../profile";

const LANGUAGE_HELP = {
  fr: "Une langue : code (fr, en, ar) ou nom (Français, English, العربية) ; abréviations acceptées : Fr, An (anglais), Ar, Nl, All (allemand).",
  nl: "Een taal: code (fr, en, ar) of naam (Français, English, العربية); afkortingen: Fr, An (Engels), Ar, Nl, All (Duits).",
  en: "A language: a code (fr, en, ar) or a name (Français, English, العربية); abbreviations: Fr, An (English), Ar, Nl, All (German).",
};

/** Morocco: the platform's client import with column mapping (docs/rules.md, Morocco), columns A–L. */
export const morocco = defineProfile({
  id: "ma",
  name: { fr: "Maroc", nl: "Marokko", en: "Morocco" },
  country: "MA",
  headerLanguages: ["fr", "nl", "en"],
  fields: [
    {
      key: "companyName",
      required: true,
      headers: { fr: "Nom client", nl: "Klantnaam", en: "Client name" },
      aliases: ["Nom", "Raison sociale", "Company name", "Nom du client"],
      help: {
        fr: "Le nom de l'entreprise cliente, 255 caractères au plus.",
        nl: "De naam van de klantonderneming, hoogstens 255 tekens.",
        en: "The client company's name, at most 255 characters.",
      },
      rule: { kind: "text", max: 255 },
      width: 32,
    },
    {
      key: "address",
      required: false,
      headers: { fr: "Adresse", nl: "Adres", en: "Address" },
      help: {
        fr: "L'adresse du siège social.",
        nl: "Het adres van de maatschappelijke zetel.",
        en: "The registered office's address.",
      },
      rule: { kind: "text", max: 255 },
      width: 32,
    },
    {
      key: "postalCode",
      required: true,
      identifier: true,
      headers: { fr: "Code postal", nl: "Postcode", en: "Postal code" },
      help: {
        fr: "Pour le Maroc, 5 chiffres.",
        nl: "Voor Marokko 5 cijfers.",
        en: "For Morocco, 5 digits.",
      },
      rule: { kind: "postalCode", countryField: "country" },
      width: 10,
    },
    {
      key: "city",
      required: true,
      headers: { fr: "Ville", nl: "Stad", en: "City" },
      help: {
        fr: "La ville du siège social.",
        nl: "De stad van de maatschappelijke zetel.",
        en: "The registered office's city.",
      },
      rule: { kind: "text", max: 100 },
    },
    {
      key: "country",
      required: true,
      headers: { fr: "Pays", nl: "Land", en: "Country" },
      help: {
        fr: "Le code à deux lettres (MA) ou le nom du pays dans n'importe quelle langue (Maroc, المغرب).",
        nl: "De code van twee letters (MA) of de naam van het land in eender welke taal (Marokko, المغرب).",
        en: "The two-letter code (MA) or the country's name in any language (Morocco, المغرب).",
      },
      rule: { kind: "country", acceptNames: true, example: "MA" },
      list: "countries",
      width: 14,
    },
    {
      key: "ice",
      required: false,
      unique: true,
      identifier: true,
      headers: { fr: "ICE", nl: "ICE", en: "ICE" },
      aliases: ["Identifiant commun de l'entreprise"],
      help: {
        fr: "L'identifiant commun de l'entreprise : 15 chiffres (le nombre est divisible par 97).",
        nl: "De gemeenschappelijke ondernemingscode (ICE): 15 cijfers (het getal is deelbaar door 97).",
        en: "The common company identifier (ICE): 15 digits (the number is divisible by 97).",
      },
      rule: { kind: "ice" },
      width: 18,
    },
    {
      key: "taxId",
      required: false,
      identifier: true,
      headers: { fr: "IF", nl: "IF (fiscaal nummer)", en: "IF (tax ID)" },
      aliases: ["Identifiant fiscal", "Tax ID"],
      help: {
        fr: "L'identifiant fiscal : 7 ou 8 chiffres.",
        nl: "Het fiscaal nummer (IF): 7 of 8 cijfers.",
        en: "The tax identifier (IF): 7 or 8 digits.",
      },
      rule: { kind: "digits", lengths: [7, 8] },
      width: 12,
    },
    {
      key: "iban",
      required: false,
      identifier: true,
      headers: { fr: "IBAN", nl: "IBAN", en: "IBAN" },
      help: {
        fr: "Au Maroc, MA64 suivi du RIB de 24 chiffres ; ailleurs, un IBAN valide ; sans espaces.",
        nl: "In Marokko MA64 gevolgd door het RIB van 24 cijfers; elders een geldig IBAN; zonder spaties.",
        en: "In Morocco, MA64 followed by the 24-digit RIB; elsewhere, a valid IBAN; without spaces.",
      },
      rule: { kind: "iban", nationalAccountOf: "MA" },
      width: 32,
    },
    {
      key: "companyLanguage",
      required: false,
      headers: { fr: "Langue", nl: "Taal", en: "Language" },
      aliases: ["Langue de l'entreprise", "Company language"],
      help: LANGUAGE_HELP,
      rule: { kind: "language" },
      width: 12,
    },
    {
      key: "contactName",
      required: false,
      headers: { fr: "Contact", nl: "Contactpersoon", en: "Contact" },
      aliases: ["Gérant", "Nom du contact", "Contact name"],
      help: {
        fr: "Le nom de votre interlocuteur (le gérant de l'entreprise).",
        nl: "De naam van uw contactpersoon (de zaakvoerder).",
        en: "Your contact's name (the company's manager).",
      },
      rule: { kind: "text", max: 200 },
      width: 24,
    },
    {
      key: "contactLanguage",
      required: false,
      headers: { fr: "Langue contact", nl: "Taal contactpersoon", en: "Contact language" },
      aliases: ["Langue du contact"],
      help: LANGUAGE_HELP,
      rule: { kind: "language" },
      width: 14,
    },
    {
      key: "contactEmail",
      required: true,
      headers: { fr: "Email du contact", nl: "E-mail contactpersoon", en: "Contact email" },
      aliases: ["Email", "E-mail", "Email de contact"],
      help: {
        fr: "Une seule adresse e-mail, par exemple nom@entreprise.ma.",
        nl: "Eén e-mailadres, bijvoorbeeld naam@bedrijf.ma.",
        en: "One e-mail address, for example name@company.ma.",
      },
      rule: { kind: "email", exampleDomain: "ma" },
      width: 28,
    },
  ],
  // No public ICE registry can be reached (the platform's check is its own): no lookup.
  registry: null,
  // The Moroccan platform's help names columns A–L without marks.
  platformMarksRequired: false,
});
