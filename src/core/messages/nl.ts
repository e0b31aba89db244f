import type { MessageKey } from "./en";

export const nl: Record<MessageKey, string> = {
  refused: "De partner-API heeft deze waarde geweigerd.",
  required: "Deze kolom is verplicht voor elke klant.",
  missingColumn: "De verplichte kolom “{header}” ontbreekt in het blad.",
  tooLong: "Hoogstens {max} tekens (deze cel heeft er {length}).",
  controlCharacters: "Bevat onzichtbare tekens (regeleinden of tabs).",
  duplicate:
    "Dezelfde waarde staat op {rows, plural, one {rij} other {rijen}} {rows}{more, plural, =0 {} other { (en nog #)}}: elke klant mag maar één keer voorkomen.",
  sameCompany:
    "Hetzelfde bedrijf staat op {rows, plural, one {rij} other {rijen}} {rows}{more, plural, =0 {} other { (en nog #)}} (met zijn ondernemingsnummer of in een btw-nummer): elke klant mag maar één keer voorkomen.",
  exists: "Er bestaat al een klant met deze waarde in uw partneromgeving.",
  "country.unassigned": "“{value}” is geen ISO-landcode.",
  "country.name": "Schrijf de landcode van twee letters, niet de naam.",
  "country.ambiguous":
    "“{value}” kan meerdere landen betekenen ({candidates}): schrijf de code van twee letters.",
  "country.invalid": "“{value}” is geen landcode (twee letters, bijvoorbeeld {countryCode}).",
  "country.unknownName":
    "“{value}” is geen land dat we kennen: schrijf de naam of de tweeletterige code, bijvoorbeeld {country} of {countryCode}.",
  "email.compatibility":
    "“{value}” bevat volbreedte- of andere bijzondere letters: op een zo geschreven adres kan geen e-mail worden afgeleverd.",
  "email.nonAsciiLocalPart":
    "Het deel vóór @ bevat letters met accenten of niet-Latijnse letters: veel mailservers kunnen daar niet afleveren. Vraag de klant een adres in gewone letters.",
  "email.domainTypo": "“{value}” lijkt een tikfout: bedoelt u {suggestion}?",
  "email.invalid":
    "“{value}” is geen geldig e-mailadres: één adres, bijvoorbeeld naam@bedrijf.{domain}.",
  "locale.format": "Schrijf de taal en dan het land, bijvoorbeeld nl-BE (talen: {languages}).",
  "locale.language": "De taal moet een van {languages} zijn, bijvoorbeeld nl-BE.",
  "locale.country": "“{country}” is geen ISO-landcode.",
  "beEnterpriseNumber.format":
    "Een ondernemingsnummer telt 10 cijfers zonder punten of spaties, bijvoorbeeld 0123456749.",
  "beEnterpriseNumber.prefix": "Een Belgisch ondernemingsnummer begint met 0 of 1.",
  "beEnterpriseNumber.checksum":
    "De controlecijfers kloppen niet: dit ondernemingsnummer bestaat niet.",
  "beEnterpriseNumber.leadingZero":
    "Excel heeft dit nummer als getal opgeslagen en de voorloopnul weggelaten.",
  "beVatNumber.format":
    "Een Belgisch btw-nummer is BE gevolgd door 10 cijfers, zonder punten of spaties, bijvoorbeeld BE0123456749.",
  "beVatNumber.prefix": "De cijfers van een Belgisch btw-nummer beginnen met 0 of 1.",
  "beVatNumber.checksum": "De controlecijfers kloppen niet: dit btw-nummer bestaat niet.",
  "beVatNumber.leadingZero":
    "Excel heeft dit nummer als getal opgeslagen: het voorvoegsel BE en de voorloopnul ontbreken.",
  "beVatNumber.mismatch":
    "De cijfers van het btw-nummer verschillen van het ondernemingsnummer ({other}).",
  "iban.invalid": "Dit is geen IBAN: de lengte of het formaat past niet bij het land.",
  "iban.checksum": "De controlecijfers van het IBAN kloppen niet: het bevat een tikfout.",
  "iban.rib":
    "De Marokkaanse RIB-sleutel is fout: de 24 cijfers na MA64 moeten deelbaar zijn door 97.",
  "iban.format": "Schrijf het IBAN zonder spaties, in hoofdletters.",
  "iban.nationalAccount":
    "Dit is alleen het rekeningnummer: het IBAN is de landcode, twee controlecijfers en dan dit nummer.",
  "iban.numberLostDigits":
    "Excel heeft dit nummer als getal opgeslagen en alleen de eerste 15 cijfers bewaard: de rest is verloren. Zet de cel in tekstopmaak en typ het opnieuw.",
  "postalCode.format": "Geen postcode van {country} (bijvoorbeeld {example}).",
  "yesNo.invalid": "Schrijf {yes} of {no}.",
  "yesNo.spelling": "Gelezen als {listed}, de waarde uit de keuzelijst.",
  "language.spelling": "Gelezen als {listed}, de code die Banqup verwacht.",
  "configurationTemplate.unknown": "U hebt geen configuratiesjabloon met de naam “{value}”.",
  "ice.format": "Een ICE telt 15 cijfers.",
  "ice.checksum":
    "De ICE-controle faalt (het getal moet deelbaar zijn door 97): deze ICE bestaat niet.",
  "ice.leadingZero": "Excel heeft dit nummer als getal opgeslagen en de voorloopnullen weggelaten.",
  "ice.unknown":
    "Geen onderneming heeft deze ICE in het register: Banqup weigert ze (“trn - est invalide”). Controleer het nummer op de documenten van de onderneming.",
  "ice.unchecked":
    "Het ondernemingsregister antwoordde niet: het bestaan van deze ICE kon niet worden nagekeken.",
  "digits.format": "Schrijf {lengths, or} cijfers, zonder spaties of punten.",
  "language.invalid":
    "“{value}” is geen gekende taal: schrijf een code (fr, en, ar) of een naam (Nederlands).",
  "language.ambiguous": "“{value}” kan meerdere talen betekenen ({candidates}): schrijf de code.",
  registryUnchecked:
    "Het register antwoordde niet ({fault}): dit nummer kon niet worden nagekeken. Probeer later opnieuw.",
  registryUnknown:
    "{value} is onbekend of niet actief in de registers: controleer het nummer met de klant.",
  registryInactive:
    "{value} hoort in de registers bij “{name}”, maar is niet actief: controleer met de klant.",
  registryName: "Het register noemt deze onderneming “{suggestion}”.",
  registryFill: "Leeg: het register vermeldt “{suggestion}”.",
  registryPeppol:
    "Mandaat Ja, maar deze onderneming staat al op Peppol als “{name}” ({participant}): vraag de klant welke provider zijn facturen ontvangt voor u ze registreert.",
  registryPeppolOther:
    "Mandaat Ja, maar deze onderneming is al op Peppol geregistreerd ({participant}) voor andere documenten dan facturen: haar provider moet facturen toevoegen of haar vrijgeven voor Banqup ze kan registreren.",
};
