/**
 * The fake must be as strict as Excel where our code could go wrong: these tests pin the
 * semantics the Excel tests rely on.
 */
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "../../in-memory-excel";

type Ctx = Excel.RequestContext;

describe("the Excel fake", () => {
  it("refuses to read a property that was not loaded and synced", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
  });

  it("queues writes until sync and counts syncs", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["x", "y"]];
      expect(excel.values("Sheet1", "A1:B1")).toEqual([["", ""]]);
      await context.sync();
    });
    expect(excel.values("Sheet1", "A1:B1")).toEqual([["x", "y"]]);
    expect(excel.counters.syncs).toBe(1);
  });

  it("checks the shape of 2-D values and stops the batch at the failing operation", async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context: Ctx) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("A2:B2").values = [["only one"]];
        sheet.getRange("A3").values = [["never"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.values("Sheet1", "A1:A3")).toEqual([["first"], [""], [""]]);
  });

  it("stores what Excel stores: numbers lose leading zeros unless the cell is text", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1:B3").numberFormat = [["@"], ["@"], ["@"]];
      sheet.getRange("A1:B3").values = [
        ["0123", "0123"],
        ["=1+1", "=1+1"],
        ["TRUE", "-x"],
      ];
      await context.sync();
    });
    expect(excel.values("Sheet1", "A1:B3")).toEqual([
      [123, "0123"],
      ["#NAME?", "=1+1"],
      [true, "-x"],
    ]);
    expect(excel.cell("Sheet1", "A2").formula).toBe("=1+1");
    expect(excel.cell("Sheet1", "B2").formula).toBeUndefined();
  });

  it("refuses requests and responses above 5 MB", async () => {
    const excel = new FakeExcel();
    const big = "x".repeat(1000);
    const rows = Math.ceil(PAYLOAD_LIMIT_BYTES / 1000) + 10;
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).values = Array.from(
          { length: rows },
          () => [big]
        );
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    // Written in two halves, then read back in one response: too big again.
    for (const half of [0, 1]) {
      await excel.run(async (context: Ctx) => {
        const start = half * Math.ceil(rows / 2) + 1;
        const end = Math.min(rows, start + Math.ceil(rows / 2) - 1);
        context.workbook.worksheets.getItem("Sheet1").getRange(`A${start}:A${end}`).values =
          Array.from({ length: end - start + 1 }, () => [big]);
        await context.sync();
      });
    }
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("answers *OrNullObject with a null object, and getItem with ItemNotFound", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("evaluates conditional formats with relative references, as Excel does", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").values = [["a"], ["b"], ["a"]];
      const format = sheet.getRange("A1:A3").conditionalFormats.add("Custom");
      format.custom.rule.formula = '=EXACT(A1,"a")';
      format.custom.format.fill.color = "#FF0000";
      await context.sync();
    });
    expect(excel.highlightedCells("Sheet1", "A1:A3")).toEqual(["A1", "A3"]);
  });

  it("grows a table over rows typed right below it and raises a change event", async () => {
    const excel = new FakeExcel();
    const seen: unknown[] = [];
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["h1", "h2"]];
      sheet.tables.add("A1:B2", true);
      sheet.onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await excel.user.type("Sheet1", "A3", [["x", "y"]]);
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:B3");
    expect(seen).toEqual([
      expect.objectContaining({ address: "A3:B3", changeType: "RangeEdited", source: "Local" }),
    ]);
  });

  it("deletes and puts back a table row within the table's columns, leaving the rest of the sheet", async () => {
    const excel = new FakeExcel();
    const seen: unknown[] = [];
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C4").values = [
        ["h1", "h2", "beside"],
        ["a", "one", "x"],
        ["b", "two", "y"],
        ["c", "three", "z"],
      ];
      sheet.tables.add("A1:B4", true);
      sheet.onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await excel.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Table1").rows.getItemAt(1).delete();
      await context.sync();
    });
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:B3");
    expect(excel.values("Sheet1", "A2:C4")).toEqual([
      ["a", "one", "x"],
      ["c", "three", "y"],
      ["", "", "z"],
    ]);
    await excel.run(async (context: Ctx) => {
      context.workbook.tables.getItem("Table1").rows.add(1, [["b", "two"]]);
      context.workbook.tables.getItem("Table1").rows.add(3, [["d", "four"]]);
      await context.sync();
    });
    expect(excel.table("Table1")?.address).toBe("Sheet1!A1:B5");
    expect(excel.values("Sheet1", "A2:B5")).toEqual([
      ["a", "one"],
      ["b", "two"],
      ["c", "three"],
      ["d", "four"],
    ]);
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.tables.getItem("Table1").rows.getItemAt(4).delete();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await excel.settle();
    const moves = seen.filter(
      (args) => (args as { changeType: string }).changeType !== "RangeEdited"
    );
    expect(moves).toEqual([
      expect.objectContaining({
        address: "A3:B3",
        changeType: "CellDeleted",
        triggerSource: "ThisLocalAddin",
        changeDirectionState: { deleteShiftDirection: "Up" },
      }),
      expect.objectContaining({ address: "A3:B3", changeType: "CellInserted" }),
      expect.objectContaining({ address: "A5:B5", changeType: "CellInserted" }),
    ]);
  });

  it("refuses to shift cells through part of a table, as Excel does", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B3").values = [
        ["h1", "h2"],
        ["a", "one"],
        ["b", "two"],
      ];
      sheet.tables.add("A1:B3", true);
      await context.sync();
    });
    await expect(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").delete("Up");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(excel.values("Sheet1", "A2:B3")).toEqual([
      ["a", "one"],
      ["b", "two"],
    ]);
  });
});
