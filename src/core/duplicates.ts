import type { Problem } from "./problem";

/** At most this many other rows are named in a duplicate message; the rest are counted. */
export const DUPLICATE_ROWS_NAMED = 3;

/**
 * The problem of a row whose identifier other rows share. It names the first few of them
 * and counts the rest, so 10,000 identical rows make 10,000 short messages, not 10,000².
 *
 * `nearest`: the group's first sheet rows in ascending order (at least one more than are
 * named, the row itself may be among them); `size`: how many rows the group has.
 * `sameField`: every row of the group holds the value in this same column; otherwise some
 * hold the same company another way (an enterprise number here, a VAT number there).
 */
export function duplicateProblem(
  row: number,
  field: string,
  nearest: readonly number[],
  size: number,
  sameField: boolean
): Problem {
  const named: number[] = [];
  for (const other of nearest) {
    if (other !== row && named.length < DUPLICATE_ROWS_NAMED) named.push(other);
  }
  return {
    row,
    field,
    code: `${field}.${sameField ? "duplicate" : "sameCompany"}`,
    params: { rows: named, more: size - 1 - named.length },
    fix: null,
  };
}

/** The `count` smallest numbers of a collection, ascending: one pass, no sort of the whole. */
export function smallest(numbers: Iterable<number>, count: number): number[] {
  const kept: number[] = [];
  for (const n of numbers) {
    if (kept.length === count && n >= kept[count - 1]!) continue;
    let at = kept.length === count ? count - 1 : kept.length;
    while (at > 0 && kept[at - 1]! > n) {
      kept[at] = kept[at - 1]!;
      at--;
    }
    kept[at] = n;
  }
  return kept;
}
