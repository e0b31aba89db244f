import { getProfile, Validator, type Cell } from "../src/core";
import { columnLetters, insertTemplate, LiveSession } from "../src/excel";
import { FakeExcel } from "../in-memory-excel";
import { runOf } from "../testkit/excel-run";
import { generateRows } from "../testkit/generate-rows";

type Emit = (name: string, value: number, unit: string) => void;

/**
 * One change event in the Excel fake, from the user's paste to the last highlight written:
 * the syncs it cost, the range operations it queued, its wall time, and the add-in's own part
 * of it (the fake has no network; its own work, the paste and Excel's side of each sync, is
 * measured and left out).
 */
export async function benchExcelChange(emit: Emit): Promise<void> {
  const profile = getProfile("be");
  const keys = profile.fields.map((field) => field.key);
  for (const [label, count] of [
    ["1", 1],
    ["1k", 1_000],
    ["10k", 10_000],
  ] as const) {
    const rows = generateRows("be", count, keys, 11);
    const first = await pasteInto(profile, rows);
    emit(`syncs_per_change_${label}`, first.syncs, "syncs");
    emit(`range_operations_per_change_${label}`, first.rangeOperations, "operations");
    emit(`operations_per_change_${label}`, first.operations, "operations");
    emit(`change_wall_time_${label}`, first.elapsed, "ms");
    emit(`change_addin_time_${label}`, first.addinMillis, "ms");
    if (count !== 10_000) continue;
    // The core's time is that of warm code (it judged the same rows before): the change it is
    // compared with is a second one, in a new workbook, with the add-in's code as warm.
    // Five of them, the median kept: one change varies by a third from run to run here (the
    // collector's pauses fall where they fall).
    const warm = [
      await pasteInto(profile, rows, async (excel, session, sheet) =>
        unchangedEdit(emit, excel, session, sheet, keys)
      ),
    ];
    while (warm.length < 5) warm.push(await pasteInto(profile, rows));
    const warmMillis = warm.map((change) => change.addinMillis).sort((a, b) => a - b)[2]!;
    emit("change_addin_time_10k_warm", warmMillis, "ms");
    emit("change_overhead_10k", warmMillis / coreMillis(profile, rows), "ratio");
  }
}

/** A paste of `rows` into a new template, measured from the paste to the last key written. */
async function pasteInto(
  profile: ReturnType<typeof getProfile>,
  rows: Cell[][],
  after?: (excel: FakeExcel, session: LiveSession, sheet: string) => Promise<void>
) {
  const excel = new FakeExcel();
  const run = runOf(excel);
  const { sheet, spec } = await insertTemplate(run, profile, "fr");
  const session = await LiveSession.open({ run, profile, spec, requirements: excel.requirements });
  excel.resetCounters();
  const started = performance.now();
  await excel.user.type(sheet, "A2", rows);
  const typed = performance.now();
  await excel.settle();
  await session.idle();
  const elapsed = performance.now() - started;
  const { syncs, rangeOperations, operations, excelMillis } = excel.counters;
  await after?.(excel, session, sheet);
  await session.close();
  // The add-in's own time: without the paste itself nor Excel's part of the syncs, which
  // the in-memory Excel does in JavaScript and Excel does natively.
  const addinMillis = elapsed - (typed - started) - excelMillis;
  return { syncs, rangeOperations, operations, elapsed, addinMillis };
}

/**
 * What the core alone takes to judge the rows a change brought (the median of a few runs,
 * after one to warm up): what the change's wall time is compared with.
 */
function coreMillis(profile: ReturnType<typeof getProfile>, rows: Cell[][]): number {
  const inputs = rows.map((cells, i) => ({ row: i + 2, cells }));
  const validator = new Validator(profile);
  validator.validateRows(inputs);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    validator.validateRows(inputs);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/**
 * An edit that changes no verdict on the 10,000-row sheet (a valid city for another valid
 * one): the range writes it caused (goal 0: the user's undo stack is left alone) and its syncs.
 */
async function unchangedEdit(
  emit: Emit,
  excel: FakeExcel,
  session: LiveSession,
  sheet: string,
  keys: string[]
): Promise<void> {
  const column = columnLetters(keys.indexOf("city"));
  const row = Array.from({ length: session.rows!.length }, (_, i) => i).find(
    (index) => session.problemsOf(index).length === 0
  )!;
  const address = `${column}${session.rows!.firstRow + row}`;
  excel.resetCounters();
  await excel.user.type(sheet, address, [["Ottignies-Louvain-la-Neuve"]]);
  await excel.settle();
  await session.idle();
  if (session.problemsOf(row).length) throw new Error("the bench's edit changed a verdict");
  emit("writes_per_unchanged_edit", excel.counters.rangeWrites, "range writes");
  emit("syncs_per_unchanged_edit", excel.counters.syncs, "syncs");
}
