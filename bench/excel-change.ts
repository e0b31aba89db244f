import { getProfile } from "../src/core";
import { insertTemplate, LiveSession } from "../src/excel";
import { FakeExcel } from "../test/excel-fake";
import { runOf } from "../test/excel/helpers";
import { generateRows } from "./generate-rows";

type Emit = (name: string, value: number, unit: string) => void;

/**
 * One change event in the Excel fake, from the user's paste to the last highlight written:
 * the syncs it cost, the range operations it queued and its wall time. The fake has no
 * network, so the time is the add-in's own work (Excel's round trips come on top).
 */
export async function benchExcelChange(emit: Emit): Promise<void> {
  const profile = getProfile("be");
  const keys = profile.fields.map((field) => field.key);
  for (const [label, count] of [
    ["1", 1],
    ["1k", 1_000],
    ["10k", 10_000],
  ] as const) {
    const excel = new FakeExcel();
    const run = runOf(excel);
    const { sheet, spec } = await insertTemplate(run, profile, "fr");
    const session = await LiveSession.open({ run, profile, spec });
    const rows = generateRows("be", count, keys, 11);
    excel.resetCounters();
    const started = performance.now();
    await excel.user.type(sheet, "A2", rows);
    await excel.settle();
    await session.idle();
    const elapsed = performance.now() - started;
    const { syncs, rangeOperations, operations } = excel.counters;
    emit(`syncs_per_change_${label}`, syncs, "syncs");
    emit(`range_operations_per_change_${label}`, rangeOperations, "operations");
    emit(`operations_per_change_${label}`, operations, "operations");
    emit(`change_wall_time_${label}`, elapsed, "ms");
    await session.close();
  }
}
