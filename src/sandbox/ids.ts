import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random id with a readable prefix, e.g. cl_8Fq2…: unguessable, URL-safe. */
export function newId(prefix: string, length = 20): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens and codes are stored only as hashes: a copy of the database grants nothing. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${scryptSync(password, salt, 32).toString("hex")}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(":");
  if (!salt || !hash) return false;
  const candidate = scryptSync(password, Buffer.from(salt, "hex"), 32);
  return timingSafeEqual(candidate, Buffer.from(hash, "hex"));
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Seconds since the epoch: the unit of every expiry the sandbox stores. */
export const now = () => Math.floor(Date.now() / 1000);
