/**
 * `npm run bench`: one JSON object per line, {"name", "value", "unit"}. Figures are measured
 * in this run only; ratios compare runs made back to back on the same rows.
 */
import {
  countryNameIndex,
  getProfile,
  languageNameIndex,
  Validator,
  type ProfileId,
} from "../src/core";
import { baselineValidate } from "./baseline";
import { generateRows } from "../testkit/generate-rows";
import { benchExcelChange } from "./excel-change";
import { benchLoad } from "./load";
import { benchPaneFit } from "./pane-fit";
import { benchPaneLoad } from "./pane-load";
import { benchRegistry } from "./registry";
import { benchServerCheck } from "./server-check";
import { benchSheetSubmit } from "./sheet-submit";
import { benchSubmit } from "./submit";

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);
}

/** Collects garbage between timed runs when node runs with --expose-gc (bench/run.mjs does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function millis(work: () => void): number {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs the baseline and the engine back to back, several times: the median of each, and the
 * median of the per-pair ratios, so that a disturbance of the machine hits both sides alike.
 */
function paired(runs: number, baseline: () => void, engine: () => void) {
  const baselineTimes: number[] = [];
  const engineTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = millis(baseline);
    const e = millis(engine);
    baselineTimes.push(b);
    engineTimes.push(e);
    ratios.push(e / b);
  }
  return { baseline: median(baselineTimes), engine: median(engineTimes), ratio: median(ratios) };
}

function benchIndexes(): void {
  countryNameIndex.reset();
  languageNameIndex.reset();
  countryNameIndex.get();
  languageNameIndex.get();
  emit("index_build_country_names", countryNameIndex.buildMillis, "ms");
  emit("index_build_language_names", languageNameIndex.buildMillis, "ms");
}

function benchValidation(id: ProfileId): void {
  const profile = getProfile(id);
  const keys = profile.fields.map((field) => field.key);
  const validator = new Validator(profile);
  const inputs = (rows: ReturnType<typeof generateRows>) =>
    rows.map((cells, i) => ({ row: i + 2, cells }));
  validator.validateRows(inputs(generateRows(id, 5_000, keys, 7))); // warm-up: JIT and lazy indexes
  for (const count of [10_000, 100_000]) {
    const rows = generateRows(id, count, keys);
    const rowInputs = inputs(rows);
    const runs = count > 10_000 ? 7 : 21;
    const timing = paired(
      runs,
      () => baselineValidate(profile, rows),
      () => validator.validateRows(rowInputs)
    );
    const label = `${count / 1000}k`;
    emit(`validate_${id}_${label}`, count / (timing.engine / 1000), "rows/s");
    emit(`baseline_${id}_${label}`, count / (timing.baseline / 1000), "rows/s");
    emit(`validate_vs_baseline_${id}_${label}`, timing.ratio, "ratio");
  }
}

/** The bench's parts, by name: `BENCH_ONLY=submit,sheet npm run bench` runs those alone. */
const PARTS: Record<string, () => void | Promise<void>> = {
  indexes: benchIndexes,
  validate: () => {
    benchValidation("be");
    benchValidation("ma");
  },
  change: () => benchExcelChange(emit),
  submit: () => benchSubmit(emit),
  sheet: () => benchSheetSubmit(emit),
  load: () => benchLoad(emit),
  pane: () => benchPaneLoad(emit),
  fit: () => benchPaneFit(emit),
  registry: () => benchRegistry(emit),
  check: () => benchServerCheck(emit),
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
  const unknown = only?.filter((name) => !(name in PARTS)) ?? [];
  if (unknown.length > 0)
    throw new Error(`no part ${unknown.join(", ")}; the parts: ${Object.keys(PARTS).join(", ")}`);
  for (const [name, part] of Object.entries(PARTS)) if (!only || only.includes(name)) await part();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
