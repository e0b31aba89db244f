import type { Problem } from "./problem";
import { fieldPositions, type Profile } from "./profile";

/** The problems that share a field and a code, for the pane's grouped list. */
export interface ProblemGroup {
  field: string;
  code: string;
  /** Row indexes (0-based within the data) that have this problem. */
  rows: number[];
  /** How many of them have a certain fix. */
  fixable: number;
}

/**
 * The problems of rows [0, count) grouped by field and code, in profile column order, then by
 * code; `problemsOf` gives a row's problems (none for an empty row).
 */
export function groupProblems(
  profile: Profile,
  count: number,
  problemsOf: (index: number) => readonly Problem[]
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (let i = 0; i < count; i++) {
    for (const problem of problemsOf(i)) {
      const key = `${problem.field}\u0000${problem.code}`;
      let group = groups.get(key);
      if (!group) {
        group = { field: problem.field, code: problem.code, rows: [], fixable: 0 };
        groups.set(key, group);
      }
      group.rows.push(i);
      if (problem.fix !== null) group.fixable++;
    }
  }
  const order = fieldPositions(profile);
  return [...groups.values()].sort(
    (a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0) || a.code.localeCompare(b.code)
  );
}
