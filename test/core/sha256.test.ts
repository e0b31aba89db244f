import { createHash } from "node:crypto";
import { idempotencyKeyFor } from "../../src/api";
import { canonicalJson, sha256Hex } from "../../src/core";

describe("the keys' hash", () => {
  it("is SHA-256 of the text's UTF-8 bytes, at every padding boundary and in every script", () => {
    const texts = [
      "",
      "abc",
      ...[55, 56, 63, 64, 65, 119, 120].map((length) => "a".repeat(length)),
      "é€𝄞 مرحبا Ωmega",
      "a lone \ud800 surrogate and a lone \udc00 one",
      "x".repeat(5000),
    ];
    for (const text of texts)
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("gives the keys earlier sends wrote to ledgers (so a row sent before reads as sent)", async () => {
    const input = { companyName: "Boulangerie Dupont SRL", country: "BE", city: "Liège" };
    const expected = createHash("sha256")
      .update(`pa_be\n${canonicalJson(input)}`, "utf8")
      .digest("hex")
      .slice(0, 40);
    expect(await idempotencyKeyFor("pa_be", input as never)).toBe(`cix_${expected}`);
  });
});
