/**
 * Real Excel under real hands : what accountants do to a sheet while the add-in
 * watches it, each against the fake taught how Excel really behaves (fake-real-excel.test.ts).
 */
import { getProfile, Validator, type Cell } from "../../src/core";
import {
  CHECKS_SHEET,
  columnLetters,
  HIGHLIGHT,
  readSheetSendState,
  TABLE_NAME,
  LEDGER_SHEET,
} from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import {
  openSheetArea,
  settled,
  templateWorkbook,
  uniqueValidRow,
  type TemplateWorkbook,
} from "./helpers";

const be = getProfile("be");
const ma = getProfile("ma");
const KEYS = be.fields.map((field) => field.key);
const LAST = columnLetters(KEYS.length - 1);

/** The cells the core finds invalid in the table now (judged in bulk, apart from the session). */
function expectedHighlights(book: TemplateWorkbook): string[] {
  const table = book.excel.table(TABLE_NAME)!;
  const bottom = table.rect.bottom - (table.showTotals ? 1 : 0);
  const rows = book.excel.values(book.sheet, `A2:${LAST}${bottom + 1}`);
  const validator = new Validator(be, { headerLang: "fr" });
  const result = validator.validateRows(rows.map((cells, i) => ({ row: i + 2, cells })));
  return [
    ...new Set(result.problems.map((p) => `${columnLetters(KEYS.indexOf(p.field))}${p.row}`)),
  ].sort();
}

function highlighted(book: TemplateWorkbook): string[] {
  return book.excel.highlightedCells(book.sheet, `A1:${LAST}2000`).sort();
}

function rulesNamingChecks(excel: FakeExcel, sheet: string) {
  return excel
    .sheet(sheet)
    .conditionalFormats.filter((rule) => rule.formula?.includes(CHECKS_SHEET));
}

async function threeRows(book: TemplateWorkbook) {
  await book.excel.user.type(book.sheet, "A2", [
    uniqueValidRow(book, 1, { companyName: "Brasserie C", postalCode: "12" }),
    uniqueValidRow(book, 2, { companyName: "Atelier A" }),
    uniqueValidRow(book, 3, { companyName: "Boucherie B", contactEmail: "a@b.c" }),
  ]);
  await settled(book);
}

describe("sorting (item 2): Excel raises onRowSorted only", () => {
  it("the verdicts and highlights follow the rows to their new places", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    expect(highlighted(book)).toEqual(
      [book.at(0, "postalCode"), book.at(2, "contactEmail")].sort()
    );
    await book.excel.user.sort(book.sheet, `A2:${LAST}4`, 0);
    await settled(book);
    // Atelier A, Boucherie B, Brasserie C.
    expect(book.session.problemsOf(1).map((p) => p.field)).toEqual(["contactEmail"]);
    expect(book.session.problemsOf(2).map((p) => p.field)).toEqual(["postalCode"]);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
    expect(highlighted(book)).toEqual(
      [book.at(1, "contactEmail"), book.at(2, "postalCode")].sort()
    );
  });

  it("a fix computed before a sort lands on the row it was computed for", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    const row = book.session.snapshot(0)!;
    await book.excel.user.sort(book.sheet, `A2:${LAST}4`, 0);
    // The pane's click comes before the sort was looked at.
    const [outcome] = await book.session.write([{ row, field: "postalCode", value: "1000" }]);
    expect(outcome).toMatchObject({ written: true, index: 2, moved: true });
    expect(book.excel.values(book.sheet, book.at(2, "postalCode"))).toEqual([["1000"]]);
    expect(book.excel.values(book.sheet, book.at(0, "postalCode"))).toEqual([["1000"]]);
    expect(book.excel.values(book.sheet, book.at(0, "companyName"))).toEqual([["Atelier A"]]);
    await settled(book);
    expect(highlighted(book)).toEqual([book.at(1, "contactEmail")]);
  });

  it("a template for rows that were deleted meanwhile is written nowhere, and the pane is told", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    const rows = [0, 1].map((index) => book.session.snapshot(index)!);
    await book.excel.user.deleteRows(book.sheet, 2);
    const outcomes = await book.session.write(
      rows.map((row) => ({ row, field: "configurationTemplate", value: "Standard" }))
    );
    expect(outcomes).toEqual([
      { written: false, reason: "gone" },
      { written: true, index: 0, moved: true, edited: false },
    ]);
    const column = columnLetters(KEYS.indexOf("configurationTemplate"));
    expect(book.excel.values(book.sheet, `${column}2:${column}3`)).toEqual([["Standard"], [""]]);
  });
});

describe("writes on their way while rows move (item 1)", () => {
  it("a status lands on its own row; the row it first reached gets back what it held", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    await book.excel.user.type(book.sheet, "A5", [uniqueValidRow(book, 4)]);
    const status = columnLetters(KEYS.length);
    await book.excel.user.type(book.sheet, `${status}2`, [
      ["kept 1"],
      ["kept 2"],
      ["kept 3"],
      ["kept 4"],
    ]);
    await settled(book);
    const row = book.session.snapshot(2)!;
    // Row 3 is deleted after the add-in sent its write and before Excel runs it.
    book.excel.whileNextSyncTravels(() => void book.excel.user.deleteRows(book.sheet, 3));
    const [outcome] = await book.session.writeRows([{ row, status: { text: "written" } }]);
    await settled(book);
    expect(outcome).toMatchObject({ written: true, index: 1 });
    expect(book.excel.values(book.sheet, `A2:A4`)).toEqual([
      ["Brasserie C"],
      ["Boucherie B"],
      ["Client 4"],
    ]);
    expect(book.excel.values(book.sheet, `${status}2:${status}4`)).toEqual([
      ["kept 1"],
      ["written"],
      ["kept 4"],
    ]);
  });
});

describe("columns inserted or deleted (item 3)", () => {
  async function mappedSheet(excel: FakeExcel) {
    const v = VALID.ma;
    await excel.user.type("Sheet1", "A1", [
      ["Portefeuille"],
      [""],
      ["Email du contact", "Nom client", "Ville", "Pays", "Code postal"],
      [v.contactEmail, v.companyName, v.city, "Maroc", v.postalCode],
      ["y.alami@atlas", "Atlas 2", "Rabat", "MA", "10000"],
    ]);
    return openSheetArea(excel);
  }

  it("on a user's own sheet, the header row stays where it is and the columns follow their headers", async () => {
    const excel = new FakeExcel();
    const { session } = await mappedSheet(excel);
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual(["A5"]);
    await excel.user.insertColumns("Sheet1", "A:A");
    await excel.settle();
    await session.idle();
    expect(session.areaSpec).toMatchObject({ kind: "sheet", headerRow: 2 });
    expect(excel.settings()["banqup.area"]).toMatchObject({ headerRow: 2 });
    expect(session.summary()).toEqual({ rows: 2, valid: 1, invalid: 1 });
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual(["B5"]);
    expect(rulesNamingChecks(excel, "Sheet1")).toHaveLength(1);
    await excel.user.deleteColumns("Sheet1", "A:B");
    await excel.settle();
    await session.idle();
    // The e-mail column went with column B: the sheet has no e-mail column any more.
    expect(session.areaSpec).toMatchObject({ headerRow: 2 });
    expect(session.problem).toBeUndefined();
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual([]);
  });

  it("a column inserted into the template's table: one highlight rule, over the new width", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    await book.excel.user.insertColumns(book.sheet, "C:C");
    await settled(book);
    const rules = rulesNamingChecks(book.excel, book.sheet);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.areas).toEqual([
      { top: 1, left: 0, bottom: 1_048_575, right: KEYS.length + 1 },
    ]);
    // The e-mail column moved right by one; its bad cell is still the one highlighted.
    const email = columnLetters(KEYS.indexOf("contactEmail") + 1);
    expect(book.excel.highlightedCells(book.sheet, "A1:T10")).toContain(`${email}4`);
    expect(book.session.summary()).toEqual({ rows: 3, valid: 1, invalid: 2 });
  });
});

describe("a paste that brings formats (item 4)", () => {
  it("heals: pasted invalid cells are highlighted, text format and drop-downs come back", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    const enterprise = columnLetters(KEYS.indexOf("enterpriseNumber"));
    const mandate = columnLetters(KEYS.indexOf("mandate"));
    // A Ctrl+V of two rows copied from another workbook, General-formatted, no drop-downs.
    const pasted = [
      uniqueValidRow(book, 7, { enterpriseNumber: 403019261 as unknown as string, country: "XX" }),
      uniqueValidRow(book, 8, { mandate: "peut-être" }),
    ] as Cell[][];
    await book.excel.user.paste(book.sheet, "A5", pasted as never);
    await settled(book);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
    expect(highlighted(book)).toEqual(
      expect.arrayContaining([`${enterprise}5`, book.at(3, "country"), `${mandate}6`])
    );
    expect(book.excel.highlightAt(book.sheet, `${enterprise}5`)).toBe(HIGHLIGHT.fill);
    expect(book.excel.cell(book.sheet, `${enterprise}5`).numberFormat).toBe("@");
    expect(book.excel.dataValidationAt(book.sheet, `${mandate}6`)?.rule).toBeDefined();
    expect(book.excel.dataValidationAt(book.sheet, `${mandate}6`)?.prompt).toBeDefined();
    expect(rulesNamingChecks(book.excel, book.sheet)).toHaveLength(1);
    // A paste of values (typing) afterwards writes no rule or format again.
    book.excel.resetCounters();
    await book.excel.user.type(book.sheet, book.at(0, "city"), [["Liège"]]);
    await settled(book);
    expect(book.excel.counters.rangeWrites).toBe(0);
  });

  it("heals too when Excel refuses the first write for its size (the rule is read with it)", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    // Two invalid rows too far apart to share a block of keys: the refused write can be halved.
    const pasted = Array.from({ length: 100 }, (_, i) =>
      uniqueValidRow(book, 10 + i, i === 0 || i === 99 ? { country: "XX" } : {})
    ) as Cell[][];
    // The paste's read goes through; the write after it is refused once.
    book.excel.whileNextSyncTravels(() =>
      book.excel.whileNextSyncTravels(() =>
        book.excel.failNextSyncs("RequestPayloadSizeLimitExceeded")
      )
    );
    await book.excel.user.paste(book.sheet, "A5", pasted as never);
    await settled(book);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
    expect(highlighted(book)).toEqual(
      expect.arrayContaining([book.at(3, "country"), book.at(102, "country")])
    );
    expect(rulesNamingChecks(book.excel, book.sheet)).toHaveLength(1);
  });
});

describe("undo (item 5): an edit that changes no verdict writes nothing", () => {
  for (const version of ["1.19", "1.20"]) {
    it(`Ctrl+Z still undoes the user's own edit (ExcelApi ${version})`, async () => {
      const book = await templateWorkbook();
      book.excel.useApiVersion(version);
      await threeRows(book);
      const city = book.at(1, "city");
      const before = book.excel.values(book.sheet, city);
      book.excel.resetCounters();
      await book.excel.user.type(book.sheet, city, [["Namur"]]);
      await settled(book);
      expect(book.excel.counters.rangeWrites).toBe(0);
      expect(await book.excel.user.undo()).toBe("type");
      expect(book.excel.values(book.sheet, city)).toEqual(before);
    });
  }

  it("from ExcelApi 1.20 a fix is one undo step, its highlight included", async () => {
    const book = await templateWorkbook();
    book.excel.useApiVersion("1.20");
    await threeRows(book);
    const postal = book.at(0, "postalCode");
    await book.session.write([
      { row: book.session.snapshot(0)!, field: "postalCode", value: "1000" },
    ]);
    expect(highlighted(book)).not.toContain(postal);
    expect(await book.excel.user.undo()).toBe("add-in");
    expect(book.excel.values(book.sheet, postal)).toEqual([["12"]]);
    expect(highlighted(book)).toContain(postal);
  });
});

describe("a cell being edited (item 6)", () => {
  it("the round waits for the edit to end instead of failing, and no error stays", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [uniqueValidRow(book, 1, { country: "XX" })]);
    // The user is already typing in another cell when the add-in's batch reaches Excel.
    book.excel.user.startEditing();
    await book.excel.settle();
    expect(book.session.problem).toBeUndefined();
    book.excel.user.stopEditing();
    await settled(book);
    expect(book.session.problem).toBeUndefined();
    expect(highlighted(book)).toEqual([book.at(0, "country")]);
  });

  it("a round Excel refused is tried again, and the problem clears after a good round", async () => {
    const book = await templateWorkbook();
    book.excel.failNextSyncs("GeneralException");
    await book.excel.user.type(book.sheet, "A2", [uniqueValidRow(book, 1, { country: "XX" })]);
    await settled(book);
    expect(book.session.problem).toMatchObject({ kind: "excel", code: "GeneralException" });
    // The next change carries the one that failed.
    await book.excel.user.type(book.sheet, "A3", [uniqueValidRow(book, 2)]);
    await settled(book);
    expect(book.session.problem).toBeUndefined();
    expect(highlighted(book)).toEqual([book.at(0, "country")]);
  });
});

describe("Excel's locale (item 7): keys that compare the same everywhere", () => {
  it("numbers, booleans and long numbers typed in French Excel are highlighted", async () => {
    const book = await templateWorkbook();
    book.excel.state.locale = "fr-BE";
    // Columns in the General format: Excel reads "1,5" as a number and VRAI as TRUE there.
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { contactLocale: "1,5", contactEmail: "VRAI" }),
      uniqueValidRow(book, 2, { country: "12345678901234500" }),
    ]);
    await settled(book);
    expect(book.excel.values(book.sheet, book.at(0, "contactLocale"))).toEqual([[1.5]]);
    expect(book.excel.values(book.sheet, book.at(0, "contactEmail"))).toEqual([[true]]);
    expect(book.excel.values(book.sheet, book.at(1, "country"))).toEqual([[12345678901234500]]);
    expect(highlighted(book)).toEqual(
      [book.at(0, "contactLocale"), book.at(0, "contactEmail"), book.at(1, "country")].sort()
    );
  });
});

describe("tables (item 8)", () => {
  it("a total row is not a client", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    await book.excel.user.showTotals(TABLE_NAME);
    await settled(book);
    expect(book.session.summary()).toEqual({ rows: 3, valid: 1, invalid: 2 });
    expect(highlighted(book)).toEqual(expectedHighlights(book));
  });

  it("rows typed under a table that did not grow are found, said, and taken in on request", async () => {
    const book = await templateWorkbook();
    await threeRows(book);
    book.excel.state.autoExpandTables = false;
    await book.excel.user.type(book.sheet, "A5", [uniqueValidRow(book, 4, { country: "XX" })]);
    await settled(book);
    expect(book.session.summary().rows).toBe(3);
    expect(book.session.strays).toEqual({ top: 4, count: 1 });
    expect(await book.session.includeStrays()).toBe(true);
    expect(book.excel.table(TABLE_NAME)?.rect.bottom).toBe(4);
    expect(book.session.strays).toBeUndefined();
    expect(book.session.summary()).toEqual({ rows: 4, valid: 1, invalid: 3 });
    expect(highlighted(book)).toEqual(expectedHighlights(book));
  });
});

describe("payloads in bytes (item 9)", () => {
  it("Arabic names too long to be valid: the keys are written in requests Excel accepts", async () => {
    const book = await templateWorkbook("ma", "fr");
    const mkeys = ma.fields.map((field) => field.key);
    const long = "شركة الأطلس للتجارة والتوزيع ".repeat(11);
    expect(long.length).toBeGreaterThan(255);
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      mkeys.map((key) => (key === "companyName" ? `${long}${i}` : VALID.ma[key]))
    );
    book.excel.resetCounters();
    await book.excel.user.type(book.sheet, "A2", rows);
    await settled(book);
    expect(book.session.problem).toBeUndefined();
    expect(book.session.summary()).toMatchObject({ rows: 10_000, invalid: 10_000 });
    expect(book.excel.highlightAt(book.sheet, "A9000")).toBe(HIGHLIGHT.fill);
    expect(book.excel.counters.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("a ledger of 60,000 lines is read in pieces", async () => {
    const book = await templateWorkbook();
    const ledger = book.excel.state.addSheet(LEDGER_SHEET);
    for (let i = 0; i < 60_000; i++) {
      ledger.put(i, 0, { value: `cix_${"k".repeat(60)}${i}` });
      ledger.put(i, 1, { value: `cl_${"c".repeat(20)}${i}` });
    }
    const state = await readSheetSendState(book.session);
    expect(state.ledger.entries.size).toBe(60_000);
    expect(book.excel.counters.refusedPayloads).toBe(0);
  });
});
