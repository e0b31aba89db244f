/** Deleting a duplicate's copies from the sheet, and putting them back. */
import { getProfile } from "../../src/core";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import {
  columnLetters,
  createdStatus,
  deleteRows,
  formatStatus,
  restoreRows,
  TABLE_NAME,
} from "../../src/excel";
import { openSheetArea, settled, templateWorkbook, uniqueValidRow } from "./helpers";

const KEYS = getProfile("be").fields.map((field) => field.key);

async function bookWithCopies() {
  const book = await templateWorkbook();
  const copy = uniqueValidRow(book, 1, { companyName: "Brasserie A" });
  await book.excel.user.type(book.sheet, "A2", [
    copy,
    uniqueValidRow(book, 2, { companyName: "Atelier B" }),
    copy,
    copy,
    uniqueValidRow(book, 3, { companyName: "Cave C" }),
  ]);
  await settled(book);
  return book;
}

const names = (book: Awaited<ReturnType<typeof bookWithCopies>>, last: number) =>
  book.excel.values(book.sheet, `A2:A${last}`).map(([name]) => name);

describe("deleting a duplicate's copies", () => {
  it("deletes the copies, keeps the first, and the sheet has no duplicate left", async () => {
    const book = await bookWithCopies();
    expect(book.session.getView().duplicates).toEqual([{ rows: [0, 2, 3], differing: [] }]);
    const copies = [2, 3].map((index) => book.session.snapshot(index)!);
    const outcome = await deleteRows(book.session, copies);
    expect(outcome.kept).toBe(0);
    expect(outcome.deleted.map((row) => row.index)).toEqual([2, 3]);
    expect(names(book, 4)).toEqual(["Brasserie A", "Atelier B", "Cave C"]);
    // The table lost two rows: its header and three rows are left.
    expect(book.excel.table(TABLE_NAME)?.address).toMatch(/!A1:[A-Z]+4$/);
    expect(book.session.getView().duplicates).toEqual([]);
    expect(book.session.summary()).toMatchObject({ rows: 3, invalid: 0 });
  });

  it("puts the deleted rows back where they were on Undo, duplicates again", async () => {
    const book = await bookWithCopies();
    const { deleted } = await deleteRows(
      book.session,
      [2, 3].map((i) => book.session.snapshot(i)!)
    );
    expect(await restoreRows(book.session, deleted)).toBe(2);
    expect(names(book, 6)).toEqual([
      "Brasserie A",
      "Atelier B",
      "Brasserie A",
      "Brasserie A",
      "Cave C",
    ]);
    // The enterprise number is text again, leading zero kept.
    const number = book.excel.values(book.sheet, book.at(2, "enterpriseNumber"))[0]![0];
    expect(number).toBe(book.session.rows!.cellsOf(0)![KEYS.indexOf("enterpriseNumber")]);
    expect(String(number)).toMatch(/^0/);
    expect(book.session.getView().duplicates).toEqual([{ rows: [0, 2, 3], differing: [] }]);
  });

  it("leaves a row that changed before the delete reached it", async () => {
    const book = await bookWithCopies();
    const copies = [2, 3].map((index) => book.session.snapshot(index)!);
    // A copy changes before the delete reaches it (a write the session is not told of).
    await book.excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(book.sheet).getRange(book.at(3, "city")).values = [
        ["Namur"],
      ];
      await context.sync();
    });
    const outcome = await deleteRows(book.session, copies);
    expect(outcome.kept).toBe(1);
    expect(outcome.deleted.map((row) => row.index)).toEqual([2]);
    expect(names(book, 5)).toEqual(["Brasserie A", "Atelier B", "Brasserie A", "Cave C"]);
    expect(book.excel.values(book.sheet, book.at(2, "city"))).toEqual([["Namur"]]);
  });

  it("never deletes a row that holds a client created in Banqup", async () => {
    const book = await bookWithCopies();
    const status = columnLetters(KEYS.length);
    const created = formatStatus(createdStatus("c-123", false, "fr"), "fr");
    await book.excel.user.type(book.sheet, `${status}4`, [[created]]);
    await settled(book);
    const outcome = await deleteRows(
      book.session,
      [2, 3].map((i) => book.session.snapshot(i)!)
    );
    expect(outcome).toMatchObject({ kept: 1 });
    expect(names(book, 5)).toEqual(["Brasserie A", "Atelier B", "Brasserie A", "Cave C"]);
    expect(book.excel.values(book.sheet, `${status}4`)).toEqual([[created]]);
  });
});

describe("deleting a copy from a sheet the user already has", () => {
  it("deletes the row whole, its own notes with it, and the rows below keep theirs", async () => {
    const excel = new FakeExcel();
    const v = VALID.ma;
    const row = [v.companyName, v.city, "MA", `'${String(v.ice)}`, v.contactEmail];
    await excel.user.type("Sheet1", "A1", [
      ["Dénomination", "Ville", "Pays", "ICE", "Email du contact", "", "Notes"],
      [...row, "", "appeler lundi"],
      [...row, "", "relancé"],
      ["Atlas 2", "Rabat", "MA", "", "y.alami@atlas.ma", "", "nouveau"],
    ]);
    // A note far right, with no header: still on Atlas 2's row, and moves with it.
    await excel.user.type("Sheet1", "J4", [["à part"]]);
    const { session } = await openSheetArea(excel);
    expect(session.getView().duplicates).toEqual([{ rows: [0, 1], differing: [] }]);
    const outcome = await deleteRows(session, [session.snapshot(1)!]);
    expect(outcome).toMatchObject({ kept: 0 });
    expect(excel.values("Sheet1", "A2:A3")).toEqual([[v.companyName], ["Atlas 2"]]);
    expect(excel.values("Sheet1", "G2:G4")).toEqual([["appeler lundi"], ["nouveau"], [""]]);
    expect(excel.values("Sheet1", "J3:J4")).toEqual([["à part"], [""]]);
    expect(session.getView().duplicates).toEqual([]);
    await restoreRows(session, outcome.deleted);
    expect(excel.values("Sheet1", "G2:G4")).toEqual([["appeler lundi"], ["relancé"], ["nouveau"]]);
    expect(excel.values("Sheet1", "A2:A4")).toEqual([
      [v.companyName],
      [v.companyName],
      ["Atlas 2"],
    ]);
    await session.close();
  });
});
