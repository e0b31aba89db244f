import { canonicalJson, sha256Hex } from "../core";
import type { ClientInput } from "./adapter";

/**
 * One idempotency key per client row: derived from the partner and the row's content, so that
 * sending the same row again (after a timeout, a crash, a closed pane) reuses the key and the
 * API answers with the client it already created, never a second one.
 */
export async function idempotencyKeyFor(partnerId: string, input: ClientInput): Promise<string> {
  return keyOf(`${partnerId}\n${canonicalJson(input)}`);
}

/**
 * The key of an update: the client and the content it is given. Sending the same change again
 * reuses it (the API answers the first update again); another change is another key.
 */
export async function updateKeyFor(
  partnerId: string,
  clientId: string,
  input: ClientInput
): Promise<string> {
  return keyOf(`${partnerId}\nupdate ${clientId}\n${canonicalJson(input)}`);
}

/** Keys have one shape (the ledger reads them back): "cix_" and 40 hex digits of a SHA-256. */
function keyOf(text: string): string {
  return `cix_${sha256Hex(text).slice(0, 40)}`;
}
