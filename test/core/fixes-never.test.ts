import { codes, judge } from "../../testkit/judge";

/**
 * A fix is offered only when exactly one value is certainly meant (docs/rules.md, Fixes). For each rule
 * that offers fixes, what it must not fix: values that look fixable but are not certain.
 */
describe("fixes that must not be offered", () => {
  it.each([
    // A Moroccan code never starts with 0: 2000 typed as a number is no 02000.
    ["ma", { postalCode: 2000 }, "postalCode.format"],
    ["ma", { postalCode: "2000" }, "postalCode.format"],
    ["ma", { postalCode: 999 }, "postalCode.format"],
    // Belgian codes start at 1000: 999 is not 0999.
    ["be", { postalCode: 999 }, "postalCode.format"],
    // Luxembourg codes start at 1009; German ones never start with 00.
    ["be", { country: "LU", postalCode: 999 }, "postalCode.format"],
    ["be", { country: "DE", postalCode: 999 }, "postalCode.format"],
    // Two addresses, or none: which one is meant is not certain.
    ["be", { contactEmail: "jan@acme.be; piet@acme.be" }, "contactEmail.invalid"],
    ["be", { contactEmail: "Jan <jan@acme> " }, "contactEmail.invalid"],
    // A wrong check stays wrong whatever the separators.
    ["be", { enterpriseNumber: "0123.456.748", vatNumber: "" }, "enterpriseNumber.checksum"],
    ["be", { vatNumber: "BE 0403 019 262", enterpriseNumber: "" }, "vatNumber.checksum"],
    // A name of several countries.
    ["be", { country: "Kongo", postalCode: "" }, "country.ambiguous"],
    // A language outside the profile's.
    ["be", { contactLocale: "es_ES" }, "contactLocale.language"],
    // An IBAN with a typing error: the right one is unknown.
    ["be", { iban: "be68 5390 0754 7035" }, "iban.checksum"],
  ] as const)("%s %j: %s, no fix", (profile, cells, code) => {
    expect(codes(judge(profile, cells))).toEqual([code]);
  });

  it("still pads where the padded code is real (France 01000, Germany 01067)", () => {
    expect(codes(judge("be", { country: "FR", postalCode: 1000 }))).toEqual([
      "postalCode.format→01000",
    ]);
    expect(codes(judge("be", { country: "DE", postalCode: 1067 }))).toEqual([
      "postalCode.format→01067",
    ]);
  });
});
