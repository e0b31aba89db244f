/**
 * `npm run bench`: one JSON object per line, {"name", "value", "unit"}. Figures are measured
 * in this run only; ratios compare runs made side by side on the same rows.
 */
import {
  countryNameIndex,
  getProfile,
  languageNameIndex,
  Validator,
  type ProfileId,
} from "../src/core";
import { baselineValidate } from "./baseline";
import { generateRows } from "./generate-rows";

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(4)), unit })}\n`);
}

/** The fastest of a few runs: the least disturbed by the rest of the machine. */
function bestMillis(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
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
    const runs = count > 10_000 ? 3 : 5;
    const engine = bestMillis(runs, () => validator.validateRows(rowInputs));
    const baseline = bestMillis(runs, () => baselineValidate(profile, rows));
    const label = `${count / 1000}k`;
    emit(`validate_${id}_${label}`, count / (engine / 1000), "rows/s");
    emit(`baseline_${id}_${label}`, count / (baseline / 1000), "rows/s");
    emit(`validate_vs_baseline_${id}_${label}`, engine / baseline, "ratio");
  }
}

benchIndexes();
benchValidation("be");
benchValidation("ma");
