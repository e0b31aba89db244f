import { getProfile, type ProfileId } from "../../src/core";
import { CHECKS_SHEET, runSelfCheck, TABLE_NAME } from "../../src/excel";
import { settled, templateWorkbook, uniqueValidRow } from "./helpers";

describe("Excel compatibility test: the self-check replayed against the in-memory Excel", () => {
  for (const region of ["be", "ma"] as ProfileId[]) {
    it(`every scenario holds (${region}), and the user's own template is left as it was`, async () => {
      const book = await templateWorkbook(region, "fr");
      if (region === "be") {
        await book.excel.user.type(book.sheet, "A2", [uniqueValidRow(book, 1, { country: "XX" })]);
        await settled(book);
      }
      const keysBefore = book.excel.values(CHECKS_SHEET, "A1:S5");
      const tableBefore = book.excel.table(TABLE_NAME)!.address;
      const seen: string[] = [];
      const results = await runSelfCheck({
        run: book.run,
        profile: getProfile(region),
        requirements: book.excel.requirements,
        onResult: (result) => seen.push(result.id),
      });
      expect(results).toEqual([
        { id: "keysInLocale", outcome: "held" },
        { id: "pasteWithFormats", outcome: "held" },
        { id: "sortFollowed", outcome: "held" },
        { id: "columnInserted", outcome: "held" },
        { id: "rowMovedUnderWrite", outcome: "held" },
        { id: "totalRow", outcome: "held" },
      ]);
      expect(seen).toHaveLength(6);
      expect(book.excel.values(CHECKS_SHEET, "A1:S5")).toEqual(keysBefore);
      expect(book.excel.table(TABLE_NAME)!.address).toBe(tableBefore);
      expect(book.excel.state.sheets.map((sheet) => sheet.name)).not.toContain("Banqup self-check");
      expect(book.excel.state.findTable("BanqupSelfCheck")).toBeUndefined();
    }, 30_000);
  }

  it("in French Excel too; a paste scenario an older Excel cannot run is said to be skipped", async () => {
    const book = await templateWorkbook("be", "fr");
    book.excel.state.locale = "fr-BE";
    book.excel.useApiVersion("1.8");
    const results = await runSelfCheck({
      run: book.run,
      profile: getProfile("be"),
      requirements: book.excel.requirements,
    });
    expect(results.find((result) => result.id === "pasteWithFormats")).toEqual({
      id: "pasteWithFormats",
      outcome: "skipped",
      detail: "needs ExcelApi 1.9",
    });
    expect(results.filter((result) => result.outcome === "failed")).toEqual([]);
  }, 30_000);
});
