import {
  codes,
  warningCodes,
  judge,
  normalized,
  requiredKeys,
  withoutOptionalColumns,
} from "../../testkit/judge";
import { bigMod97, iceFrom, moroccanIban, ribFrom } from "../../testkit/oracles";
import { describeProblem, getProfile } from "../../src/core";

describe("Morocco: a complete valid row", () => {
  it("has no problems", () => {
    expect(judge("ma", {})).toEqual([]);
  });
  it.each(requiredKeys("ma"))("%s is required", (key) => {
    expect(codes(judge("ma", { [key]: "" }))).toEqual([`${key}.required`]);
  });
  it("needs nothing else", () => {
    expect(judge("ma", withoutOptionalColumns("ma"))).toEqual([]);
  });
  it("limits the name to 255 characters", () => {
    expect(codes(judge("ma", { companyName: "n".repeat(256) }))).toEqual(["companyName.tooLong"]);
  });
});

describe("country: a code or a full name in any language and script", () => {
  it.each([
    ["MA", "MA"],
    ["ma", "MA"],
    ["Maroc", "MA"],
    ["Morocco", "MA"],
    ["المغرب", "MA"],
    ["ⵍⵎⵖⵔⵉⴱ", "MA"],
    ["Belgique", "BE"],
    ["België", "BE"],
    ["FRANCE", "FR"],
    ["Espagne", "ES"],
  ])("%s is %s", (input, code) => {
    expect(normalized("ma", "country", input)).toBe(code);
  });
  it("refuses ambiguous and unknown names without a guess", () => {
    expect(
      codes(judge("ma", { country: "Kongo", postalCode: "" }).filter((p) => p.field === "country"))
    ).toEqual(["country.ambiguous"]);
    expect(codes(judge("ma", { country: "Narnia" }))).toEqual(["country.unknownName"]);
  });
  it.each([
    ["المملكة المغربية", "MA"],
    ["Royaume du Maroc", "MA"],
    ["Kingdom of Morocco", "MA"],
    ["royaume de belgique", "BE"],
    ["Koninkrijk België", "BE"],
    ["République française", "FR"],
  ])("the official long name %s is %s", (input, code) => {
    expect(normalized("ma", "country", input)).toBe(code);
  });
  it("says names are welcome where they are, with Morocco as the example, never Belgium", () => {
    const [problem] = judge("ma", { country: "Narnia" });
    const text = describeProblem(problem!, "fr", getProfile("ma"));
    expect(text).toBe(
      "« Narnia » n'est pas un pays connu : indiquez son nom ou son code à deux lettres, par exemple Maroc ou MA."
    );
    expect(text).not.toMatch(/BE|Belgique|deux lettres, par exemple BE/);
  });
});

describe("words of the Moroccan sheet", () => {
  it("gives a Moroccan example address, not a Belgian one", () => {
    const [problem] = judge("ma", { contactEmail: "karima.gmail.com" });
    expect(describeProblem(problem!, "fr", getProfile("ma"))).toMatch(/nom@entreprise\.ma\.$/);
  });
  it("says 7 or 8 digits in words", () => {
    const [problem] = judge("ma", { taxId: "12345" });
    expect(describeProblem(problem!, "fr", getProfile("ma"))).toBe(
      "Écrivez 7 ou 8 chiffres, sans espaces ni points."
    );
    expect(describeProblem(problem!, "nl", getProfile("ma"))).toMatch(/^Schrijf 7 of 8 cijfers/);
  });
});

describe("postal code", () => {
  it("in Morocco is 5 digits", () => {
    expect(judge("ma", { postalCode: 20250 })).toEqual([]);
    expect(codes(judge("ma", { postalCode: "2025" }))).toEqual(["postalCode.format"]);
    expect(codes(judge("ma", { postalCode: "20 250" }))).toEqual(["postalCode.format→20250"]);
  });
  it("follows the country written as a name", () => {
    expect(judge("ma", { country: "Belgique", postalCode: "1000" })).toEqual([]);
    expect(codes(judge("ma", { country: "Belgique", postalCode: "20250" }))).toEqual([
      "postalCode.format",
    ]);
  });
});

describe("ICE: 15 digits divisible by 97", () => {
  const ice = iceFrom("0027364510000");
  it("accepts a valid ICE", () => {
    expect(bigMod97(ice)).toBe(0);
    expect(judge("ma", { ice })).toEqual([]);
  });
  it("refuses a wrong check and a wrong length", () => {
    const wrong = ice.slice(0, 14) + String((Number(ice[14]) + 1) % 10);
    expect(codes(judge("ma", { ice: wrong }))).toEqual(["ice.checksum"]);
    expect(codes(judge("ma", { ice: ice.slice(1) }))).toEqual(["ice.format"]);
    expect(codes(judge("ma", { ice: "ICE" + ice.slice(3) }))).toEqual(["ice.format"]);
  });
  it("restores leading zeros lost in a number cell and removes separators", () => {
    expect(codes(judge("ma", { ice: Number(ice) }))).toEqual([`ice.leadingZero→${ice}`]);
    const spaced = `${ice.slice(0, 5)} ${ice.slice(5, 10)} ${ice.slice(10)}`;
    expect(codes(judge("ma", { ice: spaced }))).toEqual([`ice.format→${ice}`]);
  });
  it("is unique within the sheet", () => {
    expect(normalized("ma", "ice", ice)).toBe(ice);
  });
});

describe("IF: 7 or 8 digits", () => {
  it.each(["1234567", "12345678", 1234567])("accepts %s", (taxId) => {
    expect(judge("ma", { taxId })).toEqual([]);
  });
  it.each(["123456", "123456789", "12A4567"])("refuses %s", (taxId) => {
    expect(codes(judge("ma", { taxId }))).toEqual(["taxId.format"]);
  });
  it("removes spaces", () => {
    expect(codes(judge("ma", { taxId: "1234 567" }))).toEqual(["taxId.format→1234567"]);
  });
});

describe("IBAN: MA64 + a RIB divisible by 97", () => {
  const rib = ribFrom("0077800012345678901234");
  it("accepts a Moroccan IBAN whose RIB key holds (and it starts MA64)", () => {
    const iban = moroccanIban(rib);
    expect(iban.startsWith("MA64")).toBe(true);
    expect(judge("ma", { iban })).toEqual([]);
  });
  it("refuses a RIB whose key is wrong even when the IBAN's own check holds", () => {
    const badRib = rib.slice(0, 22) + String((Number(rib.slice(22)) + 1) % 100).padStart(2, "0");
    const iban = moroccanIban(badRib);
    expect(iban.startsWith("MA64")).toBe(false);
    expect(codes(judge("ma", { iban }))).toEqual(["iban.rib"]);
  });
  it("refuses a wrong IBAN check, and accepts other countries' valid IBANs", () => {
    expect(codes(judge("ma", { iban: "MA65" + rib }))).toEqual(["iban.checksum"]);
    expect(judge("ma", { iban: "BE68539007547034" })).toEqual([]);
  });
  it("offers MA + check digits + RIB for a 24-digit RIB written alone, as the column's help says", () => {
    expect(codes(judge("ma", { iban: rib }))).toEqual([
      `iban.nationalAccount→${moroccanIban(rib)}`,
    ]);
    const spaced = rib.replace(/(\d{3})(\d{3})(\d{16})(\d{2})/, "$1 $2 $3 $4");
    expect(codes(judge("ma", { iban: spaced }))).toEqual([
      `iban.nationalAccount→${moroccanIban(rib)}`,
    ]);
  });
  it("offers nothing for a RIB whose key is wrong: which digit is wrong is not known", () => {
    const badRib = rib.slice(0, 22) + String((Number(rib.slice(22)) + 1) % 100).padStart(2, "0");
    expect(codes(judge("ma", { iban: badRib }))).toEqual(["iban.invalid"]);
  });
  it("says what Excel did to a RIB it stored as a number (1.178E+22)", () => {
    const [problem] = judge("ma", { iban: Number(rib) });
    expect(problem?.code).toBe("iban.numberLostDigits");
    expect(problem?.fix).toBeNull();
    expect(describeProblem(problem!, "fr", getProfile("ma"))).toMatch(
      /n'en a gardé que les 15 premiers chiffres/
    );
  });
  it("stores it without spaces", () => {
    const iban = moroccanIban(rib);
    const spaced = iban
      .match(/.{1,4}/g)!
      .join(" ")
      .toLowerCase();
    expect(codes(judge("ma", { iban: spaced }))).toEqual([`iban.format→${iban}`]);
  });
});

describe("languages: codes, names, and the French abbreviations", () => {
  it.each([
    ["FR", "fr"],
    ["fr", "fr"],
    ["Français", "fr"],
    ["French", "fr"],
    ["Fr", "fr"],
    ["An", "en"],
    ["EN", "en"],
    ["en", "en"],
    ["Anglais", "en"],
    ["English", "en"],
    ["العربية", "ar"],
    ["Ar", "ar"],
    ["Arabe", "ar"],
    ["Nl", "nl"],
    ["Néerlandais", "nl"],
    ["All", "de"],
    ["Allemand", "de"],
    ["Español", "es"],
  ])("%s is %s", (input, code) => {
    expect(normalized("ma", "companyLanguage", input)).toBe(code);
    expect(normalized("ma", "contactLanguage", input)).toBe(code);
  });
  it("'An' is English, not Aragonese (the abbreviation table comes first)", () => {
    expect(normalized("ma", "companyLanguage", "AN")).toBe("en");
  });
  it.each(["عربي", "عربى", "عربية", "العربيه"])("%s (Arabic, as people type it) is ar", (input) => {
    expect(normalized("ma", "contactLanguage", input)).toBe("ar");
  });
  it("offers the code where a name or an abbreviation was written, the row staying valid", () => {
    expect(judge("ma", { companyLanguage: "Français", contactLanguage: "AN" })).toEqual([]);
    expect(warningCodes("ma", { companyLanguage: "Français", contactLanguage: "AN" })).toEqual([
      "companyLanguage.spelling→fr",
      "contactLanguage.spelling→en",
    ]);
    expect(warningCodes("ma", { companyLanguage: "fr", contactLanguage: "ar" })).toEqual([]);
  });
  it("refuses what is no language", () => {
    expect(codes(judge("ma", { companyLanguage: "Klingon" }))).toEqual(["companyLanguage.invalid"]);
    expect(codes(judge("ma", { contactLanguage: "xx" }))).toEqual(["contactLanguage.invalid"]);
  });
});
