/**
 * JSON with object keys sorted and empty values ("" or undefined) left out, so that the same
 * content always reads, and hashes, the same: the add-in's idempotency keys and the sandbox's
 * check that a repeated key comes with the same body both rest on it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== "")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A short print of a judged row's values (64 bits of FNV-1a, two 32-bit lanes, in hex):
 * recorded with a client when it is sent, so that an edit of its row shows at once, without
 * waiting for the asynchronous SHA-256 of an idempotency key. It tells a row from its own
 * earlier state (a miss is 1 in 2^64), it is no key and no secret.
 */
export function rowPrint(values: readonly unknown[]): string {
  const text = canonicalJson(values.map((value) => (value === "" ? undefined : value)));
  let low = 0x811c9dc5;
  let high = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code ^ (low >>> 24), 0x01000193);
  }
  const hex = (lane: number) => (lane >>> 0).toString(16).padStart(8, "0");
  return `${hex(high)}${hex(low)}`;
}
