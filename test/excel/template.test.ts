import { fieldHeader, getProfile, dropDownValues } from "../../src/core";
import {
  CHECKS_SHEET,
  columnLetters,
  insertTemplate,
  LISTS_SHEET,
  readWorkbookMemory,
  TABLE_NAME,
} from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";

const be = getProfile("be");
const column = (key: string) => columnLetters(be.fields.findIndex((field) => field.key === key));

describe("inserting the template", () => {
  it("makes a table with the headers in the user's language, required ones marked, in two syncs", async () => {
    const excel = new FakeExcel();
    const outcome = await insertTemplate(runOf(excel), be, "fr");
    expect(outcome).toMatchObject({ kind: "inserted", sheet: "Clients Banqup" });
    expect(excel.counters.syncs).toBeLessThanOrEqual(2);
    const table = excel.table(TABLE_NAME);
    expect(table?.address).toBe("'Clients Banqup'!A1:R2");
    const headers = excel.values("Clients Banqup", "A1:Q1")[0];
    expect(headers?.[0]).toBe("Raison sociale *");
    expect(headers?.[6]).toBe("Numéro d'entreprise");
    expect(headers).toEqual(
      be.fields.map((field) => `${fieldHeader(field, "fr")}${field.required ? " *" : ""}`)
    );
    expect(excel.values("Clients Banqup", "R1")).toEqual([["Statut Banqup"]]);
    expect(excel.sheet("Clients Banqup").frozenRows).toBe(1);
  });

  it("follows the user's language", async () => {
    const excel = new FakeExcel();
    const outcome = await insertTemplate(runOf(excel), be, "nl");
    expect(outcome.sheet).toBe("Banqup-klanten");
    expect(excel.values(outcome.sheet, "A1")[0]?.[0]).toBe(`${fieldHeader(be.fields[0]!, "nl")} *`);
  });

  it("formats identifier columns as text, so a typed enterprise number keeps its leading zero", async () => {
    const excel = new FakeExcel();
    const { sheet } = await insertTemplate(runOf(excel), be, "fr");
    const enterprise = column("enterpriseNumber");
    const city = column("city");
    await excel.user.type(sheet, `${enterprise}5000`, [["0403019261"]]);
    await excel.user.type(sheet, `${city}5000`, [["0403"]]);
    expect(excel.cell(sheet, `${enterprise}5000`)).toMatchObject({
      value: "0403019261",
      numberFormat: "@",
    });
    // Not an identifier column: Excel turns the text into a number, as it would for a user.
    expect(excel.cell(sheet, `${city}5000`).value).toBe(403);
  });

  it("gives each column a sensible width", async () => {
    const excel = new FakeExcel();
    const { sheet } = await insertTemplate(runOf(excel), be, "fr");
    const widths = excel.sheet(sheet).columnWidths;
    be.fields.forEach((field, i) => expect(widths.get(i)).toBeGreaterThan(field.width * 4));
  });

  it("offers drop-downs read from a very hidden list sheet, and never blocks a typed value", async () => {
    const excel = new FakeExcel();
    const { sheet } = await insertTemplate(runOf(excel), be, "fr");
    expect(excel.sheet(LISTS_SHEET).visibility).toBe("VeryHidden");
    for (const key of ["country", "contactLocale", "mandate"]) {
      const field = be.fields.find((candidate) => candidate.key === key)!;
      const validation = excel.dataValidationAt(sheet, `${column(key)}300`);
      const source = (validation?.rule as { list: { source: string } }).list.source;
      const listed = excel.values(
        LISTS_SHEET,
        source.slice(1).replace(/^.*!/, "").replace(/\$/g, "")
      );
      expect(listed.map((line) => line[0])).toEqual([...dropDownValues(field, "fr")]);
      expect(validation?.errorAlert?.showAlert).toBe(false);
    }
    const countries = excel.dataValidationAt(sheet, `${column("country")}2`)?.rule as {
      list: { source: string };
    };
    expect(countries.list.source).toMatch(/^=BanqupLists!\$A\$2:\$A\$\d+$/);
    expect(excel.values(LISTS_SHEET, "A2:A300").flat()).toContain("BE");
  });

  it("puts an input message on every column stating its rule, within Excel's limits", async () => {
    const excel = new FakeExcel();
    const { sheet } = await insertTemplate(runOf(excel), be, "en");
    be.fields.forEach((field, i) => {
      const prompt = excel.dataValidationAt(sheet, `${columnLetters(i)}2`)?.prompt;
      expect(prompt?.showPrompt).toBe(true);
      expect(prompt!.title!.length).toBeLessThanOrEqual(32);
      expect(fieldHeader(field, "en").startsWith(prompt!.title!.replace(/…$/, ""))).toBe(true);
      expect(field.help.en.startsWith(prompt!.message!.replace(/…$/, ""))).toBe(true);
    });
  });

  it("sets up the highlighter: a very hidden checks sheet and one rule on the data columns", async () => {
    const excel = new FakeExcel();
    const { sheet } = await insertTemplate(runOf(excel), be, "fr");
    expect(excel.sheet(CHECKS_SHEET).visibility).toBe("VeryHidden");
    const rules = excel.sheet(sheet).conditionalFormats;
    expect(rules).toHaveLength(1);
    expect(rules[0]!.areas).toEqual([
      { top: 1, left: 0, right: be.fields.length, bottom: 1_048_575 },
    ]);
    expect(rules[0]!.formula).toContain("BanqupChecks!");
  });

  it("remembers the area in the workbook", async () => {
    const excel = new FakeExcel();
    await insertTemplate(runOf(excel), be, "fr");
    const memory = await readWorkbookMemory(runOf(excel));
    expect(memory.area).toEqual({ kind: "table", table: TABLE_NAME });
  });

  it("inserting twice destroys nothing: it reports the existing template instead", async () => {
    const excel = new FakeExcel();
    const first = await insertTemplate(runOf(excel), be, "fr");
    await excel.user.type(first.sheet, "A2", [["Boulangerie Dupont"]]);
    const second = await insertTemplate(runOf(excel), be, "en");
    expect(second).toEqual({ kind: "exists", sheet: first.sheet, spec: first.spec });
    expect(excel.values(first.sheet, "A1:A2")).toEqual([
      ["Raison sociale *"],
      ["Boulangerie Dupont"],
    ]);
    expect(excel.hasSheet("Banqup clients")).toBe(false);
  });

  it("picks a free sheet name when the title is taken", async () => {
    const excel = new FakeExcel("Clients Banqup");
    const outcome = await insertTemplate(runOf(excel), be, "fr");
    expect(outcome.sheet).toBe("Clients Banqup (2)");
  });
});
