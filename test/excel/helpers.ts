import { getProfile, type Cell, type ProfileId, type UiLang } from "../../src/core";
import {
  columnLetters,
  detectActiveSheet,
  insertTemplate,
  LiveSession,
  saveAreaSpec,
  sheetAreaSpec,
  type ExcelRun,
} from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import { belgianNumber } from "../../testkit/oracles";
import { runOf } from "../../testkit/excel-run";

export interface TemplateWorkbook {
  excel: FakeExcel;
  run: ExcelRun;
  sheet: string;
  session: LiveSession;
  profileId: ProfileId;
  /** The sheet address of a field's cell on a data row (0-based index). */
  at(index: number, field: string): string;
  /** A row of cells in the template's column order. */
  row(changes?: Record<string, Cell>): Cell[];
}

/** A workbook with the template inserted and a live session listening to it. */
export async function templateWorkbook(
  profileId: ProfileId = "be",
  lang: UiLang = "fr"
): Promise<TemplateWorkbook> {
  const excel = new FakeExcel();
  const run = runOf(excel);
  const profile = getProfile(profileId);
  const outcome = await insertTemplate(run, profile, lang);
  const session = await LiveSession.open({
    run,
    profile,
    spec: outcome.spec,
    requirements: excel.requirements,
  });
  const keys = profile.fields.map((field) => field.key);
  return {
    excel,
    run,
    sheet: outcome.sheet,
    session,
    profileId,
    at: (index, field) => `${columnLetters(keys.indexOf(field))}${index + 2}`,
    row: (changes = {}) =>
      keys.map((key) => (key in changes ? changes[key] : VALID[profileId][key])),
  };
}

/** Lets the session see what the user did (events run, the round finishes). */
export async function settled(book: TemplateWorkbook): Promise<void> {
  await book.excel.settle();
  await book.session.idle();
}

/** A valid row whose identifiers are unique to `i` (so rows are not duplicates). */
export function uniqueValidRow(
  book: TemplateWorkbook,
  i: number,
  changes: Record<string, Cell> = {}
): Cell[] {
  const enterprise = belgianNumber(`0${String(i).padStart(7, "0")}`);
  return book.row({
    companyName: `Client ${i}`,
    enterpriseNumber: enterprise,
    vatNumber: `BE${enterprise}`,
    configurationTemplate: "",
    ...changes,
  });
}

/**
 * A session on the active sheet as the user maps it (detected columns, no corrections): the
 * sheet must already hold its header row.
 */
export async function openSheetArea(excel: FakeExcel, profileId: ProfileId = "ma") {
  const profile = getProfile(profileId);
  const run = runOf(excel);
  const detected = await detectActiveSheet(run, profile);
  if (!detected) throw new Error("no header row found on the active sheet");
  const spec = sheetAreaSpec(detected, {}, profile);
  await saveAreaSpec(run, spec);
  const session = await LiveSession.open({
    run,
    profile,
    spec,
    requirements: excel.requirements,
  });
  return { session, spec };
}
