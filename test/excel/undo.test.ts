/** Undo of the pane's bulk writes : only what the add-in wrote comes back. */
import { getProfile } from "../../src/core";
import { columnLetters, undoWrite, writeUndoably } from "../../src/excel";
import { settled, templateWorkbook, uniqueValidRow } from "./helpers";

const KEYS = getProfile("be").fields.map((field) => field.key);
const LAST = columnLetters(KEYS.length - 1);

describe("undoing a bulk write", () => {
  it("puts the old values back where the rows went after a sort", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { companyName: "Brasserie C", country: "belgique" }),
      uniqueValidRow(book, 2, { companyName: "Atelier A", country: "Belgium" }),
    ]);
    await settled(book);
    const rows = [0, 1].map((index) => book.session.snapshot(index)!);
    const { undo } = await writeUndoably(
      book.session,
      rows.map((row) => ({ row, field: "country", value: "BE" }))
    );
    await settled(book);
    await book.excel.user.sort(book.sheet, `A2:${LAST}3`, 0);
    await settled(book);
    expect(await undoWrite(book.session, undo)).toEqual({ restored: 2, kept: 0 });
    // Atelier A is first now, and gets its own old value back.
    expect(book.excel.values(book.sheet, `A2:B3`)).toEqual([
      ["Atelier A", "Belgium"],
      ["Brasserie C", "belgique"],
    ]);
  });

  it("leaves a cell the user changed since, and a row deleted since, as they are", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { companyName: "Un", country: "belgique" }),
      uniqueValidRow(book, 2, { companyName: "Deux", country: "belgique" }),
      uniqueValidRow(book, 3, { companyName: "Trois", country: "belgique" }),
    ]);
    await settled(book);
    const rows = [0, 1, 2].map((index) => book.session.snapshot(index)!);
    const { undo } = await writeUndoably(
      book.session,
      rows.map((row) => ({ row, field: "country", value: "BE" }))
    );
    await settled(book);
    await book.excel.user.type(book.sheet, book.at(0, "country"), [["FR"]]);
    // Another cell of row 2 edited: the row is still found, by its enterprise number.
    await book.excel.user.type(book.sheet, book.at(1, "city"), [["Namur"]]);
    await book.excel.user.deleteRows(book.sheet, 4);
    await settled(book);
    expect(await undoWrite(book.session, undo)).toEqual({ restored: 1, kept: 2 });
    expect(book.excel.values(book.sheet, "A2:B3")).toEqual([
      ["Un", "FR"],
      ["Deux", "belgique"],
    ]);
  });
});
