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

/**
 * The first row of each identity, in an open-addressing table sized once for `count` keys. A
 * Map grows and rehashes all the way through a large paste's fresh keys: five times slower.
 */
export class FirstRows {
  private slots = new Int32Array(0);
  private mask = 0;
  private readonly keys: string[] = [];
  private readonly rows: number[] = [];

  constructor(count: number) {
    this.size(count);
  }

  /** The first row seen with `key`, or -1 when this is the first (then it is remembered). */
  firstOrAdd(key: string, row: number): number {
    for (let slot = hashOf(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === -1) {
        this.slots[slot] = this.keys.length;
        this.keys.push(key);
        this.rows.push(row);
        // Never more than half full: a probe always ends on a free slot.
        if (this.keys.length * 2 > this.slots.length) this.size(this.keys.length * 2);
        return -1;
      }
      if (this.keys[entry] === key) return this.rows[entry]!;
    }
  }

  private size(count: number): void {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.keys.forEach((key, entry) => {
      let slot = hashOf(key) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    });
  }
}

/** FNV-1a over the UTF-16 code units: quick, and spread enough for identifiers. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
