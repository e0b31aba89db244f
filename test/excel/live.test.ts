import { getProfile, Validator, type Cell } from "../../src/core";
import { columnLetters, HIGHLIGHT, LiveSession, TABLE_NAME } from "../../src/excel";
import { generateRows } from "../../testkit/generate-rows";
import { settled, templateWorkbook, uniqueValidRow, type TemplateWorkbook } from "./helpers";

const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);
const LAST = columnLetters(KEYS.length - 1);
/** The table ends with the status column. */
const STATUS = columnLetters(KEYS.length);

/**
 * The cells that should be highlighted, worked out apart from the live session: the sheet's
 * current values judged in bulk by the core (duplicates included).
 */
function expectedHighlights(book: TemplateWorkbook): string[] {
  const table = book.excel.table(TABLE_NAME)!;
  const rows = book.excel.values(book.sheet, `A2:${LAST}${table.rect.bottom + 1}`);
  const validator = new Validator(be, { headerLang: "fr" });
  const result = validator.validateRows(rows.map((cells, i) => ({ row: i + 2, cells })));
  const cells = new Set(
    result.problems.map((p) => `${columnLetters(KEYS.indexOf(p.field))}${p.row}`)
  );
  return sortAddresses([...cells]);
}

function sortAddresses(addresses: string[]): string[] {
  const key = (a: string) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a)!;
    return Number(digits) * 100 + letters!.length * 30 + letters!.charCodeAt(letters!.length - 1);
  };
  return [...addresses].sort((a, b) => key(a) - key(b));
}

function highlighted(book: TemplateWorkbook): string[] {
  return sortAddresses(book.excel.highlightedCells(book.sheet, `A1:${LAST}20000`));
}

describe("live highlighting of the template", () => {
  it("highlights exactly the invalid cell of a typed row, and counts rows", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [book.row({ vatNumber: "BE0403019262" })]);
    await settled(book);
    expect(highlighted(book)).toEqual([book.at(0, "vatNumber")]);
    // Opening the session reused the rule the template brought: one rule, not one per opening.
    expect(book.excel.sheet(book.sheet).conditionalFormats).toHaveLength(1);
    expect(book.excel.highlightAt(book.sheet, book.at(0, "vatNumber"))).toBe(HIGHLIGHT.fill);
    expect(book.session.summary()).toEqual({ rows: 1, valid: 0, invalid: 1 });
    expect(book.session.problemsOf(0).map((p) => p.code)).toEqual(["vatNumber.checksum"]);
  });

  it("marks an invalid cell without its colours too: bold text in a dashed box", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [book.row({ contactEmail: "marie@" })]);
    await settled(book);
    const format = book.excel.highlightFormatAt(book.sheet, book.at(0, "contactEmail"));
    expect(format).toMatchObject({ bold: true });
    for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const)
      expect(format?.borders?.[side]?.style).toBe("Dash");
    // A valid cell beside it has none of it.
    expect(book.excel.highlightFormatAt(book.sheet, book.at(0, "companyName"))).toBeUndefined();
  });

  it("a cell the user changes loses its highlight at once, before the add-in looks at it", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [book.row({ country: "Belgium?" })]);
    await settled(book);
    const country = book.at(0, "country");
    expect(book.excel.highlightAt(book.sheet, country)).toBe(HIGHLIGHT.fill);
    // The value changes; no event has reached the add-in yet.
    book.excel.sheet(book.sheet).enter(1, KEYS.indexOf("country"), "BE");
    expect(book.excel.highlightAt(book.sheet, country)).toBeUndefined();
  });

  it("judges a 10,000-row paste in two syncs (read, write) and highlights what the core finds", async () => {
    const book = await templateWorkbook();
    const rows = generateRows("be", 10_000, KEYS);
    book.excel.resetCounters();
    await book.excel.user.type(book.sheet, "A2", rows);
    await settled(book);
    const counters = book.excel.counters;
    expect(counters.syncs).toBeLessThanOrEqual(2);
    expect(counters.refusedPayloads).toBe(0);
    const expected = expectedHighlights(book);
    expect(expected.length).toBeGreaterThan(500);
    expect(highlighted(book)).toEqual(expected);
    const summary = book.session.summary();
    expect(summary.rows).toBe(10_000);
    // One edit afterwards reads one row back, not the table, and writes one row of keys.
    book.excel.resetCounters();
    await book.excel.user.type(book.sheet, "B5000", [["XX"]]);
    await settled(book);
    expect(book.excel.counters.syncs).toBeLessThanOrEqual(2);
    expect(book.excel.counters.maxResponseBytes).toBeLessThan(2_000);
    expect(book.excel.counters.maxRequestBytes).toBeLessThan(2_000);
    expect(book.excel.highlightAt(book.sheet, "B5000")).toBe(HIGHLIGHT.fill);
    expect(summary.invalid).toBe(new Set(expected.map((a) => a.replace(/^[A-Z]+/, ""))).size);
  });

  it("re-judges rows whose duplicate status changes, even when they were not edited", async () => {
    const book = await templateWorkbook();
    const vat = book.row().at(KEYS.indexOf("vatNumber"));
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1),
      uniqueValidRow(book, 2),
      uniqueValidRow(book, 3),
    ]);
    await settled(book);
    expect(highlighted(book)).toEqual([]);
    // Fill-down of one VAT number over three rows: all three are duplicates.
    const vatColumn = columnLetters(KEYS.indexOf("vatNumber"));
    const enterpriseColumn = columnLetters(KEYS.indexOf("enterpriseNumber"));
    await book.excel.user.clear(book.sheet, `${enterpriseColumn}2:${enterpriseColumn}4`);
    await book.excel.user.type(book.sheet, `${vatColumn}2`, [[vat], [vat], [vat]]);
    await settled(book);
    expect(highlighted(book)).toEqual([`${vatColumn}2`, `${vatColumn}3`, `${vatColumn}4`]);
    await book.excel.user.clear(book.sheet, `${vatColumn}3`);
    await settled(book);
    expect(highlighted(book)).toEqual([`${vatColumn}2`, `${vatColumn}4`]);
    // Row 2 alone is edited; row 4 is no longer a duplicate and loses its highlight.
    await book.excel.user.clear(book.sheet, `${vatColumn}2`);
    await settled(book);
    expect(highlighted(book)).toEqual([]);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
  });

  it("follows deleted rows: highlights stay on the cells that are wrong", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { contactEmail: "a@b.c" }),
      uniqueValidRow(book, 2),
      uniqueValidRow(book, 3, { postalCode: "999" }),
      uniqueValidRow(book, 4),
    ]);
    await settled(book);
    expect(highlighted(book)).toEqual([book.at(0, "contactEmail"), book.at(2, "postalCode")]);
    await book.excel.user.deleteRows(book.sheet, 2);
    await settled(book);
    expect(book.excel.table(TABLE_NAME)?.address).toBe(`'${book.sheet}'!A1:${STATUS}4`);
    expect(highlighted(book)).toEqual([book.at(1, "postalCode")]);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
    expect(book.session.summary()).toEqual({ rows: 3, valid: 2, invalid: 1 });
  });

  it("keeps the user's own formatting and never paints outside the table", async () => {
    const book = await templateWorkbook();
    const country = book.at(0, "country");
    book.excel.user.fill(book.sheet, country, "#00B050");
    await book.excel.user.type(book.sheet, "A2", [book.row({ country: "XX" })]);
    // Outside the table: to its right, and far below it (not adjacent, so the table does not grow).
    await book.excel.user.type(book.sheet, "S2", [["XX"]]);
    await book.excel.user.type(book.sheet, "B40", [["XX"]]);
    await settled(book);
    expect(highlighted(book)).toEqual([country]);
    expect(book.excel.cell(book.sheet, country).fill).toBe("#00B050");
    await book.excel.user.type(book.sheet, country, [["BE"]]);
    await settled(book);
    expect(highlighted(book)).toEqual([]);
    expect(book.excel.cell(book.sheet, country).fill).toBe("#00B050");
  });

  it("stays under the 5 MB payload limit with very large cells, cutting reads only then", async () => {
    const book = await templateWorkbook();
    const long = "Société coopérative ".repeat(12);
    const rows = generateRows("be", 10_000, KEYS).map((row, i) =>
      row.map((cell, c) => (c === 0 ? `${long}${i}` : c === KEYS.indexOf("street") ? long : cell))
    );
    book.excel.resetCounters();
    await book.excel.user.type(book.sheet, "A2", rows);
    await settled(book);
    const counters = book.excel.counters;
    // Rows this large do not fit one response: the reads were cut, and every cut was answered.
    expect(counters.syncs).toBeGreaterThan(3);
    expect(counters.refusedPayloads).toBeLessThanOrEqual(1);
    expect(highlighted(book)).toEqual(expectedHighlights(book));
  });

  it("re-judges the whole table when the pane is opened again", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { contactLocale: "FR_be" }),
      uniqueValidRow(book, 2),
    ]);
    await settled(book);
    await book.session.close();
    // While the pane was closed the user fixed one cell and broke another.
    book.excel.sheet(book.sheet).enter(1, KEYS.indexOf("contactLocale"), "fr-BE");
    book.excel.sheet(book.sheet).enter(2, KEYS.indexOf("iban"), "BE00 0000 0000 0000");
    const reopened = await LiveSession.open({
      run: book.run,
      profile: be,
      spec: book.session.areaSpec,
    });
    expect(highlighted(book)).toEqual([book.at(1, "iban")]);
    expect(reopened.summary()).toEqual({ rows: 2, valid: 1, invalid: 1 });
  });

  it("a closed session stops listening", async () => {
    const book = await templateWorkbook();
    await book.session.close();
    const sheetId = book.excel.sheet(book.sheet).id;
    expect(book.excel.state.handlerCount(sheetId, "changed")).toBe(0);
    await book.excel.user.type(book.sheet, "A2", [book.row({ country: "XX" })]);
    await settled(book);
    expect(highlighted(book)).toEqual([]);
  });

  it("tells which cell is selected and its problems", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [book.row({ postalCode: "12" })]);
    await settled(book);
    await book.excel.user.select(book.sheet, book.at(0, "postalCode"));
    expect(book.session.selection).toMatchObject({ index: 0, field: "postalCode", rows: [0] });
    expect(book.session.problemsOf(0).map((p) => p.field)).toEqual(["postalCode"]);
  });
});

describe("fixes and templates written from the pane", () => {
  it("writes fixes in one batch, as text, and the highlights go", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { enterpriseNumber: "0403.019.261", vatNumber: "" }),
      uniqueValidRow(book, 2, { country: "belgique" }),
    ]);
    await settled(book);
    expect(highlighted(book)).toEqual([book.at(0, "enterpriseNumber"), book.at(1, "country")]);
    const fixes = [0, 1].flatMap((index) =>
      book.session
        .problemsOf(index)
        .filter((p) => p.fix !== null)
        .map((p) => ({ row: book.session.snapshot(index)!, field: p.field, value: p.fix! }))
    );
    book.excel.resetCounters();
    await book.session.write(fixes);
    expect(book.excel.values(book.sheet, book.at(0, "enterpriseNumber"))).toEqual([["0403019261"]]);
    expect(book.excel.values(book.sheet, book.at(1, "country"))).toEqual([["BE"]]);
    expect(highlighted(book)).toEqual([]);
    expect(book.excel.counters.syncs).toBeLessThanOrEqual(3);
  });

  it("a value that looks like a formula is written as text, never as a formula", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [uniqueValidRow(book, 1)]);
    await settled(book);
    await book.session.write([
      { row: book.session.snapshot(0)!, field: "city", value: '=HYPERLINK("x")' },
    ]);
    const cell = book.excel.cell(book.sheet, book.at(0, "city"));
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('=HYPERLINK("x")');
  });

  it("checks template names against the partner's list once it is known", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { configurationTemplate: "Standard" }),
      uniqueValidRow(book, 2, { configurationTemplate: "Unknown one" }),
    ]);
    await settled(book);
    expect(highlighted(book)).toEqual([]);
    await book.session.setCatalog([
      {
        id: "tpl_1",
        name: "Standard",
        description: "Default",
        users: ["Sophie"],
        integrations: [],
      },
      { id: "tpl_2", name: "Horeca", description: null, users: [], integrations: ["Octopus"] },
    ]);
    expect(highlighted(book)).toEqual([book.at(1, "configurationTemplate")]);
    const validation = book.excel.dataValidationAt(book.sheet, book.at(5, "configurationTemplate"));
    const source = (validation?.rule as { list: { source: string } }).list.source;
    expect(
      book.excel.values("BanqupLists", source.replace(/^=.*!/, "").replace(/\$/g, ""))
    ).toEqual([["Standard"], ["Horeca"]]);
    // Applying a template to the selected rows fixes the unknown name.
    await book.excel.user.select(book.sheet, "C2:C3");
    const rows = book.session.selection!.rows;
    await book.session.write(
      rows.map((index) => ({
        row: book.session.snapshot(index)!,
        field: "configurationTemplate",
        value: "Horeca",
      }))
    );
    expect(
      book.excel.values(
        book.sheet,
        `${columnLetters(KEYS.indexOf("configurationTemplate"))}2:${columnLetters(KEYS.indexOf("configurationTemplate"))}3`
      )
    ).toEqual([["Horeca"], ["Horeca"]]);
    expect(highlighted(book)).toEqual([]);
  });
});

export type { Cell };

describe("the pane's view of a session", () => {
  it("is one frozen snapshot per change: the same object until a round or a selection changes it", async () => {
    const book = await templateWorkbook();
    const session = book.session;
    let notified = 0;
    const unsubscribe = session.subscribe(() => notified++);
    await book.excel.user.type(book.sheet, "A2", [uniqueValidRow(book, 1, { country: "XX" })]);
    await settled(book);
    const first = session.getView();
    expect(session.getView()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.summary).toEqual({ rows: 1, valid: 0, invalid: 1 });
    expect(first.groups.map((group) => [group.code, group.example?.code])).toEqual([
      ["country.unassigned", "country.unassigned"],
    ]);
    expect(notified).toBeGreaterThan(0);

    await book.excel.user.type(book.sheet, book.at(1, "companyName"), [["Deuxième"]]);
    await settled(book);
    const second = session.getView();
    expect(second).not.toBe(first);
    expect(second.summary.rows).toBe(2);
    // What a render already holds does not change under it.
    expect(first.summary).toEqual({ rows: 1, valid: 0, invalid: 1 });

    session.selected(book.at(0, "country"));
    const selected = session.getView();
    expect(selected.selected?.problems.map((p) => p.code)).toEqual(["country.unassigned"]);
    expect(selected.selected?.row.index).toBe(0);
    // A selection does not judge the rows again: the verdicts are the same objects.
    expect(selected.groups).toBe(second.groups);
    unsubscribe();
  });
});
