import { getProfile } from "../../src/core";
import {
  detectActiveSheet,
  LiveSession,
  readWorkbookMemory,
  saveAreaSpec,
  SETTINGS,
  sheetAreaSpec,
} from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import { runOf } from "../../testkit/excel-run";

const ma = getProfile("ma");

/**
 * A Moroccan client list as an accountant keeps it: a title, headers on row 3, its own order.
 * The ICE is typed with a leading apostrophe, as Excel users do to keep its zeros.
 */
async function clientList(excel: FakeExcel): Promise<void> {
  const v = VALID.ma;
  await excel.user.type("Sheet1", "A1", [
    ["Portefeuille clients 2026"],
    [""],
    ["Email du contact", "Dénomination", "Ville", "Téléphone", "Pays", "Code postal", "ICE"],
    [
      v.contactEmail,
      v.companyName,
      v.city,
      "0522 00 00 00",
      "Maroc",
      v.postalCode,
      `'${String(v.ice)}`,
    ],
    ["y.alami@atlas", "Atlas 2", "Rabat", "", "MA", "10000", ""],
  ]);
}

/** The client list, mapped with the user's corrections ("Dénomination" is the name, the phone is not imported) and saved. */
async function mappedClientList(excel: FakeExcel) {
  await clientList(excel);
  const run = runOf(excel);
  const detected = (await detectActiveSheet(run, ma))!;
  const spec = sheetAreaSpec(detected, { 1: "companyName", 3: null }, ma);
  await saveAreaSpec(run, spec);
  return { run, spec };
}

describe("using a sheet the user already has (the Moroccan platform's column mapping)", () => {
  it("finds the header row and maps columns by their text, in any order", async () => {
    const excel = new FakeExcel();
    await clientList(excel);
    const detected = await detectActiveSheet(runOf(excel), ma);
    expect(detected).toMatchObject({ sheet: "Sheet1", headerRow: 2 });
    const columnOf = (key: string) =>
      detected!.mapping.columns[ma.fields.findIndex((field) => field.key === key)];
    expect(columnOf("contactEmail")).toBe(0);
    expect(columnOf("city")).toBe(2);
    expect(columnOf("country")).toBe(4);
    expect(columnOf("ice")).toBe(6);
    // "Dénomination" names no field: the user says what it holds.
    expect(detected!.mapping.missingRequired).toContain("companyName");
  });

  it("takes the user's corrections, saves them in the workbook and checks the rows live", async () => {
    const excel = new FakeExcel();
    const { run, spec } = await mappedClientList(excel);
    const memory = await readWorkbookMemory(run);
    expect(memory.area).toEqual(spec);

    const session = await LiveSession.open({ run, profile: ma, spec: memory.area! });
    expect(session.summary()).toEqual({ rows: 2, valid: 1, invalid: 1 });
    expect(session.problemsOf(1).map((p) => p.code)).toEqual(["contactEmail.invalid"]);
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual(["A5"]);

    // While the pane was closed the user moved the e-mail column to the end: the mapping
    // follows the header text, not the position.
    await session.close();
    const block = excel.values("Sheet1", "A3:G5");
    const moved = block.map((line) => [...line.slice(1), line[0]!]);
    const sheet = excel.sheet("Sheet1");
    moved.forEach((line, r) => line.forEach((cell, c) => sheet.put(2 + r, c, { value: cell })));
    const reopened = await LiveSession.open({ run, profile: ma, spec });
    expect(reopened.summary()).toEqual({ rows: 2, valid: 1, invalid: 1 });
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual(["G5"]);
    await excel.user.type("Sheet1", "G5", [["y.alami@atlas.ma"]]);
    await excel.settle();
    await reopened.idle();
    expect(reopened.summary()).toEqual({ rows: 2, valid: 2, invalid: 0 });
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual([]);
  });

  it("follows rows inserted above the headers", async () => {
    const excel = new FakeExcel();
    const { run, spec } = await mappedClientList(excel);
    const session = await LiveSession.open({ run, profile: ma, spec });
    excel.sheet("Sheet1").insertRows(0, 2);
    await excel.state.dispatch(excel.sheet("Sheet1"), "changed", {
      address: "1:2",
      changeType: "RowInserted",
      worksheetId: excel.sheet("Sheet1").id,
    });
    await excel.settle();
    await session.idle();
    expect(session.areaSpec).toMatchObject({ kind: "sheet", headerRow: 4 });
    // Saved in the workbook: reopened, the area is found where it went.
    expect(excel.settings()[SETTINGS.area]).toMatchObject({ kind: "sheet", headerRow: 4 });
    expect(session.summary()).toEqual({ rows: 2, valid: 1, invalid: 1 });
    expect(excel.highlightedCells("Sheet1", "A1:H20")).toEqual(["A7"]);
  });

  it("a header row with no client under it yet, then a first row typed", async () => {
    const excel = new FakeExcel();
    await excel.user.type("Sheet1", "A1", [["Nom client", "Ville", "Pays", "Email du contact"]]);
    const run = runOf(excel);
    const spec = sheetAreaSpec((await detectActiveSheet(run, ma))!, {}, ma);
    const session = await LiveSession.open({ run, profile: ma, spec });
    // Opened again once the keys sheet exists: nothing to read, no error.
    await session.close();
    const again = await LiveSession.open({ run, profile: ma, spec });
    expect(again.problem).toBeUndefined();
    expect(again.summary()).toEqual({ rows: 0, valid: 0, invalid: 0 });
    await excel.user.type("Sheet1", "A2", [["Atlas", "Rabat", "MA", "pas-un-email"]]);
    await excel.settle();
    await again.idle();
    expect(excel.highlightedCells("Sheet1", "A1:E5")).toEqual(["D2"]);
  });

  it("says so when the active sheet has no header row it recognises", async () => {
    const excel = new FakeExcel();
    await excel.user.type("Sheet1", "A1", [["Budget"], ["Loyer"]]);
    expect(await detectActiveSheet(runOf(excel), ma)).toBeUndefined();
  });
});
