import { foldForLookup } from "../../src/core";

// The key under which names are compared (duplicates, lookups before sending): see
// docs/rules.md. Most names take a quick path for plain ASCII; these tests hold both paths to
// one definition.
describe("the comparison key of a name", () => {
  it("treats every printable ASCII character as the Unicode definition says", () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const character = String.fromCharCode(code);
      const separates = /[\p{P}\p{S}\s]/u.test(character);
      const expected = separates ? "a b" : `a${character.toLowerCase()}b`;
      expect([character, foldForLookup(`a${character}b`)]).toEqual([character, expected]);
    }
  });

  it("gives an ASCII name and the same name with accents or other marks one key", () => {
    expect(foldForLookup("  Café  du Commerce, S.A. ")).toBe("cafe du commerce s a");
    expect(foldForLookup("CAFE DU COMMERCE S.A.")).toBe("cafe du commerce s a");
    expect(foldForLookup("Ｃａｆé")).toBe("cafe");
  });

  it("folds Arabic spellings of one name to one key", () => {
    expect(foldForLookup("العربية")).toBe(foldForLookup("عربيه"));
  });
});
