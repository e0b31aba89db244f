import { hashOf } from "./string-hash";

/** A slot's entry field: 0 free, -1 a key deleted there (probes go on), else entry + 1. */
const FREE = 0;
const DELETED = -1;

/**
 * Identities and what each is held by, for the live sheet: a Map's work (get, set, delete) in
 * an open-addressing table that can be sized ahead. A paste of 10,000 rows into a sheet of
 * its own puts 10,000 fresh keys in: a Map grows and rehashes all the way through, and each
 * new key costs a lookup then an insert where this table probes once.
 */
export class IdentityTable<V> {
  /** Pairs of (entry field, hash): the hash is read with the entry, as in bulk judgement. */
  private slots = new Int32Array(2 * 16);
  private mask = 15;
  /** Slots that are not free (keys and deleted keys): a probe must always meet a free one. */
  private taken = 0;
  private keys: (string | undefined)[] = [];
  private held: (V | undefined)[] = [];
  /** Entries let go by deletes, used again before the lists grow. */
  private unused: number[] = [];
  private count = 0;
  /** Where the last lookup that found nothing ended, so that the insert after it does not probe. */
  private missKey: string | undefined;
  private missHash = 0;
  private missSlot = -1;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.held[this.slots[2 * slot]! - 1];
  }

  set(key: string, value: V): void {
    // Right after a lookup of this key found nothing, where it goes is known already.
    if (key !== this.missKey) {
      const found = this.find(key);
      if (found >= 0) {
        this.held[this.slots[2 * found]! - 1] = value;
        return;
      }
    }
    const slot = this.missSlot;
    const hash = this.missHash;
    this.missKey = undefined;
    const entry = this.unused.pop() ?? this.keys.length;
    this.keys[entry] = key;
    this.held[entry] = value;
    if (this.slots[2 * slot] === FREE) this.taken++;
    this.slots[2 * slot] = entry + 1;
    this.slots[2 * slot + 1] = hash;
    this.count++;
    // Never more than half taken: a probe always ends on a free slot.
    if (this.taken * 2 > this.mask + 1) this.resize(this.count * 2);
  }

  delete(key: string): boolean {
    const slot = this.find(key);
    if (slot < 0) return false;
    const entry = this.slots[2 * slot]! - 1;
    this.slots[2 * slot] = DELETED;
    this.keys[entry] = undefined;
    this.held[entry] = undefined;
    this.unused.push(entry);
    this.count--;
    this.missKey = undefined;
    return true;
  }

  /** Room for `more` keys without growing on the way (a paste about to be taken in). */
  reserve(more: number): void {
    if ((this.taken + more) * 2 > this.mask + 1) this.resize(this.count + more);
  }

  *values(): Generator<V> {
    for (let entry = 0; entry < this.keys.length; entry++)
      if (this.keys[entry] !== undefined) yield this.held[entry]!;
  }

  /**
   * The slot holding `key`, or -1; a miss notes where an insert of the key would go (the
   * first deleted slot met, else the free one that ended the probe).
   */
  private find(key: string): number {
    const { slots, mask } = this;
    const hash = hashOf(key);
    let reusable = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const field = slots[2 * slot]!;
      if (field === FREE) {
        this.missKey = key;
        this.missHash = hash;
        this.missSlot = reusable >= 0 ? reusable : slot;
        return -1;
      }
      if (field === DELETED) {
        if (reusable < 0) reusable = slot;
      } else if (slots[2 * slot + 1] === hash && this.keys[field - 1] === key) return slot;
    }
  }

  /** A table for `keys` keys, at most half full, without the deleted ones. */
  private resize(keys: number): void {
    let size = 16;
    while (size < keys * 2) size *= 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      const key = this.keys[entry];
      if (key === undefined) continue;
      const hash = hashOf(key);
      let slot = hash & mask;
      while (slots[2 * slot] !== FREE) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
    this.mask = mask;
    this.taken = this.count;
    this.missKey = undefined;
  }
}
