import { cellText } from "../../src/core/text";

describe("a cell's text, as the rules read it", () => {
  it("loses the spaces around it, of any kind, and keeps those inside", () => {
    expect(cellText("  Rue Haute  ")).toBe("Rue Haute");
    expect(cellText("\u00a00417497106\t")).toBe("0417497106");
    expect(cellText("\u3000Casablanca\n")).toBe("Casablanca");
    expect(cellText("x\u00a0")).toBe("x");
    expect(cellText("\ufeffBE0417497106")).toBe("BE0417497106");
    expect(cellText("a b")).toBe("a b");
    expect(cellText("Liège")).toBe("Liège");
    expect(cellText("المغرب ")).toBe("المغرب");
    expect(cellText(" ")).toBe("");
    expect(cellText("")).toBe("");
  });

  it("writes numbers and booleans as Excel shows them, whole numbers in full", () => {
    expect(cellText(417497106)).toBe("417497106");
    expect(cellText(1.5)).toBe("1.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(undefined)).toBe("");
  });
});
