/**
 * What real Excel does that the add-in must survive (docs/excel-facts.md), taught to the
 * fake first: each behaviour pinned here, against the fake's public API only.
 */
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "../../in-memory-excel";

type Ctx = Excel.RequestContext;

/** A sheet with a text-formatted column A, a drop-down and one rule on A2:B100. */
async function formattedSheet(excel: FakeExcel) {
  await excel.run(async (context: Ctx) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A2:A100").numberFormat = "@" as unknown as string[][];
    sheet.getRange("B2:B100").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Oui,Non" },
    } as Excel.DataValidationRule;
    const rule = sheet.getRange("A2:B100").conditionalFormats.add("Custom");
    rule.custom.rule.formula = '=EXACT(A2,"bad")';
    rule.custom.format.fill.color = "#FFC7CE";
    await context.sync();
  });
}

describe("the fake behaves as real Excel does", () => {
  it("a plain paste brings the source's formats: text format, drop-down and our rule go from the pasted cells", async () => {
    const excel = new FakeExcel();
    await formattedSheet(excel);
    await excel.user.paste("Sheet1", "A5", [[403019261, "bad"]], {
      rules: [{ formula: '=EXACT("a","a")', fill: "#00FF00" }],
    });
    expect(excel.cell("Sheet1", "A5").numberFormat).toBe("General");
    expect(excel.cell("Sheet1", "A6").numberFormat).toBe("@");
    expect(excel.dataValidationAt("Sheet1", "B5")).toBeUndefined();
    expect(excel.dataValidationAt("Sheet1", "B6")).toBeDefined();
    // Our rule no longer covers the pasted cells; the source's rule does.
    expect(excel.highlightAt("Sheet1", "B5")).toBe("#00FF00");
    await excel.user.type("Sheet1", "B7", [["bad"]]);
    expect(excel.highlightAt("Sheet1", "B7")).toBe("#FFC7CE");
    const answer = await excel.run(async (context: Ctx) => {
      const formats = context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
      formats.load("items/type, items/priority");
      await context.sync();
      const ours = formats.items.find((item) => item.type === "Custom" && item.priority === 1)!;
      // A rule split in several areas has no single range.
      const range = ours.getRangeOrNullObject();
      range.load("address");
      await context.sync();
      return { count: formats.items.length, split: range.isNullObject };
    });
    expect(answer).toEqual({ count: 2, split: true });
  });

  it("loading custom rules' formulas across a collection with other kinds fails (office-js #2180)", async () => {
    const excel = new FakeExcel();
    await formattedSheet(excel);
    excel.sheet("Sheet1").conditionalFormats.push({
      id: "{other}",
      areas: [{ top: 0, left: 5, bottom: 5, right: 5 }],
      anchor: { row: 0, column: 5 },
      type: "ColorScale",
    });
    await expect(
      excel.run(async (context: Ctx) => {
        const formats = context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
        formats.load("items/custom/rule/formula");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("a sort raises onRowSorted only, and rows move with their formats", async () => {
    const excel = new FakeExcel();
    const changed: unknown[] = [];
    const sorted: unknown[] = [];
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [
        ["name", "id"],
        ["b", "0002"],
        ["a", "0001"],
      ];
      sheet.onChanged.add(async (args) => void changed.push(args));
      sheet.onRowSorted.add(async (args) => void sorted.push(args));
      await context.sync();
    });
    excel.sheet("Sheet1").put(1, 1, { value: "0002", numberFormat: "@" });
    await excel.user.sort("Sheet1", "A2:B3", 0);
    await excel.settle();
    expect(excel.values("Sheet1", "A2:B3")).toEqual([
      ["a", 1],
      ["b", "0002"],
    ]);
    expect(excel.cell("Sheet1", "B3").numberFormat).toBe("@");
    expect(sorted).toEqual([
      expect.objectContaining({ address: "A2:B3", type: "WorksheetRowSorted" }),
    ]);
    // Only the API write above raised onChanged; the sort did not.
    expect(changed).toEqual([expect.objectContaining({ triggerSource: "ThisLocalAddin" })]);
  });

  it("inserting a column reports ColumnInserted with the column's address; the table, rules and drop-downs follow", async () => {
    const excel = new FakeExcel();
    await formattedSheet(excel);
    const seen: Record<string, unknown>[] = [];
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C2").values = [
        ["a", "b", "c"],
        ["x", "Oui", "z"],
      ];
      sheet.tables.add("A1:C2", true);
      await context.sync();
      sheet.onChanged.add(async (args) => void seen.push(args as never));
      await context.sync();
    });
    await excel.user.insertColumns("Sheet1", "B:B");
    expect(seen).toEqual([
      expect.objectContaining({ address: "B:B", changeType: "ColumnInserted" }),
    ]);
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:D2");
    expect(excel.values("Sheet1", "A1:D2")).toEqual([
      ["a", "Column2", "b", "c"],
      ["x", "", "Oui", "z"],
    ]);
    expect(excel.dataValidationAt("Sheet1", "C5")).toBeDefined();
    expect(excel.sheet("Sheet1").conditionalFormats[0]!.areas).toEqual([
      { top: 1, left: 0, bottom: 99, right: 2 },
    ]);
    await excel.user.deleteColumns("Sheet1", "B:B");
    expect(seen[1]).toMatchObject({ address: "B:B", changeType: "ColumnDeleted" });
    expect(excel.values("Sheet1", "A1:C1")).toEqual([["a", "b", "c"]]);
  });

  it("inserting cells says which way the others moved (ExcelApi 1.14)", async () => {
    const excel = new FakeExcel();
    const seen: Record<string, unknown>[] = [];
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["a", "b"],
        ["c", "d"],
      ];
      sheet.onChanged.add(async (args) => void seen.push(args as never));
      await context.sync();
    });
    await excel.user.insertCells("Sheet1", "A1", "Down");
    expect(excel.values("Sheet1", "A1:B3")).toEqual([
      ["", "b"],
      ["a", "d"],
      ["c", ""],
    ]);
    expect(seen.at(-1)).toMatchObject({
      changeType: "CellInserted",
      address: "A1",
      changeDirectionState: { insertShiftDirection: "Down" },
    });
  });

  it("a batch fails while the user edits a cell, unless it asked to wait (delayForCellEdit)", async () => {
    const excel = new FakeExcel();
    excel.user.startEditing();
    const write = (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      return context.sync();
    };
    await expect(excel.run(write)).rejects.toMatchObject({ code: "InvalidOperation" });
    const delayed = excel.run({ delayForCellEdit: true }, write);
    let done = false;
    void delayed.then(() => (done = true));
    await excel.settle();
    expect(done).toBe(false);
    expect(excel.values("Sheet1", "A1")).toEqual([[""]]);
    excel.user.stopEditing();
    await delayed;
    expect(excel.values("Sheet1", "A1")).toEqual([["x"]]);
  });

  it("before ExcelApi 1.20 an API write clears the user's undo stack", async () => {
    const excel = new FakeExcel();
    await excel.user.type("Sheet1", "A1", [["typed"]]);
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
    });
    expect(excel.state.undoStack).toHaveLength(1);
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["api"]];
      await context.sync();
    });
    expect(await excel.user.undo()).toBeUndefined();
    expect(excel.values("Sheet1", "A1")).toEqual([["typed"]]);
  });

  it("from ExcelApi 1.20 each sync is an undo record; a merged run is one; some writes cannot be undone", async () => {
    const excel = new FakeExcel();
    excel.state.undoModel = "recordPerSync";
    await excel.user.type("Sheet1", "A1", [["typed"]]);
    const write = async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").values = [["one"]];
      await context.sync();
      sheet.getRange("B2").values = [["two"]];
      await context.sync();
    };
    await excel.run(write);
    expect(excel.state.undoStack).toHaveLength(3);
    expect(await excel.user.undo()).toBe("add-in");
    expect(excel.values("Sheet1", "B1:B2")).toEqual([["one"], [""]]);
    await excel.run({ mergeUndoGroup: true }, write);
    expect(excel.state.undoStack).toHaveLength(3);
    await excel.user.undo();
    expect(excel.values("Sheet1", "B1:B2")).toEqual([["one"], [""]]);
    // The first Ctrl+Z after a user's edit and an add-in write undoes the add-in's write.
    await excel.user.undo();
    expect(excel.values("Sheet1", "A1:B1")).toEqual([["typed", ""]]);
    await expect(
      excel.run({ mergeUndoGroup: true }, async (context: Ctx) => {
        context.workbook.worksheets.add("Hidden").visibility = "VeryHidden";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
  });

  it("a table with a total row: the data body leaves it out, and typing under the table does not grow it", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["h1", "h2"],
        ["x", "y"],
      ];
      sheet.tables.add("A1:B2", true);
      await context.sync();
    });
    await excel.user.showTotals("Table1");
    const body = await excel.run(async (context: Ctx) => {
      const table = context.workbook.tables.getItem("Table1");
      const whole = table.getRange().load("address");
      const data = table.getDataBodyRange().load("address");
      table.load("showTotals");
      await context.sync();
      return [whole.address, data.address, table.showTotals];
    });
    expect(body).toEqual(["Sheet1!A1:B3", "Sheet1!A2:B2", true]);
    expect(excel.values("Sheet1", "A3")).toEqual([["Total"]]);
    await excel.user.type("Sheet1", "A4", [["z", "w"]]);
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:B3");
  });

  it("with AutoCorrect's table expansion off, rows typed under a table stay outside it", async () => {
    const excel = new FakeExcel();
    excel.state.autoExpandTables = false;
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["h1", "h2"]];
      sheet.tables.add("A1:B2", true);
      await context.sync();
    });
    await excel.user.type("Sheet1", "A3", [["x", "y"]]);
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:B2");
  });

  it("counts payloads in UTF-8 bytes: Arabic text costs two bytes a character", async () => {
    const excel = new FakeExcel();
    const arabic = "المملكة المغربية ".repeat(50);
    const rows = Math.floor(PAYLOAD_LIMIT_BYTES / arabic.length / 1.5);
    // Under 5 MB in UTF-16 characters, over it in UTF-8 bytes.
    expect(rows * arabic.length).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).values = Array.from(
          { length: rows },
          () => [arabic]
        );
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("null in a 2-D array of values or formats leaves that cell as it was; an empty string clears it", async () => {
    const excel = new FakeExcel();
    await excel.user.type("Sheet1", "A1", [["keep", "clear", "keep too"]]);
    await excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.numberFormat = [["@", null, "0.00"]] as unknown as string[][];
      range.values = [[null, "", undefined]] as unknown as string[][];
      await context.sync();
    });
    expect(excel.values("Sheet1", "A1:C1")).toEqual([["keep", "", "keep too"]]);
    expect(excel.cell("Sheet1", "A1").numberFormat).toBe("@");
    expect(excel.cell("Sheet1", "B1").numberFormat).toBe("General");
    expect(excel.cell("Sheet1", "C1").numberFormat).toBe("0.00");
  });

  it("formulas turn numbers and booleans into text the locale's way; typing follows the locale too", async () => {
    const excel = new FakeExcel();
    excel.state.locale = "fr-BE";
    await excel.user.type("Sheet1", "A1", [["1,5", "VRAI", "TRUE", "12345678901234500"]]);
    expect(excel.values("Sheet1", "A1:D1")).toEqual([[1.5, true, "TRUE", 12345678901234500]]);
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const rule = sheet.getRange("A1:D1").conditionalFormats.add("Custom");
      rule.custom.rule.formula =
        '=OR(EXACT("!"&A1,"!1,5"),EXACT("!"&A1,"!VRAI"),EXACT("!"&A1,"!1,23456789012345E+16"))';
      rule.custom.format.fill.color = "#FF0000";
      await context.sync();
    });
    expect(excel.highlightedCells("Sheet1", "A1:D1")).toEqual(["A1", "B1", "D1"]);
  });

  it("a range below a used range is found when the batch runs, not when it is queued", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["key", "client"]];
      // Written in the same batch, before the append finds the end.
      sheet.getRange("A2:B2").values = [["k1", "c1"]];
      sheet.getRange("A:B").getUsedRangeOrNullObject(true).getRowsBelow(1).values = [["k2", "c2"]];
      await context.sync();
    });
    expect(excel.values("Sheet1", "A1:B3")).toEqual([
      ["key", "client"],
      ["k1", "c1"],
      ["k2", "c2"],
    ]);
  });
});
