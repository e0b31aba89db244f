import type { MessageKey } from "./en";

export const fr: Record<MessageKey, string> = {
  refused: "L'API Partenaire a refusé cette valeur.",
  required: "Cette colonne est obligatoire pour chaque client.",
  missingColumn: "La colonne obligatoire « {header} » manque dans la feuille.",
  tooLong: "{max} caractères au plus (cette cellule en a {length}).",
  controlCharacters: "Contient des caractères invisibles (retours à la ligne ou tabulations).",
  duplicate:
    "La même valeur figure {rows, plural, one {à la ligne} other {aux lignes}} {rows}{more, plural, =0 {} one { (et # autre)} other { (et # autres)}} : chaque client ne doit apparaître qu'une fois.",
  sameCompany:
    "La même entreprise figure {rows, plural, one {à la ligne} other {aux lignes}} {rows}{more, plural, =0 {} one { (et # autre)} other { (et # autres)}} (par son numéro d'entreprise ou dans un numéro de TVA) : chaque client ne doit apparaître qu'une fois.",
  exists: "Un client avec cette valeur existe déjà dans votre espace Partenaire.",
  "country.unassigned": "« {value} » n'est pas un code pays ISO.",
  "country.name": "Indiquez le code pays à deux lettres, pas le nom.",
  "country.ambiguous":
    "« {value} » peut désigner plusieurs pays ({candidates}) : indiquez le code à deux lettres.",
  "country.invalid":
    "« {value} » n'est pas un code pays (deux lettres, par exemple {countryCode}).",
  "country.unknownName":
    "« {value} » n'est pas un pays connu : indiquez son nom ou son code à deux lettres, par exemple {country} ou {countryCode}.",
  "email.compatibility":
    "« {value} » contient des lettres pleine chasse ou d'autres formes spéciales : aucun e-mail ne peut être livré à l'adresse écrite ainsi.",
  "email.nonAsciiLocalPart":
    "La partie avant @ contient des lettres accentuées ou non latines : de nombreux serveurs de messagerie ne peuvent pas la livrer. Demandez au client une adresse en lettres simples.",
  "email.domainTypo":
    "« {value} » ressemble à une faute de frappe : vouliez-vous dire {suggestion} ?",
  "email.invalid":
    "« {value} » n'est pas une adresse e-mail valide : une seule adresse, par exemple nom@entreprise.{domain}.",
  "locale.format": "Écrivez la langue puis le pays, par exemple fr-BE (langues : {languages}).",
  "locale.language": "La langue doit être l'une de {languages}, par exemple fr-BE.",
  "locale.country": "« {country} » n'est pas un code pays ISO.",
  "beEnterpriseNumber.format":
    "Un numéro d'entreprise compte 10 chiffres sans points ni espaces, par exemple 0123456749.",
  "beEnterpriseNumber.prefix": "Un numéro d'entreprise belge commence par 0 ou 1.",
  "beEnterpriseNumber.checksum":
    "Les chiffres de contrôle ne correspondent pas : ce numéro d'entreprise n'existe pas.",
  "beEnterpriseNumber.leadingZero":
    "Excel a enregistré ce numéro comme un nombre et a supprimé le zéro initial.",
  "beVatNumber.format":
    "Un numéro de TVA belge est BE suivi de 10 chiffres, sans points ni espaces, par exemple BE0123456749.",
  "beVatNumber.prefix": "Les chiffres d'un numéro de TVA belge commencent par 0 ou 1.",
  "beVatNumber.checksum":
    "Les chiffres de contrôle ne correspondent pas : ce numéro de TVA n'existe pas.",
  "beVatNumber.leadingZero":
    "Excel a enregistré ce numéro comme un nombre : le préfixe BE et le zéro initial manquent.",
  "beVatNumber.mismatch":
    "Les chiffres du numéro de TVA diffèrent du numéro d'entreprise ({other}).",
  "iban.invalid": "Ce n'est pas un IBAN : la longueur ou le format ne correspond pas à son pays.",
  "iban.checksum": "La clé de l'IBAN ne correspond pas : il contient une faute de frappe.",
  "iban.rib":
    "La clé RIB marocaine est fausse : les 24 chiffres après MA64 doivent être divisibles par 97.",
  "iban.format": "Écrivez l'IBAN sans espaces, en majuscules.",
  "iban.nationalAccount":
    "C'est le numéro de compte seul : l'IBAN est le code pays, deux chiffres de contrôle, puis ce numéro.",
  "iban.numberLostDigits":
    "Excel a enregistré ce numéro comme un nombre et n'en a gardé que les 15 premiers chiffres : les autres sont perdus. Mettez la cellule au format texte et saisissez-le à nouveau.",
  "postalCode.format":
    "Ce n'est pas un code postal valable pour ce pays : {country} (par exemple {example}).",
  "yesNo.invalid": "Écrivez {yes} ou {no}.",
  "yesNo.spelling": "Compris comme {listed}, la valeur de la liste déroulante.",
  "language.spelling": "Compris comme {listed}, le code que Banqup attend.",
  "configurationTemplate.unknown": "Vous n'avez aucun modèle de configuration nommé « {value} ».",
  "ice.format": "Un ICE compte 15 chiffres.",
  "ice.checksum":
    "Le contrôle de l'ICE échoue (le nombre doit être divisible par 97) : cet ICE n'existe pas.",
  "ice.leadingZero":
    "Excel a enregistré ce numéro comme un nombre et a supprimé les zéros initiaux.",
  "ice.unknown":
    "Aucune entreprise ne porte cet ICE au registre : Banqup le refuse (« trn - est invalide »). Vérifiez le numéro sur les documents de l'entreprise.",
  "ice.unchecked":
    "Le registre des entreprises n'a pas répondu : l'existence de cet ICE n'a pas pu être vérifiée.",
  "digits.format": "Écrivez {lengths, or} chiffres, sans espaces ni points.",
  "language.invalid":
    "« {value} » n'est pas une langue connue : écrivez un code (fr, en, ar) ou un nom (Français).",
  "language.ambiguous":
    "« {value} » peut désigner plusieurs langues ({candidates}) : écrivez le code.",
  registryUnchecked:
    "Le registre n'a pas répondu ({fault}) : ce numéro n'a pas pu être vérifié. Réessayez plus tard.",
  registryUnknown:
    "{value} est inconnu ou inactif dans les registres : vérifiez le numéro avec le client.",
  registryInactive:
    "{value} appartient à « {name} » dans les registres, mais n'est pas actif : vérifiez avec le client.",
  registryName: "Le registre nomme cette entreprise « {suggestion} ».",
  registryFill: "Vide : le registre indique « {suggestion} ».",
  registryPeppol:
    "Mandat Oui, mais cette entreprise est déjà sur Peppol sous « {name} » ({participant}) : demandez au client quel fournisseur reçoit ses factures avant de l'inscrire.",
  registryPeppolOther:
    "Mandat Oui, mais cette entreprise est déjà inscrite sur Peppol ({participant}) pour d'autres documents que des factures : son fournisseur doit ajouter les factures ou la libérer avant que Banqup puisse l'inscrire.",
};
