import type { Params } from "./rules";

/**
 * One problem with one cell: a stable code (docs/rules.md lists them all), and the fix when
 * exactly one value is meant.
 */
export interface Problem {
  /** The sheet's 1-based row number. */
  row: number;
  field: string;
  /** `field.reason`, e.g. `enterpriseNumber.checksum`. */
  code: string;
  params?: Params;
  fix: string | null;
}

export function problemOf(
  row: number,
  field: string,
  reason: string,
  params?: Params,
  fix?: string
): Problem {
  const problem: Problem = { row, field, code: `${field}.${reason}`, fix: fix ?? null };
  if (params) problem.params = params;
  return problem;
}
