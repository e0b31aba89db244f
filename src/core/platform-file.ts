import { fieldPositions, platformHeaderOf, type Profile } from "./profile";
import { sheetTextOf } from "./merge";
import type { Normalized } from "./rules";
import type { Cell } from "./text";
import type { Problem } from "./problem";
import { Validator, type RowInput, type ValidateOptions } from "./validate";

/**
 * The platform's own import file (Belgium's "Importer des clients", Morocco's columns A–L:
 * docs/rules.md), as
 * data: its headers in its order, and one line of text cells per row that is valid once its
 * certain fixes are applied. Rows still invalid are left out with their problems, never
 * written half-right.
 */
export interface PlatformFile {
  headers: string[];
  /** Text cells in the platform's order; "" for an empty cell. */
  lines: string[][];
  /** The sheet row each line came from. */
  lineRows: number[];
  /** Rows left out, with what is still wrong after the certain fixes. */
  leftOut: { row: number; problems: Problem[] }[];
}

/** Certain fixes may reveal another (a country fixed, then its postal code judged): a few rounds. */
const FIX_ROUNDS = 3;

/** The headers of the platform's file: its words, and its `*` on required columns if it marks them. */
function platformHeaders(profile: Profile): string[] {
  return profile.fields.map(
    (field) =>
      platformHeaderOf(field) + (profile.platformMarksRequired && field.required ? " *" : "")
  );
}

/**
 * Builds the platform's file from a sheet's rows, judged with the sheet's options (header
 * language, the partner's template names). A column the sheet lacks is judged empty here, not
 * skipped: the platform needs every required column. Duplicates are judged across the fixed
 * rows, as the platform would: each row that has one is left out.
 */
export function platformFile(
  profile: Profile,
  options: ValidateOptions,
  inputs: Iterable<RowInput>
): PlatformFile {
  const validator = new Validator(profile, { ...options, absentFields: undefined });
  const positions = fieldPositions(profile);
  const fixed: RowInput[] = [];
  // Each fixed row's values as last judged: a row left valid is written with them.
  const valuesOf = new Map<number, (Normalized | undefined)[]>();
  for (const input of inputs) {
    let cells: readonly Cell[] = input.cells;
    for (let round = 0; ; round++) {
      const judged = validator.validateRow({ row: input.row, cells });
      if (!judged) break;
      const fixes = judged.problems.filter((problem) => problem.fix !== null);
      if (fixes.length === 0 || round === FIX_ROUNDS) {
        valuesOf.set(input.row, judged.values);
        break;
      }
      const next = [...cells];
      for (const problem of fixes) next[positions.get(problem.field)!] = problem.fix;
      cells = next;
    }
    fixed.push({ row: input.row, cells });
  }
  // Judged together now, for what one row cannot show: duplicates.
  const judged = validator.validateRows(fixed);
  const problemsByRow = new Map<number, Problem[]>();
  for (const problem of judged.problems) {
    const list = problemsByRow.get(problem.row);
    if (list) list.push(problem);
    else problemsByRow.set(problem.row, [problem]);
  }
  const file: PlatformFile = {
    headers: platformHeaders(profile),
    lines: [],
    lineRows: [],
    leftOut: [],
  };
  for (const input of fixed) {
    // Never judged to its end: an empty row, which is no row.
    if (!valuesOf.has(input.row)) continue;
    const problems = problemsByRow.get(input.row);
    if (problems) {
      file.leftOut.push({ row: input.row, problems });
      continue;
    }
    file.lines.push(valuesOf.get(input.row)!.map(platformText));
    file.lineRows.push(input.row);
  }
  return file;
}

/** A normalized value as the platform's file writes it: Yes/No in the platform's French. */
function platformText(value: Normalized | undefined): string {
  return sheetTextOf(value, "fr");
}
