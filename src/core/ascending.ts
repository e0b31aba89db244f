/**
 * Lists of row indexes in ascending order, as the live checks pass them around. Merged in one
 * pass: a paste of 10,000 rows should not go through a set and a sort.
 */

/** The indexes in `a` or `b` (each ascending, without repeats), ascending, without repeats. */
export function unionAscending(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    out.push(x <= y ? x : y);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out;
}

/** `count` indexes from `first`: `first`, `first + 1`, … */
export function indexRange(first: number, count: number): number[] {
  const out = new Array<number>(Math.max(0, count));
  for (let k = 0; k < count; k++) out[k] = first + k;
  return out;
}
