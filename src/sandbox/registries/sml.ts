import { createHash } from "node:crypto";

/**
 * Where a Peppol participant's SMP is found: the host name its SML publishes for it in DNS.
 * The partner API resolves it (then asks the SMP which documents the participant receives);
 * the sandbox skips DNS and asks its SMP fixture directly, but the names are made here, as
 * the Peppol SML specification makes them, and tested against its published examples.
 */
export const SML_ZONES = {
  /** The production SML (SML). */
  production: "edelivery.tech.ec.europa.eu",
  /** The test SML (SMK). */
  test: "acc.edelivery.tech.ec.europa.eu",
} as const;

/** "iso6523-actorid-upis::0208:0403019261" → its scheme and its value. */
export function participantParts(participant: string): { scheme: string; value: string } {
  const separator = participant.indexOf("::");
  if (separator <= 0 || separator + 2 >= participant.length)
    throw new Error(`"${participant}" is not a participant identifier (scheme::value).`);
  return { scheme: participant.slice(0, separator), value: participant.slice(separator + 2) };
}

/**
 * The name the SML's NAPTR record is published under (the current scheme): the value's
 * SHA-256, lower-cased first (identifiers are case-insensitive), in Base32 without padding,
 * then the scheme and the SML's zone.
 */
export function smlHostName(participant: string, zone: string): string {
  const { scheme, value } = participantParts(participant);
  const digest = createHash("sha256").update(value.toLowerCase(), "utf8").digest();
  return `${base32(digest).toLowerCase()}.${scheme}.${zone}`;
}

/**
 * The name of the CNAME record of the older scheme, still answered by some SMPs: "B-" and the
 * value's MD5 in hex, then the scheme and the zone.
 */
export function legacySmlHostName(participant: string, zone: string): string {
  const { scheme, value } = participantParts(participant);
  const digest = createHash("md5").update(value.toLowerCase(), "utf8").digest("hex");
  return `B-${digest}.${scheme}.${zone}`;
}

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 Base32, without padding. */
function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
