import type { UiLang } from "../profile";
import type { MessageKey } from "./en";

/**
 * What a group of problems is called in the pane's list: the messages of the catalogs name one
 * row's value ("“info@garage” is not…", "on row 43"), which would be wrong above the other
 * rows of the group. Each message that names a row's own value has a heading here, in every
 * language (a test checks it); the others are their own heading.
 */
export const HEADINGS: Readonly<Record<UiLang, Partial<Record<MessageKey, string>>>> = {
  en: {
    tooLong: "Too long: at most {max} characters.",
    duplicate: "The same value as on another row: each client must appear once.",
    sameCompany:
      "The same company as on another row (enterprise number or VAT number): each client must appear once.",
    "country.unassigned": "Not an ISO country code.",
    "country.ambiguous": "A name of several countries: write the two-letter code.",
    "country.invalid": "Not a country code (two letters, for example {countryCode}).",
    "country.unknownName": "Not a country we know: write its name or its two-letter code.",
    "email.domainTypo": "The domain looks like a typo of a common mail provider.",
    "email.compatibility": "Written with full-width or other special forms of letters.",
    "email.invalid": "Not a valid e-mail address: one address, for example name@company.{domain}.",
    "locale.country": "The country part is not an ISO country code.",
    "beVatNumber.mismatch": "The VAT number's digits differ from the enterprise number.",
    "postalCode.format": "Not a postal code of the row's country.",
    "configurationTemplate.unknown": "Not the name of one of your configuration templates.",
    "language.invalid": "Not a language we know: write a code (fr, en, ar) or a name.",
    "language.ambiguous": "A name of several languages: write the code.",
    registryUnchecked:
      "Could not be checked: the registry did not answer (never a sign of an error).",
    registryUnknown: "Number unknown or inactive in the registries.",
    registryInactive: "Known to the registries, but not active.",
    registryName: "The name differs from the registry's.",
    registryFill: "Empty here; the registry knows it.",
    registryPeppol: "Mandate Yes, but already on Peppol.",
    registryPeppolOther: "Mandate Yes, but on Peppol for other documents.",
  },
  fr: {
    tooLong: "Trop long : {max} caractères au plus.",
    duplicate:
      "La même valeur que sur une autre ligne : chaque client ne doit apparaître qu'une fois.",
    sameCompany:
      "La même entreprise que sur une autre ligne (numéro d'entreprise ou de TVA) : chaque client ne doit apparaître qu'une fois.",
    "country.unassigned": "Ce n'est pas un code pays ISO.",
    "country.ambiguous": "Nom de plusieurs pays : indiquez le code à deux lettres.",
    "country.invalid": "Ce n'est pas un code pays (deux lettres, par exemple {countryCode}).",
    "country.unknownName": "Pays inconnu : indiquez son nom ou son code à deux lettres.",
    "email.domainTypo":
      "Le domaine ressemble à une faute de frappe d'un fournisseur de messagerie courant.",
    "email.compatibility": "Contient des lettres pleine chasse ou d'autres formes spéciales.",
    "email.invalid":
      "Ce n'est pas une adresse e-mail valide : une seule adresse, par exemple nom@entreprise.{domain}.",
    "locale.country": "La partie pays n'est pas un code pays ISO.",
    "beVatNumber.mismatch": "Les chiffres du numéro de TVA diffèrent du numéro d'entreprise.",
    "postalCode.format": "Ce n'est pas un code postal valable pour le pays de la ligne.",
    "configurationTemplate.unknown": "Ce n'est le nom d'aucun de vos modèles de configuration.",
    "language.invalid": "Langue inconnue : indiquez un code (fr, en, ar) ou un nom.",
    "language.ambiguous": "Nom de plusieurs langues : indiquez le code.",
    registryUnchecked:
      "Non vérifié : le registre n'a pas répondu (ce n'est pas le signe d'une erreur).",
    registryUnknown: "Numéro inconnu ou inactif dans les registres.",
    registryInactive: "Connu des registres, mais pas actif.",
    registryName: "Le nom diffère de celui du registre.",
    registryFill: "Vide ici ; le registre le connaît.",
    registryPeppol: "Mandat Oui, mais déjà sur Peppol.",
    registryPeppolOther: "Mandat Oui, mais sur Peppol pour d'autres documents.",
  },
  nl: {
    tooLong: "Te lang: hoogstens {max} tekens.",
    duplicate: "Dezelfde waarde als op een andere rij: elke klant mag maar één keer voorkomen.",
    sameCompany:
      "Hetzelfde bedrijf als op een andere rij (ondernemings- of btw-nummer): elke klant mag maar één keer voorkomen.",
    "country.unassigned": "Geen ISO-landcode.",
    "country.ambiguous": "Naam van meerdere landen: schrijf de tweeletterige code.",
    "country.invalid": "Geen landcode (twee letters, bijvoorbeeld {countryCode}).",
    "country.unknownName": "Onbekend land: schrijf de naam of de tweeletterige code.",
    "email.domainTypo": "Het domein lijkt een tikfout van een gangbare e-mailprovider.",
    "email.compatibility": "Bevat volbreedte- of andere bijzondere letters.",
    "email.invalid": "Geen geldig e-mailadres: één adres, bijvoorbeeld naam@bedrijf.{domain}.",
    "locale.country": "Het landdeel is geen ISO-landcode.",
    "beVatNumber.mismatch": "De cijfers van het btw-nummer verschillen van het ondernemingsnummer.",
    "postalCode.format": "Geen postcode van het land van de rij.",
    "configurationTemplate.unknown": "Niet de naam van een van uw configuratiesjablonen.",
    "language.invalid": "Onbekende taal: schrijf een code (fr, en, ar) of een naam.",
    "language.ambiguous": "Naam van meerdere talen: schrijf de code.",
    registryUnchecked: "Niet nagekeken: het register antwoordde niet (geen teken van een fout).",
    registryUnknown: "Nummer onbekend of niet actief in de registers.",
    registryInactive: "Bekend bij de registers, maar niet actief.",
    registryName: "De naam verschilt van die in het register.",
    registryFill: "Hier leeg; het register kent het.",
    registryPeppol: "Mandaat Ja, maar al op Peppol.",
    registryPeppolOther: "Mandaat Ja, maar op Peppol voor andere documenten.",
  },
};
