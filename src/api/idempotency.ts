import { canonicalJson } from "../core";
import type { ClientInput } from "./adapter";

/**
 * One idempotency key per client row: derived from the partner and the row's content, so that
 * sending the same row again (after a timeout, a crash, a closed pane) reuses the key and the
 * API answers with the client it already created, never a second one.
 */
export async function idempotencyKeyFor(partnerId: string, input: ClientInput): Promise<string> {
  const canonical = canonicalJson(input);
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${partnerId}\n${canonical}`)
  );
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join(
    ""
  );
  return `cix_${hex.slice(0, 40)}`;
}
