import {
  companyNameKey,
  getProfile,
  LiveSheet,
  sameCompanyName,
  Validator,
  describeProblem,
  type Cell,
  type RegistryAnswer,
} from "../../src/core";
import { VALID } from "../../testkit/judge";
import { registryAnswer } from "../support/registry";

const be = getProfile("be");
const row = (changes: Record<string, Cell> = {}) =>
  be.fields.map((field) => ({ ...VALID.be, ...changes })[field.key]);
const NUMBER = "0403019261";

const answer = (changes: Partial<RegistryAnswer> = {}): RegistryAnswer =>
  registryAnswer("BOULANGERIE DUPONT", {
    peppol: {
      checked: true,
      registered: false,
      participantId: `iso6523-actorid-upis::0208:${NUMBER}`,
      businessCardName: null,
    },
    ...changes,
  });

function sheetWith(rows: Cell[][], registry: RegistryAnswer) {
  const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), 2);
  live.update(0, rows);
  const affected = live.setRegistryAnswers([[NUMBER, registry]]);
  return { live, affected };
}
const codes = (live: LiveSheet, index = 0) => live.warningsOf(index).map((w) => w.code);

describe("company names as the registry compares them", () => {
  it.each([
    ["Boulangerie Dupont SRL", "BOULANGERIE DUPONT"],
    ["S.A. Électricité Renard", "ELECTRICITE RENARD SA"],
    ["Bakkerij Peeters bvba", "Bakkerij Peeters B.V.B.A."],
    ["Garage Maes Comm.V", "GARAGE MAES"],
    ["Immo Lambert, SRL", "immo lambert"],
    ["Zèbre SRL", "ZEBRE"],
  ])("“%s” is “%s”", (sheet, registry) => {
    expect(sameCompanyName(sheet, registry)).toBe(true);
  });

  it.each([
    ["Boulangerie Dupont", "Boulangerie Dumont"],
    ["Garage Maes", "Garage Maes Frères"],
    ["SA", "NV"],
  ])("“%s” is not “%s”", (sheet, registry) => {
    expect(sameCompanyName(sheet, registry)).toBe(false);
  });

  it("keeps a name that is only a legal form", () => {
    expect(companyNameKey("SRL")).toBe("srl");
  });
});

describe("what a registry answer says about a row", () => {
  it("says nothing of a row that matches the registry", () => {
    const { live, affected } = sheetWith([row({ mandate: "Non" })], answer());
    expect(affected).toEqual([0]);
    expect(live.warningsOf(0)).toEqual([]);
  });

  it("offers the registry's name when the sheet's differs beyond its legal form", () => {
    const { live } = sheetWith(
      [row({ companyName: "Boulangerie Dumont SRL", mandate: "Non" })],
      answer()
    );
    expect(live.warningsOf(0)).toEqual([
      expect.objectContaining({
        field: "companyName",
        code: "companyName.registryName",
        params: { value: "Boulangerie Dumont SRL", suggestion: "BOULANGERIE DUPONT" },
        fix: null,
      }),
    ]);
    expect(live.warningGroups()).toEqual([
      { field: "companyName", code: "companyName.registryName", rows: [0], fixable: 0 },
    ]);
    // A warning: the row stays valid and sendable.
    expect(live.summary()).toEqual({ rows: 1, valid: 1, invalid: 0 });
  });

  it("fills the address only when all its cells are empty, never mixing two addresses", () => {
    const empty = {
      street: "",
      houseNumber: "",
      postalBox: "",
      postalCode: "",
      city: "",
      mandate: "Non",
    };
    const { live } = sheetWith(
      [
        row(empty),
        row({
          ...empty,
          street: "Chaussée de Gand",
          enterpriseNumber: "",
          vatNumber: `BE${NUMBER}`,
        }),
      ],
      answer()
    );
    expect(live.warningsOf(0).map((w) => [w.field, w.params?.suggestion])).toEqual([
      ["street", "Rue Haute"],
      ["houseNumber", "12"],
      ["postalCode", "1000"],
      ["city", "Bruxelles"],
    ]);
    // Row 2 is the same company by its VAT number (a duplicate), with a street of its own.
    expect(codes(live, 1)).toEqual([]);
  });

  it("fills an empty name, which the row needs", () => {
    const { live } = sheetWith([row({ companyName: "", mandate: "Non" })], answer());
    expect(live.warningsOf(0)).toEqual([
      expect.objectContaining({
        code: "companyName.registryFill",
        params: { suggestion: "BOULANGERIE DUPONT" },
      }),
    ]);
    expect(live.problemsOf(0).map((p) => p.code)).toEqual(["companyName.required"]);
  });

  it("says a number is unknown or inactive on the column it was read from", () => {
    expect(
      codes(
        sheetWith(
          [row({ mandate: "Non" })],
          answer({ known: false, active: false, name: null, address: null })
        ).live
      )
    ).toEqual(["enterpriseNumber.registryUnknown"]);
    const byVat = sheetWith(
      [row({ enterpriseNumber: "", mandate: "Non" })],
      answer({ active: false })
    );
    expect(codes(byVat.live)).toEqual(["vatNumber.registryInactive"]);
  });

  it("says a mandate Yes meets a company already on Peppol, with its card's name", () => {
    const peppol = {
      checked: true,
      registered: true,
      participantId: `iso6523-actorid-upis::0208:${NUMBER}`,
      businessCardName: "Dupont & Co",
    };
    const yes = sheetWith([row({ mandate: "Oui" })], answer({ peppol })).live;
    const [warning] = yes.warningsOf(0);
    expect(warning).toMatchObject({ field: "mandate", code: "mandate.registryPeppol" });
    expect(describeProblem(warning!, "fr", be)).toContain("« Dupont & Co »");
    expect(codes(sheetWith([row({ mandate: "Non" })], answer({ peppol })).live)).toEqual([]);
  });

  it("goes by the Peppol lookup when there is one: receives invoices, registered for other documents, or not on Peppol", () => {
    const base = {
      checked: true,
      registered: false,
      participantId: `iso6523-actorid-upis::0208:${NUMBER}`,
      businessCardName: null,
    };
    const mandateFinding = (peppol: object) =>
      codes(sheetWith([row({ mandate: "Oui" })], answer({ peppol: { ...base, ...peppol } })).live);
    // Reachable without a Directory card: the mandate would register it a second time.
    expect(mandateFinding({ reachable: true, inSmp: true })).toEqual(["mandate.registryPeppol"]);
    expect(mandateFinding({ reachable: false, inSmp: true })).toEqual([
      "mandate.registryPeppolOther",
    ]);
    // A Directory card, but the lookup finds no service group: free to register.
    expect(mandateFinding({ registered: true, reachable: false, inSmp: false })).toEqual([]);
    // No lookup (an answer remembered from before it): the card is the sign, as before.
    expect(mandateFinding({ registered: true, reachable: null })).toEqual([
      "mandate.registryPeppol",
    ]);
  });

  it("calls a number the registry could not be asked about unchecked, never invalid", () => {
    const { live } = sheetWith(
      [row({ companyName: "Autre Nom", mandate: "Oui" })],
      answer({
        checked: false,
        fault: "MS_UNAVAILABLE",
        known: false,
        active: false,
        name: null,
        address: null,
        peppol: null,
      })
    );
    expect(live.warningsOf(0)).toEqual([
      expect.objectContaining({
        code: "enterpriseNumber.registryUnchecked",
        params: { value: NUMBER, fault: "MS_UNAVAILABLE" },
      }),
    ]);
    expect(live.summary().valid).toBe(1);
  });

  it("follows edits: a row whose name is corrected loses its finding", () => {
    const { live } = sheetWith([row({ companyName: "Autre Nom", mandate: "Non" })], answer());
    expect(codes(live)).toEqual(["companyName.registryName"]);
    live.update(0, [row({ companyName: "Boulangerie Dupont SPRL", mandate: "Non" })]);
    expect(codes(live)).toEqual([]);
    expect(live.warningGroups()).toEqual([]);
  });

  it("has no registry for Morocco: its rows have no registry number", () => {
    const ma = getProfile("ma");
    expect(ma.registry).toBeNull();
    const live = new LiveSheet(new Validator(ma, { headerLang: "fr" }), 2);
    live.update(0, [ma.fields.map((field) => VALID.ma[field.key])]);
    expect(live.registryKey(0)).toBeUndefined();
  });
});
