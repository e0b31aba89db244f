/** Problem messages. Keys: "ruleKind.reason", falling back to "reason". {x} are parameters. */
export const en = {
  refused: "The partner API refused this value.",
  required: "This column is required for every client.",
  missingColumn: "The required column “{header}” is missing from the sheet.",
  tooLong: "At most {max} characters (this cell has {length}).",
  controlCharacters: "Contains invisible characters (line breaks or tabs).",
  duplicate:
    "The same value is on {rows, plural, one {row} other {rows}} {rows}{more, plural, =0 {} other { (and # more)}}: each client must appear once.",
  sameCompany:
    "The same company is on {rows, plural, one {row} other {rows}} {rows}{more, plural, =0 {} other { (and # more)}}, its number written there as an enterprise number or inside a VAT number: each client must appear once.",
  exists: "A client with this value already exists in your partner space.",
  "country.unassigned": "“{value}” is not an ISO country code.",
  "country.name": "Write the two-letter country code, not the name.",
  "country.ambiguous":
    "“{value}” can mean several countries ({candidates}): write the two-letter code.",
  "country.invalid": "“{value}” is not a country code (two letters, for example {countryCode}).",
  "country.unknownName":
    "“{value}” is not a country we know: write its name or its two-letter code, for example {country} or {countryCode}.",
  "email.compatibility":
    "“{value}” is written with full-width or other special forms of letters: mail cannot be delivered to it as written.",
  "email.nonAsciiLocalPart":
    "The part before @ has accented or non-Latin letters: many mail servers cannot deliver to it. Ask the client for an address in plain letters.",
  "email.domainTypo": "“{value}” looks like a typo: did you mean {suggestion}?",
  "email.invalid":
    "“{value}” is not a valid e-mail address: one address, for example name@company.{domain}.",
  "locale.format":
    "Write the language, then the country, for example fr-BE (languages: {languages}).",
  "locale.language": "The language must be one of {languages}, for example fr-BE.",
  "locale.country": "“{country}” is not an ISO country code.",
  "beEnterpriseNumber.format":
    "An enterprise number is 10 digits without dots or spaces, for example 0123456749.",
  "beEnterpriseNumber.prefix": "A Belgian enterprise number starts with 0 or 1.",
  "beEnterpriseNumber.checksum":
    "The check digits do not match: this enterprise number does not exist.",
  "beEnterpriseNumber.leadingZero":
    "Excel stored this number as a number and dropped its leading zero.",
  "beVatNumber.format":
    "A Belgian VAT number is BE and 10 digits, without dots or spaces, for example BE0123456749.",
  "beVatNumber.prefix": "The digits of a Belgian VAT number start with 0 or 1.",
  "beVatNumber.checksum": "The check digits do not match: this VAT number does not exist.",
  "beVatNumber.leadingZero":
    "Excel stored this number as a number: the BE prefix and the leading zero are missing.",
  "beVatNumber.mismatch": "The VAT number's digits differ from the enterprise number ({other}).",
  "iban.invalid": "This is not an IBAN: the length or format does not fit its country.",
  "iban.checksum": "The IBAN's check digits do not match: there is a typing error.",
  "iban.rib": "The Moroccan RIB key is wrong: the 24 digits after MA64 must be divisible by 97.",
  "iban.format": "Write the IBAN without spaces, in capitals.",
  "iban.nationalAccount":
    "This is the account number alone: the IBAN is the country code, two check digits, then this number.",
  "iban.numberLostDigits":
    "Excel stored this number as a number and kept only its first 15 digits: the rest are lost. Format the cell as text and type it again.",
  "postalCode.format": "Not a postal code of {country} (for example {example}).",
  "yesNo.invalid": "Write {yes} or {no}.",
  "yesNo.spelling": "Read as {listed}, the list's value.",
  "language.spelling": "Read as {listed}, the code Banqup expects.",
  "configurationTemplate.unknown": "You have no configuration template named “{value}”.",
  "ice.format": "An ICE is 15 digits.",
  "ice.checksum":
    "The ICE check fails (the number must be divisible by 97): this ICE does not exist.",
  "ice.leadingZero": "Excel stored this number as a number and dropped its leading zeros.",
  "ice.unknown":
    "No company holds this ICE in the register: Banqup refuses it (“trn - est invalide”). Check the number on the company's documents.",
  "ice.unchecked": "The company register could not be asked whether this ICE exists.",
  "digits.format": "Write {lengths, or} digits, without spaces or dots.",
  "language.invalid":
    "“{value}” is not a language we know: write a code (fr, en, ar) or a name (Français).",
  "language.ambiguous": "“{value}” can mean several languages ({candidates}): write the code.",
  registryUnchecked:
    "Could not be checked against the registries ({fault}): the registry did not answer. Nothing is known either way; check again later.",
  registryUnknown:
    "The registries do not know {value} as an active number: check the number with the client.",
  registryInactive:
    "{value} belongs to “{name}” in the registries, but it is not active: check with the client.",
  registryName: "The registry names this company “{suggestion}”.",
  registryFill: "Empty: the registry says “{suggestion}”.",
  registryPeppol:
    "Mandate Yes, but this company is already on Peppol as “{name}” ({participant}): ask the client which provider receives its invoices before registering it.",
  registryPeppolOther:
    "Mandate Yes, but this company is already registered on Peppol ({participant}) for other documents than invoices: its provider must add invoices or release it before Banqup can register it.",
} as const;

export type MessageKey = keyof typeof en;
