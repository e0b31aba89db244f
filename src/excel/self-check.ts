import type { Profile } from "../core";
import { cellAddress, columnLetters } from "./address";
import { dataRowCount, firstDataRow, type AreaGeometry } from "./area";
import { highlightProbe } from "./highlight";
import { oneRuleOverArea, RuleSurvey } from "./health";
import { LiveSession } from "./session";
import { insertTemplate, type TemplatePlace } from "./import-table";
import { describeError, type ExcelRun, type HostRequirements } from "./run";

/**
 * "Check this Excel" (development builds): replays, on a scratch sheet and through the API,
 * what real hands do to a sheet, and asks Excel itself whether the add-in held. Each highlight
 * is judged by Excel: a formula equal to the highlight rule, written next to the data, says
 * whether the rule paints a cell in this Excel's locale. What only a person can do (Ctrl+Z,
 * typing in a cell while the add-in writes) is in docs/device-checks.md.
 */

type SelfCheckId =
  | "keysInLocale"
  | "pasteWithFormats"
  | "sortFollowed"
  | "columnInserted"
  | "rowMovedUnderWrite"
  | "totalRow";

export interface SelfCheckResult {
  id: SelfCheckId;
  /** "skipped": this Excel lacks the API the scenario needs. */
  outcome: "held" | "failed" | "skipped";
  /** What did not hold, in a developer's words (not translated: this is a development tool). */
  detail?: string;
}

/** The scratch template: its own table, sheet and keys, never the workbook's client area. */
const SCRATCH: TemplatePlace = {
  table: "BanqupSelfCheck",
  sheetTitle: "Banqup self-check",
  checksSheet: "BanqupSelfCheckKeys",
  remember: false,
};

/** How long an event Excel raises for a change may take to be judged. */
const EVENT_WAIT_MS = 5_000;

/** Country cells of the scratch rows: a number, a boolean and a long number (wrong), a code. */
const COUNTRIES: readonly (string | number | boolean)[] = [1.5, true, 12345678901234500, "BE"];

interface Scratch {
  run: ExcelRun;
  requirements: HostRequirements;
  profile: Profile;
  session: LiveSession;
  sheet: string;
}

export async function runSelfCheck(options: {
  run: ExcelRun;
  profile: Profile;
  requirements: HostRequirements;
  onResult?: (result: SelfCheckResult) => void;
}): Promise<SelfCheckResult[]> {
  const { run, profile, requirements } = options;
  const results: SelfCheckResult[] = [];
  const report = (result: SelfCheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  const active = await run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    return sheet.name;
  });
  await removeScratch(run);
  const inserted = await insertTemplate(run, profile, "en", SCRATCH);
  const session = await LiveSession.open({
    run,
    profile,
    spec: inserted.spec,
    requirements,
    checksSheet: SCRATCH.checksSheet,
    ownWritesAreUsers: true,
  });
  const scratch: Scratch = { run, requirements, profile, session, sheet: inserted.sheet };
  const scenarios: [SelfCheckId, () => Promise<string | undefined>, string?][] = [
    ["keysInLocale", () => keysInLocale(scratch)],
    ["pasteWithFormats", () => pasteWithFormats(scratch), "1.9"],
    ["sortFollowed", () => sortFollowed(scratch)],
    ["columnInserted", () => columnInserted(scratch)],
    ["rowMovedUnderWrite", () => rowMovedUnderWrite(scratch)],
    ["totalRow", () => totalRow(scratch)],
  ];
  try {
    for (const [id, scenario, needs] of scenarios) {
      if (needs && !requirements.isSetSupported("ExcelApi", needs)) {
        report({ id, outcome: "skipped", detail: `needs ExcelApi ${needs}` });
        continue;
      }
      try {
        const failure = await scenario();
        report(failure ? { id, outcome: "failed", detail: failure } : { id, outcome: "held" });
      } catch (error) {
        report({ id, outcome: "failed", detail: describeError(error) });
      }
    }
  } finally {
    await session.close();
    await removeScratch(run);
    // The user is back where they were.
    await run(async (context) => {
      context.workbook.worksheets.getItem(active).activate();
      await context.sync();
    });
  }
  return results;
}

async function removeScratch(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const sheet of sheets.items)
      if (sheet.name.startsWith(SCRATCH.sheetTitle) || sheet.name === SCRATCH.checksSheet)
        sheet.delete();
    await context.sync();
  });
}

/** Does something through the API, then waits until the session judged the event it raised. */
async function act(
  scratch: Scratch,
  action: (context: Excel.RequestContext, sheet: Excel.Worksheet) => void
): Promise<string | undefined> {
  const { session } = scratch;
  const before = session.roundsDone;
  await scratch.run(async (context) => {
    action(context, context.workbook.worksheets.getItem(scratch.sheet));
    await context.sync();
  });
  const started = Date.now();
  while (session.roundsDone === before || session.busy) {
    if (Date.now() - started > EVENT_WAIT_MS) {
      await session.reload();
      return `no change event was judged within ${EVENT_WAIT_MS / 1000} s`;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

function columnOf(geometry: AreaGeometry, profile: Profile, key: string): number {
  const position = profile.fields.findIndex((field) => field.key === key);
  return geometry.firstColumn + geometry.mapping.columns[position]!;
}

/**
 * Asks Excel whether the highlight rule paints each cell of a column (a probe formula per
 * cell, written right of the data, read, then cleared), against the session's own verdicts.
 */
async function highlightsMatch(scratch: Scratch, key: string): Promise<string | undefined> {
  const { session, profile } = scratch;
  const geometry = session.geometry!;
  const column = columnOf(geometry, profile, key);
  const count = dataRowCount(geometry);
  const top = firstDataRow(geometry);
  const probeColumn = geometry.lastColumn + 3;
  const painted = await scratch.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.sheet);
    const probes = sheet.getRangeByIndexes(top, probeColumn, count, 1);
    probes.formulas = Array.from({ length: count }, (_, i) => [
      highlightProbe(cellAddress(top + i, column), SCRATCH.checksSheet),
    ]);
    probes.load("values");
    await context.sync();
    const values = probes.values.map((line) => line[0] === true);
    probes.clear("Contents");
    await context.sync();
    return values;
  });
  const wrong = painted.flatMap((paints, i) => {
    const expected = session.problemsOf(i).some((problem) => problem.field === key);
    return paints === expected
      ? []
      : [`${cellAddress(top + i, column)} ${paints ? "painted" : "not painted"}`];
  });
  return wrong.length ? `Excel's highlight disagrees: ${wrong.join(", ")}` : undefined;
}

/** Exactly one highlight rule over the area's columns, as Excel has it now. */
async function oneRule(scratch: Scratch): Promise<string | undefined> {
  const geometry = scratch.session.geometry!;
  const fine = await scratch.run(async (context) => {
    const survey = new RuleSurvey(context, scratch.sheet);
    await context.sync();
    survey.queueDetails();
    await context.sync();
    return oneRuleOverArea(survey.ours(SCRATCH.checksSheet), geometry);
  });
  return fine ? undefined : "not exactly one highlight rule over the data";
}

/** Numbers, booleans and long numbers compare as Excel compares them, in this locale. */
async function keysInLocale(scratch: Scratch): Promise<string | undefined> {
  const { profile } = scratch;
  const names = profile.fields.map((field) => field.key);
  const row = (country: string | number | boolean, i: number) =>
    names.map((key) =>
      key === "country" ? country : key === "companyName" ? `Self-check ${i + 1}` : ""
    );
  const waited = await act(scratch, (context) => {
    const table = context.workbook.tables.getItem(SCRATCH.table);
    const rows = COUNTRIES.map(row).map((line) => [...line, ""]);
    table.getDataBodyRange().values = [rows[0]!];
    table.rows.add(undefined, rows.slice(1));
  });
  return waited ?? (await highlightsMatch(scratch, "country"));
}

/** A paste of cells from elsewhere (copyFrom with formats): highlights, text format, drop-downs. */
async function pasteWithFormats(scratch: Scratch): Promise<string | undefined> {
  const { session, profile } = scratch;
  const geometry = session.geometry!;
  const top = firstDataRow(geometry);
  const country = columnOf(geometry, profile, "country");
  const identifier = profile.fields.find((field) => field.identifier)!.key;
  const idColumn = columnOf(geometry, profile, identifier);
  const source = geometry.lastColumn + 5;
  const waited = await act(scratch, (_context, sheet) => {
    const from = sheet.getRangeByIndexes(top, source, 1, 2);
    from.numberFormat = [["General", "General"]];
    from.values = [["XX", 403019261]];
    if (scratch.requirements.isSetSupported("ExcelApi", "1.9")) {
      sheet.getRangeByIndexes(top, country, 1, 1).copyFrom(from.getCell(0, 0), "All");
      sheet.getRangeByIndexes(top, idColumn, 1, 1).copyFrom(from.getCell(0, 1), "All");
    }
    from.clear("All");
  });
  if (waited) return waited;
  const [format, validation] = await scratch.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.sheet);
    const id = sheet.getRangeByIndexes(top, idColumn, 1, 1).load("numberFormat");
    const list = sheet.getRangeByIndexes(top, country, 1, 1).dataValidation.load("type");
    await context.sync();
    return [id.numberFormat[0]![0], list.type];
  });
  if (format !== "@") return `the ${columnLetters(idColumn)} column lost its text format`;
  if (validation !== "List") return `the drop-down in ${columnLetters(country)} is gone`;
  return (
    (await highlightsMatch(scratch, "country")) ??
    (await highlightsMatch(scratch, identifier)) ??
    (await oneRule(scratch))
  );
}

/** Data → Sort (onRowSorted, no onChanged): the highlights follow the rows. */
async function sortFollowed(scratch: Scratch): Promise<string | undefined> {
  const { profile } = scratch;
  const geometry = scratch.session.geometry!;
  const key = columnOf(geometry, profile, "companyName") - geometry.firstColumn;
  const waited = await act(scratch, (context) => {
    const body = context.workbook.tables.getItem(SCRATCH.table).getDataBodyRange();
    body.sort.apply([{ key, ascending: false }]);
  });
  return waited ?? (await highlightsMatch(scratch, "country"));
}

/** A column inserted inside the table: one rule over the new width, highlights in place. */
async function columnInserted(scratch: Scratch): Promise<string | undefined> {
  const geometry = scratch.session.geometry!;
  const inside = columnLetters(geometry.firstColumn + 1);
  const waited = await act(scratch, (_context, sheet) => {
    sheet.getRange(`${inside}:${inside}`).insert("Right");
  });
  return waited ?? (await oneRule(scratch)) ?? (await highlightsMatch(scratch, "country"));
}

/** A row deleted above a row whose status is on its way: the status reaches its own row. */
async function rowMovedUnderWrite(scratch: Scratch): Promise<string | undefined> {
  const { session } = scratch;
  const geometry = session.geometry!;
  const row = session.snapshot(2);
  if (!row || geometry.statusColumn === undefined) return "the scratch table has no third row";
  await scratch.run(async (context) => {
    // No waiting for the event: the write must find the row by itself.
    context.workbook.worksheets
      .getItem(scratch.sheet)
      .getRange(`${firstDataRow(geometry) + 2}:${firstDataRow(geometry) + 2}`)
      .delete("Up");
    await context.sync();
  });
  const [outcome] = await session.writeRows([{ row, status: { text: "self-check" } }]);
  if (!outcome?.written) return `the status was not written (${outcome?.reason ?? "no outcome"})`;
  const now = session.geometry!;
  const at = firstDataRow(now) + outcome.index;
  const name = columnOf(now, scratch.profile, "companyName");
  const [status, company] = await scratch.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.sheet);
    const statusCell = sheet
      .getRangeByIndexes(at, now.firstColumn + now.statusColumn!, 1, 1)
      .load("values");
    const nameCell = sheet.getRangeByIndexes(at, name, 1, 1).load("values");
    await context.sync();
    return [statusCell.values[0]![0], nameCell.values[0]![0]];
  });
  const expected =
    row.cells[scratch.profile.fields.findIndex((field) => field.key === "companyName")];
  if (status !== "self-check" || company !== expected)
    return `the status reached ${String(company)}, not ${String(expected)}`;
  return undefined;
}

/** A total row shown under the data is not judged as a client. */
async function totalRow(scratch: Scratch): Promise<string | undefined> {
  const { session } = scratch;
  const rows = session.summary().rows;
  const waited = await act(scratch, (context) => {
    context.workbook.tables.getItem(SCRATCH.table).showTotals = true;
  });
  if (waited) return waited;
  const counted = session.summary().rows;
  await act(scratch, (context) => {
    context.workbook.tables.getItem(SCRATCH.table).showTotals = false;
  });
  return counted === rows ? undefined : `the total row was counted as a client (${counted} rows)`;
}
