import { cellText, type Cell } from "../../src/core/text";

/** A cell, and the text the rules read in it. */
const READ_AS: [Cell, string][] = [
  // Spaces around, of any kind, go; those inside stay.
  ["  Rue Haute  ", "Rue Haute"],
  ["\u00a00417497106\t", "0417497106"],
  ["\u3000Casablanca\n", "Casablanca"],
  ["x\u00a0", "x"],
  ["\ufeffBE0417497106", "BE0417497106"],
  ["a b", "a b"],
  ["Liège", "Liège"],
  ["المغرب ", "المغرب"],
  [" ", ""],
  ["", ""],
  // Numbers and booleans as Excel shows them, whole numbers in full.
  [417497106, "417497106"],
  [1.5, "1.5"],
  [true, "TRUE"],
  [undefined, ""],
];

describe("a cell's text, as the rules read it", () => {
  it.each(READ_AS)("reads %j as %j", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});
