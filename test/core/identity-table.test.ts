import { IdentityTable } from "../../src/core/identity-table";

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe("the live sheet's identity table", () => {
  it("answers as a Map does after any mix of sets, deletes and reservations", () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const table = new IdentityTable<number>();
      const map = new Map<string, number>();
      // Few distinct keys, so that sets replace, deletes hit and deleted slots are used again.
      const key = () => `0${Math.floor(next() * 300)}`;
      for (let step = 0; step < 20_000; step++) {
        const roll = next();
        const k = key();
        if (roll < 0.45) {
          // A lookup then an insert of the same key: the live sheet's usual pair.
          expect(table.get(k)).toBe(map.get(k));
          table.set(k, step);
          map.set(k, step);
        } else if (roll < 0.8) {
          expect(table.delete(k)).toBe(map.delete(k));
        } else if (roll < 0.81) {
          table.reserve(Math.floor(next() * 500));
        } else {
          expect(table.get(k)).toBe(map.get(k));
        }
        expect(table.size).toBe(map.size);
      }
      expect([...table.values()].sort((a, b) => a - b)).toEqual(
        [...map.values()].sort((a, b) => a - b)
      );
    }
  });

  it("keeps every key of a large paste, whether room was reserved or not", () => {
    for (const reserved of [true, false]) {
      const table = new IdentityTable<number>();
      if (reserved) table.reserve(10_000);
      for (let i = 0; i < 10_000; i++) table.set(`BE${String(i).padStart(10, "0")}`, i);
      expect(table.size).toBe(10_000);
      for (let i = 0; i < 10_000; i += 97)
        expect(table.get(`BE${String(i).padStart(10, "0")}`)).toBe(i);
      expect(table.get("BE9999999999")).toBeUndefined();
    }
  });
});
