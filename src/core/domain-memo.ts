import { hashOf } from "./string-hash";

/**
 * What was decided about each e-mail domain, looked up by the domain as it stands in an
 * address (from `from` to its end): no copy of the domain is made to ask, once per valid
 * address of a sheet, while a sheet's addresses share few domains. Forgets everything past
 * `limit` domains, so that a sheet of all-different domains does not grow it for ever.
 */
export class DomainMemo<V> {
  private slots = new Int32Array(0);
  private mask = -1;
  private keys: string[] = [];
  private values: V[] = [];

  constructor(private readonly limit: number) {
    this.clear();
  }

  /** The value kept for the domain that starts at `from` in `address`; undefined when none. */
  get(address: string, from: number): V | undefined {
    const length = address.length - from;
    const hash = hashOf(address, from);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[2 * slot]! - 1;
      if (entry < 0) return undefined;
      if (this.slots[2 * slot + 1] !== hash) continue;
      const key = this.keys[entry]!;
      if (key.length === length && address.startsWith(key, from)) return this.values[entry];
    }
  }

  set(domain: string, value: V): void {
    if (this.keys.length >= this.limit) this.clear();
    const hash = hashOf(domain);
    let slot = hash & this.mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = this.keys.length + 1;
    this.slots[2 * slot + 1] = hash;
    this.keys.push(domain);
    this.values.push(value);
  }

  /** Sized once for `limit` domains, at most half full: it never grows. */
  private clear(): void {
    let size = 16;
    while (size < this.limit * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.keys = [];
    this.values = [];
  }
}
