import { hashOf } from "./string-hash";
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
 * The rows that share an identity, found while the rows are judged. `slots[u]` is the slot of
 * unique column `u`: columns in one slot are compared with each other (a VAT number meets
 * enterprise numbers there). Rows must be added in order, each row's columns together.
 *
 * Made once and `reset` for each set of rows: on a large paste, fresh memory is what costs
 * (growing arrays, new pages), so the tables keep theirs from one set to the next.
 */
export class SharedIdentities {
  /** Per slot, the first row of each identity and the columns it holds it in. */
  private readonly firsts: FirstRows[];
  /** Per slot, only for identities seen in two rows or more: those rows and their columns. */
  private groups: Map<string, Group>[] = [];
  // The last identity added, kept because a row's next column often holds the same.
  private lastIdentity = "";
  private lastSlot = -1;
  private lastIndex = -1;
  private lastEntry = -1;

  constructor(private readonly slots: readonly number[]) {
    this.firsts = Array.from({ length: Math.max(-1, ...slots) + 1 }, () => new FirstRows());
  }

  /**
   * Forgets every row, ready for `expected` more (sized for one identity a row: where two
   * columns share a slot, most rows hold one company in both, and a table grows if need be).
   */
  reset(expected: number): void {
    for (const firsts of this.firsts) firsts.reset(expected);
    this.groups = this.firsts.map(() => new Map<string, Group>());
    this.lastIndex = -1;
  }

  /** Row `index` holds `identity` in unique column `u`. */
  add(identity: string, index: number, u: number): void {
    const slot = this.slots[u]!;
    const column = 1 << u;
    const firsts = this.firsts[slot]!;
    // A VAT number after its enterprise number: the same entry, without a second lookup.
    const entry =
      this.lastIndex === index && this.lastSlot === slot && this.lastIdentity === identity
        ? this.lastEntry
        : firsts.entryOf(identity, index);
    this.lastIdentity = identity;
    this.lastSlot = slot;
    this.lastIndex = index;
    this.lastEntry = entry;
    const first = firsts.rowAt(entry);
    // First seen in this row (maybe in another column too: a company is no duplicate of itself).
    if (first === index) return firsts.addColumn(entry, column);
    const group = this.groups[slot]!.get(identity);
    if (!group)
      this.groups[slot]!.set(identity, {
        rows: [first, index],
        columns: [firsts.columnsAt(entry), column],
      });
    else if (group.rows[group.rows.length - 1] === index)
      group.columns[group.rows.length - 1]! |= column;
    else {
      group.rows.push(index);
      group.columns.push(column);
    }
  }

  /**
   * Each duplicate problem, with the index of its row: every row of a group, in each unique
   * column it holds the group's identity in. `rowNumbers`: the sheet row of each index.
   */
  *problems(
    rowNumbers: ArrayLike<number>,
    keys: readonly string[]
  ): Generator<[index: number, problem: Problem]> {
    for (let u = 0; u < this.slots.length; u++) {
      const column = 1 << u;
      for (const group of this.groups[this.slots[u]!]!.values()) {
        const { rows, columns } = group;
        // Per group and column, once: whether all its rows hold it in this column, its first rows.
        const same = columns.every((held) => (held & column) !== 0);
        const nearest = rows.slice(0, DUPLICATE_ROWS_NAMED + 1).map((i) => rowNumbers[i]!);
        for (let m = 0; m < rows.length; m++) {
          if ((columns[m]! & column) === 0) continue;
          const index = rows[m]!;
          yield [index, duplicateProblem(rowNumbers[index]!, keys[u]!, nearest, rows.length, same)];
        }
      }
    }
  }
}

/** Rows sharing an identity, ascending, with the unique columns (bits) each holds it in. */
interface Group {
  rows: number[];
  columns: number[];
}

/**
 * The first row of each identity, in an open-addressing table. A Map grows and rehashes all
 * the way through a large paste's fresh keys: five times slower.
 */
class FirstRows {
  /**
   * Pairs of (entry + 1, hash), entry 0 for a free slot (a fresh buffer is all free): the
   * hash is read with the entry, so a probe that meets another key mostly decides without
   * reading that key (a memory access less).
   */
  private slots = new Int32Array(0);
  private mask = -1;
  private count = 0;
  // By entry: the key, its first row, the columns that row holds it in.
  private keys: string[] = [];
  private rows = new Int32Array(0);
  private columns = new Int32Array(0);

  /** Forgets every key, ready for `expected` of them. */
  reset(expected: number): void {
    const size = slotsFor(expected);
    // Kept when near the size needed; a far larger one would cost more to clear than to make.
    if (this.slots.length >= 2 * size && this.slots.length <= 8 * size) this.slots.fill(0);
    else this.slots = new Int32Array(2 * size);
    this.mask = this.slots.length / 2 - 1;
    // The keys of the last set are let go: a large paste's strings must not stay reachable.
    this.keys = new Array<string>(Math.min(expected, 1 << 20));
    if (this.rows.length < expected) {
      this.rows = new Int32Array(expected);
      this.columns = new Int32Array(expected);
    }
    this.count = 0;
  }

  /** The entry of `key`; a new one, for `row` and no column yet, when the key is new. */
  entryOf(key: string, row: number): number {
    const { slots, mask } = this;
    const hash = hashOf(key);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot]! - 1;
      if (entry === -1) {
        const added = this.count++;
        if (added === this.rows.length) this.grow();
        slots[2 * slot] = added + 1;
        slots[2 * slot + 1] = hash;
        this.keys[added] = key;
        this.rows[added] = row;
        this.columns[added] = 0;
        // Never more than half full: a probe always ends on a free slot.
        if (this.count * 2 > mask + 1) this.rehash();
        return added;
      }
      if (slots[2 * slot + 1] === hash && this.keys[entry] === key) return entry;
    }
  }

  rowAt(entry: number): number {
    return this.rows[entry]!;
  }

  columnsAt(entry: number): number {
    return this.columns[entry]!;
  }

  addColumn(entry: number, column: number): void {
    this.columns[entry]! |= column;
  }

  private grow(): void {
    const rows = new Int32Array(Math.max(16, this.rows.length * 2));
    const columns = new Int32Array(rows.length);
    rows.set(this.rows);
    columns.set(this.columns);
    this.rows = rows;
    this.columns = columns;
  }

  private rehash(): void {
    const size = slotsFor(this.count * 2);
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const hash = hashOf(this.keys[entry]!);
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Slots for `count` keys: a power of two, at least twice as many. */
function slotsFor(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}
