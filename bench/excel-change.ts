import { performance as nodePerformance } from "node:perf_hooks";
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
    // The core's time is that of warm code (it judged the same rows before): each change it is
    // compared with is a later one, in a new workbook, with the add-in's code as warm. Five
    // pairs, a change then the core on the same rows, the median of their ratios kept: one
    // change varies by a third from run to run here (the collector's pauses fall where they
    // fall), and the machine's pace drifts between the two halves of a run as much.
    const validator = new Validator(profile);
    const inputs = rows.map((cells, i) => ({ row: i + 2, cells }));
    validator.validateRows(inputs);
    const pairs: { addin: number; core: number }[] = [];
    for (let pair = 0; pair < 5; pair++) {
      const change = await pasteInto(profile, rows, (excel, session, sheet) =>
        pair === 0 ? unchangedEdit(emit, excel, session, sheet, keys) : Promise.resolve()
      );
      pairs.push({ addin: change.addinMillis, core: coreMillis(validator, inputs) });
    }
    emit("change_addin_time_10k_warm", median(pairs.map((pair) => pair.addin)), "ms");
    emit("change_core_time_10k", median(pairs.map((pair) => pair.core)), "ms");
    emit("change_overhead_10k", median(pairs.map((pair) => pair.addin / pair.core)), "ratio");
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Collects the in-memory Excel's young garbage when node runs with --expose-gc (bench/run.mjs
 * does): a paste made in it leaves a new object per cell on the add-in's heap, where Excel's
 * own paste leaves nothing, and its collection would be timed as the add-in's.
 */
const collectPasteGarbage = () => {
  const gc = (globalThis as { gc?: (options: { type: string }) => void }).gc;
  // Twice: a young object is moved once, then promoted, by the collector of young objects.
  gc?.({ type: "minor" });
  gc?.({ type: "minor" });
};

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
  collectPasteGarbage();
  const typed = performance.now();
  const loopBefore = nodePerformance.eventLoopUtilization();
  // The change ends when the session is idle again; what the test harness does after (its
  // settling waits on timers) is not timed, unless it let more of the session's work run.
  await session.idle();
  if (excel.counters.syncs === 0) throw new Error("the bench's paste brought no round");
  let ended = performance.now();
  const syncsThen = excel.counters.syncs;
  await excel.settle();
  await session.idle();
  if (excel.counters.syncs !== syncsThen) ended = performance.now();
  const elapsed = ended - started;
  // Time the event loop sat idle, waiting on a timer: the syncs' round trips (a timer tick
  // here, at least a millisecond in Node; the network in Excel), where the add-in waits.
  const waited = nodePerformance.eventLoopUtilization(loopBefore).idle;
  const { syncs, rangeOperations, operations, excelMillis } = excel.counters;
  await after?.(excel, session, sheet);
  await session.close();
  // The add-in's own time: without the paste itself, Excel's part of the syncs (which the
  // in-memory Excel does in JavaScript and Excel does natively) nor the syncs' round trips
  // (a timer tick here, the network in Excel), where the add-in waits.
  const addinMillis = elapsed - (typed - started) - excelMillis - waited;
  return { syncs, rangeOperations, operations, elapsed, addinMillis };
}

/**
 * What the core alone takes to judge the rows a change brought: the better of two runs (the
 * first may meet the collector's pause for the change's garbage).
 */
function coreMillis(validator: Validator, inputs: { row: number; cells: Cell[] }[]): number {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    validator.validateRows(inputs);
    best = Math.min(best, performance.now() - started);
  }
  return best;
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
