import { readRegistryMemory, REGISTRY_SHEET, rememberRegistryAnswers } from "../../src/excel";
import { settled, templateWorkbook } from "./helpers";
import { registryAnswer } from "../support/registry";

const answer = registryAnswer;

describe("what the registries said, remembered in the workbook", () => {
  it("keeps each number's answer in a very hidden text sheet, replacing older ones, skipping broken lines", async () => {
    const book = await templateWorkbook();
    await book.session.excel((context) =>
      rememberRegistryAnswers(
        context,
        new Map([
          ["0403019261", answer("BOULANGERIE DUPONT")],
          ["0123456749", answer("GARAGE MAES")],
        ])
      )
    );
    const sheet = book.excel.sheet(REGISTRY_SHEET);
    expect(sheet.visibility).toBe("VeryHidden");
    // Text: the leading zero stays.
    expect(book.excel.values(REGISTRY_SHEET, "A2:A3")).toEqual([["0403019261"], ["0123456749"]]);

    await book.session.excel((context) =>
      rememberRegistryAnswers(
        context,
        new Map([
          ["0123456749", answer("GARAGE MAES", { checked: false, fault: "MS_UNAVAILABLE" })],
        ])
      )
    );
    // A line someone broke by hand is not an answer.
    sheet.enter(3, 0, "0999999999");
    sheet.enter(3, 2, "{not json");
    const read = await book.session.excel(readRegistryMemory);
    expect([...read.keys()]).toEqual(["0403019261", "0123456749"]);
    expect(read.get("0123456749")).toMatchObject({ checked: false, fault: "MS_UNAVAILABLE" });
    expect(read.get("0403019261")).toEqual(answer("BOULANGERIE DUPONT"));
  });

  it("a workbook that never checked remembers nothing", async () => {
    const book = await templateWorkbook();
    expect((await book.session.excel(readRegistryMemory)).size).toBe(0);
  });

  it("shows remembered findings in a session, and keeps them when the rows are sorted", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [
      book.row({
        companyName: "Autre nom",
        enterpriseNumber: "0403019261",
        vatNumber: "",
        mandate: "Non",
      }),
      book.row({
        companyName: "Zèbre SRL",
        enterpriseNumber: "0123456749",
        vatNumber: "",
        mandate: "Non",
      }),
    ]);
    await settled(book);
    book.session.applyRegistryAnswers(
      new Map([
        ["0403019261", answer("BOULANGERIE DUPONT")],
        ["0123456749", answer("ZEBRE")],
      ])
    );
    const named = () =>
      book.session.getView().warningGroups.map((group) => [group.code, group.rows]);
    expect(named()).toEqual([["companyName.registryName", [0]]]);
    await book.excel.user.sort(book.sheet, "A2:R3", 0, false);
    await settled(book);
    expect(named()).toEqual([["companyName.registryName", [1]]]);
  });
});
