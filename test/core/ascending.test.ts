import { unionAscending } from "../../src/core";

/** Ascending indexes without repeats, some of 0..n. */
function someOf(n: number, keep: (i: number) => boolean): number[] {
  return Array.from({ length: n }, (_, i) => i).filter(keep);
}

describe("row indexes merged in order", () => {
  it("gives every index of either list once, ascending, as a set and a sort would", () => {
    const lists = [
      [],
      [0],
      [5],
      someOf(50, (i) => i % 3 === 0),
      someOf(50, (i) => i % 5 === 1),
      someOf(50, (i) => i > 40),
      someOf(50, () => true),
    ];
    for (const a of lists)
      for (const b of lists) {
        const expected = [...new Set([...a, ...b])].sort((x, y) => x - y);
        expect(unionAscending(a, b)).toEqual(expected);
      }
  });
});
