import {
  codes,
  judge,
  normalized,
  requiredKeys,
  warningCodes,
  withoutOptionalColumns,
} from "../../testkit/judge";
import { belgianNumber } from "../../testkit/oracles";
import { describeProblem, getProfile } from "../../src/core";

describe("Belgium: a complete valid row", () => {
  it("has no problems", () => {
    expect(judge("be", {})).toEqual([]);
  });
  it("needs only the required columns", () => {
    expect(judge("be", withoutOptionalColumns("be"))).toEqual([]);
  });
});

describe("required columns", () => {
  it.each(requiredKeys("be"))("%s empty or only spaces is reported", (key) => {
    expect(codes(judge("be", { [key]: "   " }))).toEqual([`${key}.required`]);
  });
});

describe("company name", () => {
  it("accepts 255 characters and refuses 256", () => {
    expect(judge("be", { companyName: "x".repeat(255) })).toEqual([]);
    const [problem] = judge("be", { companyName: "x".repeat(256) });
    expect(problem).toMatchObject({
      code: "companyName.tooLong",
      params: { max: 255, length: 256 },
      fix: null,
    });
  });
  it("refuses control characters and offers the name on one line", () => {
    expect(codes(judge("be", { companyName: "Dupont\nSRL" }))).toEqual([
      "companyName.controlCharacters→Dupont SRL",
    ]);
    expect(codes(judge("be", { companyName: "Dupont\tSRL" }))).toEqual([
      "companyName.controlCharacters→Dupont SRL",
    ]);
  });
  it("trims surrounding spaces", () => {
    expect(normalized("be", "companyName", "  Dupont  ")).toBe("Dupont");
  });
});

describe("country (ISO 3166-1 alpha-2)", () => {
  it("accepts assigned codes in any case and stores them upper-case", () => {
    expect(normalized("be", "country", "be")).toBe("BE");
    expect(normalized("be", "country", "Nl")).toBe("NL");
    expect(judge("be", { country: "fr", postalCode: "75001" })).toEqual([]);
  });
  it("refuses unassigned codes UK, EL, XX, offering the code that is meant", () => {
    expect(codes(judge("be", { country: "UK", postalCode: "" }))).toEqual([
      "country.unassigned→GB",
    ]);
    expect(codes(judge("be", { country: "EL", postalCode: "" }))).toEqual([
      "country.unassigned→GR",
    ]);
    expect(codes(judge("be", { country: "XX", postalCode: "" }))).toEqual(["country.unassigned"]);
  });
  it("refuses names and offers the code (belgique → BE)", () => {
    expect(codes(judge("be", { country: "belgique" }))).toEqual(["country.name→BE"]);
    expect(codes(judge("be", { country: "België" }))).toEqual(["country.name→BE"]);
  });
  it("gives no fix for an ambiguous name (Kongo)", () => {
    const [problem] = judge("be", { country: "Kongo", postalCode: "" });
    expect(problem).toMatchObject({ code: "country.ambiguous", fix: null });
    expect(String(problem?.params?.candidates)).toBe("CD, CG");
  });
  it("refuses what is no country at all", () => {
    expect(codes(judge("be", { country: "Atlantis", postalCode: "" }))).toEqual([
      "country.invalid",
    ]);
    expect(codes(judge("be", { country: 32, postalCode: "" }))).toEqual(["country.invalid"]);
  });
});

describe("contact e-mail", () => {
  it.each([
    "jan@acme.be",
    "jan.peeters+import@acme.co.uk",
    "o'brien@example.ie",
    "info@exämple.be",
    "info@مثال.المغرب",
    "a_b-c@sub.domain-x.com",
  ])("accepts %s", (email) => {
    expect(judge("be", { contactEmail: email })).toEqual([]);
  });
  it.each([
    "a@b.c",
    "user@localhost",
    "jan..peeters@acme.be",
    "jan peeters@acme.be",
    "jan@acme..be",
    ".jan@acme.be",
    "jan.@acme.be",
    "jan@",
    "@acme.be",
    "jan@acme.be; piet@acme.be",
    "jan@-acme.be",
    "jan@acme.b3",
  ])("refuses %s", (email) => {
    expect(codes(judge("be", { contactEmail: email }))).toEqual(["contactEmail.invalid"]);
  });
  it("offers the address inside a 'Name <address>' or mailto: value", () => {
    expect(codes(judge("be", { contactEmail: "Jan Peeters <jan@acme.be>" }))).toEqual([
      "contactEmail.invalid→jan@acme.be",
    ]);
    expect(codes(judge("be", { contactEmail: "mailto:jan@acme.be" }))).toEqual([
      "contactEmail.invalid→jan@acme.be",
    ]);
  });
  it("refuses full-width or other compatibility letters and offers the ordinary form", () => {
    expect(codes(judge("be", { contactEmail: "somename@ｇｍａｉｌ.com" }))).toEqual([
      "contactEmail.compatibility→somename@gmail.com",
    ]);
    expect(codes(judge("be", { contactEmail: "ｉｎｆｏ@acme.be" }))).toEqual([
      "contactEmail.compatibility→info@acme.be",
    ]);
    // A decomposed accent (e + combining acute) is composed: the domain as IDNA writes it.
    expect(codes(judge("be", { contactEmail: "info@exa\u0301mple.be" }))).toEqual([
      "contactEmail.compatibility→info@exámple.be",
    ]);
  });
  it("refuses an accented local part and says why, without a fix", () => {
    const [problem] = judge("be", { contactEmail: "rené@acme.be" });
    expect(problem).toMatchObject({ code: "contactEmail.nonAsciiLocalPart", fix: null });
    expect(describeProblem(problem!, "en", getProfile("be"))).toMatch(
      /many mail servers cannot deliver/
    );
    expect(codes(judge("be", { contactEmail: "محمد@مثال.المغرب" }))).toEqual([
      "contactEmail.nonAsciiLocalPart",
    ]);
    expect(codes(judge("be", { contactEmail: "rené@@acme.be" }))).toEqual(["contactEmail.invalid"]);
  });
});

describe("contact locale ll-CC", () => {
  it.each(["fr-BE", "nl-BE", "de-BE", "en-BE", "fr-FR", "nl-NL", "en-GB"])(
    "accepts %s",
    (locale) => {
      expect(judge("be", { contactLocale: locale })).toEqual([]);
    }
  );
  it("fixes case and separator (FR_be → fr-BE)", () => {
    expect(codes(judge("be", { contactLocale: "FR_be" }))).toEqual(["contactLocale.format→fr-BE"]);
    expect(codes(judge("be", { contactLocale: "nl-be" }))).toEqual(["contactLocale.format→nl-BE"]);
    expect(codes(judge("be", { contactLocale: "de BE" }))).toEqual(["contactLocale.format→de-BE"]);
  });
  it("refuses other languages, unassigned countries and other shapes", () => {
    expect(codes(judge("be", { contactLocale: "es-ES" }))).toEqual(["contactLocale.language"]);
    expect(codes(judge("be", { contactLocale: "fr-UK" }))).toEqual(["contactLocale.country"]);
    expect(codes(judge("be", { contactLocale: "fr-" }))).toEqual(["contactLocale.format"]);
  });
  it("fixes a language written alone with the row's country: fr + BE → fr-BE, Nederlands → nl-BE", () => {
    expect(codes(judge("be", { contactLocale: "fr", country: "BE" }))).toEqual([
      "contactLocale.format→fr-BE",
    ]);
    // The country's own fix counts: Belgique is BE once fixed.
    expect(codes(judge("be", { contactLocale: "Nederlands", country: "Belgique" }))).toEqual([
      "country.name→BE",
      "contactLocale.format→nl-BE",
    ]);
    expect(codes(judge("be", { contactLocale: "FR", country: "BE" }))).toEqual([
      "contactLocale.format→fr-BE",
    ]);
    expect(
      codes(judge("be", { contactLocale: "Français", country: "FR", postalCode: "75001" }))
    ).toEqual(["contactLocale.format→fr-FR"]);
    expect(codes(judge("be", { contactLocale: "German", country: "BE" }))).toEqual([
      "contactLocale.format→de-BE",
    ]);
  });
  it("fixes nothing it cannot be sure of", () => {
    // No country, or one that is wrong: the language's country is unknown.
    expect(codes(judge("be", { contactLocale: "fr", country: "" }))).toEqual([
      "country.required",
      "contactLocale.format",
    ]);
    expect(codes(judge("be", { contactLocale: "nl", country: "Atlantis" }))).toEqual([
      "country.invalid",
      "contactLocale.format",
    ]);
    // A language the platform does not have, a word that is no language, an abbreviation
    // of Morocco's help ("An" is Anglais only there).
    for (const text of ["es", "Español", "Flamand2", "An", "Vlaamsch"])
      expect(codes(judge("be", { contactLocale: text, country: "BE" }))).toEqual([
        "contactLocale.format",
      ]);
  });
});

describe("mandate Yes/No", () => {
  it("understands Yes and No of every template language, and offers the sheet's own word", () => {
    for (const mandate of ["Ja", "yes", "OUI", "Nee", "Oui", "Non"])
      expect(judge("be", { mandate })).toEqual([]);
    expect(warningCodes("be", { mandate: "Ja" })).toEqual(["mandate.spelling→Oui"]);
    expect(warningCodes("be", { mandate: "yes" })).toEqual(["mandate.spelling→Oui"]);
    expect(warningCodes("be", { mandate: "Nee" })).toEqual(["mandate.spelling→Non"]);
    expect(warningCodes("be", { mandate: "Oui" })).toEqual([]);
  });
});

describe("enterprise number (KBO/BCE)", () => {
  const oneSeries = belgianNumber("10000000");
  it("accepts 0- and 1-series numbers whose mod-97 check holds", () => {
    expect(judge("be", { enterpriseNumber: "0123456749", vatNumber: "" })).toEqual([]);
    expect(judge("be", { enterpriseNumber: oneSeries, vatNumber: `BE${oneSeries}` })).toEqual([]);
  });
  it("refuses the platform help's own examples 0123456789 / BE0123456789: they fail the check (why the rules are stricter than the help)", () => {
    expect(codes(judge("be", { enterpriseNumber: "0123456789", vatNumber: "" }))).toEqual([
      "enterpriseNumber.checksum",
    ]);
    expect(codes(judge("be", { enterpriseNumber: "", vatNumber: "BE0123456789" }))).toEqual([
      "vatNumber.checksum",
    ]);
  });
  it("refuses a wrong check and a first digit other than 0 or 1", () => {
    expect(codes(judge("be", { enterpriseNumber: "0123456748", vatNumber: "" }))).toEqual([
      "enterpriseNumber.checksum",
    ]);
    const twoSeries = belgianNumber("20000000");
    expect(codes(judge("be", { enterpriseNumber: twoSeries, vatNumber: "" }))).toEqual([
      "enterpriseNumber.prefix",
    ]);
  });
  it("fixes dots and spaces (0123.456.749 → 0123456749)", () => {
    expect(codes(judge("be", { enterpriseNumber: "0123.456.749", vatNumber: "" }))).toEqual([
      "enterpriseNumber.format→0123456749",
    ]);
    expect(codes(judge("be", { enterpriseNumber: "BE 0403 019 261" }))).toEqual([
      "enterpriseNumber.format→0403019261",
    ]);
  });
  it("restores the leading zero of a 9-digit number, typed or stored as a number", () => {
    expect(codes(judge("be", { enterpriseNumber: "403019261" }))).toEqual([
      "enterpriseNumber.format→0403019261",
    ]);
    expect(codes(judge("be", { enterpriseNumber: 403019261 }))).toEqual([
      "enterpriseNumber.leadingZero→0403019261",
    ]);
  });
  it("gives no fix when the cleaned number still fails its check", () => {
    expect(codes(judge("be", { enterpriseNumber: "0123.456.748", vatNumber: "" }))).toEqual([
      "enterpriseNumber.checksum",
    ]);
    expect(codes(judge("be", { enterpriseNumber: "12345", vatNumber: "" }))).toEqual([
      "enterpriseNumber.format",
    ]);
  });
});

describe("VAT number", () => {
  it("accepts BE + the 10 digits of a valid number", () => {
    expect(judge("be", { vatNumber: "BE0403019261" })).toEqual([]);
  });
  it("fixes spacing, case and a missing prefix (BE 0403 019 261 → BE0403019261)", () => {
    expect(codes(judge("be", { vatNumber: "BE 0403 019 261" }))).toEqual([
      "vatNumber.format→BE0403019261",
    ]);
    expect(codes(judge("be", { vatNumber: "be0403.019.261" }))).toEqual([
      "vatNumber.format→BE0403019261",
    ]);
    expect(codes(judge("be", { vatNumber: "0403019261" }))).toEqual([
      "vatNumber.format→BE0403019261",
    ]);
    expect(codes(judge("be", { vatNumber: 403019261 }))).toEqual([
      "vatNumber.leadingZero→BE0403019261",
    ]);
  });
  it("reads the leading zero written apart, BE (0)468.561.072, in both number columns", () => {
    const row = { enterpriseNumber: "BE (0)468.561.072", vatNumber: "BE (0)468.561.072" };
    expect(codes(judge("be", row))).toEqual([
      "enterpriseNumber.format→0468561072",
      "vatNumber.format→BE0468561072",
    ]);
    expect(codes(judge("be", { enterpriseNumber: "(0)468 561 072", vatNumber: "" }))).toEqual([
      "enterpriseNumber.format→0468561072",
    ]);
  });
  it("refuses a wrong check, a foreign number and a wrong length", () => {
    expect(codes(judge("be", { vatNumber: "BE0403019262", enterpriseNumber: "" }))).toEqual([
      "vatNumber.checksum",
    ]);
    expect(codes(judge("be", { vatNumber: "FR40303265045", enterpriseNumber: "" }))).toEqual([
      "vatNumber.format",
    ]);
    expect(codes(judge("be", { vatNumber: "BE04030192611", enterpriseNumber: "" }))).toEqual([
      "vatNumber.format",
    ]);
  });
  it("must carry the same digits as the enterprise number when both are given", () => {
    const [problem] = judge("be", { vatNumber: "BE0123456749" });
    expect(problem).toMatchObject({
      code: "vatNumber.mismatch",
      fix: null,
      params: { other: "0403019261" },
    });
  });
  it("compares with the enterprise number as it will be once fixed", () => {
    expect(
      codes(judge("be", { enterpriseNumber: "0123.456.749", vatNumber: "BE0403019261" }))
    ).toEqual(["enterpriseNumber.format→0123456749", "vatNumber.mismatch"]);
  });
});

describe("IBAN", () => {
  it("accepts valid IBANs of any country", () => {
    expect(judge("be", { iban: "BE68539007547034" })).toEqual([]);
    expect(judge("be", { iban: "FR1420041010050500013M02606" })).toEqual([]);
    expect(judge("be", { iban: "NL91ABNA0417164300" })).toEqual([]);
  });
  it("stores it without spaces (be68 5390 0754 7034 → BE68539007547034)", () => {
    expect(codes(judge("be", { iban: "be68 5390 0754 7034" }))).toEqual([
      "iban.format→BE68539007547034",
    ]);
  });
  it("refuses a wrong check and a wrong length", () => {
    expect(codes(judge("be", { iban: "BE68539007547035" }))).toEqual(["iban.checksum"]);
    expect(codes(judge("be", { iban: "BE6853900754703" }))).toEqual(["iban.invalid"]);
    expect(codes(judge("be", { iban: "hello" }))).toEqual(["iban.invalid"]);
  });
});

describe("address parts", () => {
  it("limits house number and box to 10 characters", () => {
    expect(judge("be", { houseNumber: "1234567890", postalBox: "bte 12" })).toEqual([]);
    expect(codes(judge("be", { houseNumber: "12345678901" }))).toEqual(["houseNumber.tooLong"]);
    expect(codes(judge("be", { postalBox: "boîte 12345" }))).toEqual(["postalBox.tooLong"]);
  });
  it("accepts numbers typed in text columns as their digits", () => {
    expect(normalized("be", "houseNumber", 12)).toBe("12");
    expect(normalized("be", "externalReference", 10042)).toBe("10042");
  });
  it("limits the external reference to 100 characters", () => {
    expect(codes(judge("be", { externalReference: "r".repeat(101) }))).toEqual([
      "externalReference.tooLong",
    ]);
  });
});

describe("postal code", () => {
  it("in Belgium is 4 digits from 1000 to 9999", () => {
    expect(judge("be", { postalCode: "9999" })).toEqual([]);
    expect(judge("be", { postalCode: 1050 })).toEqual([]);
    expect(codes(judge("be", { postalCode: "0999" }))).toEqual(["postalCode.format"]);
    expect(codes(judge("be", { postalCode: "10000" }))).toEqual(["postalCode.format"]);
    expect(codes(judge("be", { postalCode: "B-1000" }))).toEqual(["postalCode.format→1000"]);
  });
  it("is judged against the row's country", () => {
    expect(judge("be", { country: "FR", postalCode: "75001" })).toEqual([]);
    expect(codes(judge("be", { country: "FR", postalCode: 1000 }))).toEqual([
      "postalCode.format→01000",
    ]);
    expect(codes(judge("be", { country: "NL", postalCode: "1012ab" }))).toEqual([
      "postalCode.format→1012 AB",
    ]);
    expect(judge("be", { country: "CH", postalCode: "8001" })).toEqual([]);
  });
  it("uses a country that has a certain fix ('belgique' is BE)", () => {
    expect(codes(judge("be", { country: "belgique", postalCode: "999" }))).toEqual([
      "country.name→BE",
      "postalCode.format",
    ]);
  });
  it("names the country in the user's language", () => {
    const [problem] = judge("be", { postalCode: "999" });
    expect(problem?.params).toMatchObject({ countryCode: "BE", example: "1000" });
  });
});

describe("mandate", () => {
  it("accepts Oui/Non in any case", () => {
    expect(normalized("be", "mandate", "Oui")).toBe(true);
    expect(normalized("be", "mandate", "non")).toBe(false);
  });
  it("accepts the Yes/No of the header language", () => {
    expect(judge("be", { mandate: "Ja" }, { headerLang: "nl" })).toEqual([]);
    expect(judge("be", { mandate: "No" }, { headerLang: "en" })).toEqual([]);
    expect(judge("be", { mandate: "Nein" }, { headerLang: "de" })).toEqual([]);
  });
  it("accepts Oui/Non, Ja/Nee and Yes/No whatever the sheet's language (the help says so)", () => {
    for (const headerLang of ["fr", "nl", "en"] as const) {
      for (const [word, meaning] of [
        ["Ja", true],
        ["Nee", false],
        ["Yes", true],
        ["No", false],
        ["oui", true],
        ["NON", false],
      ] as const) {
        expect([headerLang, word, judge("be", { mandate: word }, { headerLang })]).toEqual([
          headerLang,
          word,
          [],
        ]);
        expect(normalized("be", "mandate", word)).toBe(meaning);
      }
    }
  });
  it("offers the header language's word for an Excel boolean or TRUE/FALSE in words", () => {
    expect(codes(judge("be", { mandate: "Vrai" }, { headerLang: "fr" }))).toEqual([
      "mandate.invalid→Oui",
    ]);
    expect(codes(judge("be", { mandate: true }, { headerLang: "nl" }))).toEqual([
      "mandate.invalid→Ja",
    ]);
    expect(codes(judge("be", { mandate: "peut-être" }))).toEqual(["mandate.invalid"]);
  });
});

describe("configuration template", () => {
  const templates = ["Standard", "Comptabilité Plus", "Peppol only"];
  it("must be the exact name of one of the partner's templates", () => {
    expect(judge("be", { configurationTemplate: "Peppol only" }, { templates })).toEqual([]);
    expect(codes(judge("be", { configurationTemplate: "Premium" }, { templates }))).toEqual([
      "configurationTemplate.unknown",
    ]);
  });
  it("offers the exact name when only case or spacing differ", () => {
    expect(
      codes(judge("be", { configurationTemplate: "comptabilité  plus" }, { templates }))
    ).toEqual(["configurationTemplate.unknown→Comptabilité Plus"]);
    expect(codes(judge("be", { configurationTemplate: "standard" }, { templates }))).toEqual([
      "configurationTemplate.unknown→Standard",
    ]);
  });
  it("is not judged while the partner's templates are unknown (offline)", () => {
    expect(judge("be", { configurationTemplate: "Premium" })).toEqual([]);
  });
});

describe("clients that already exist in the partner space", () => {
  it("are reported on the matching identifier", () => {
    const existing = new Map([["vatNumber", new Set(["BE0403019261"])]]);
    expect(codes(judge("be", {}, { existing }))).toEqual(["vatNumber.exists"]);
  });
});
