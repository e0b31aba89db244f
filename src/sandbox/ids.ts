import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number
) => Promise<Buffer>;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random id with a readable prefix, e.g. cl_8Fq2…: unguessable, URL-safe. */
export function newId(prefix: string, length = 20): string {
  const bytes = randomPool.take(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

/**
 * Random bytes drawn from the system in blocks of 4 KB: one call per id showed in the
 * sandbox's profile under load (about 2 % of its time). Each byte is handed out once.
 */
const randomPool = {
  block: Buffer.alloc(0),
  used: 0,
  take(count: number): Buffer {
    if (this.used + count > this.block.length) {
      this.block = randomBytes(Math.max(4096, count));
      this.used = 0;
    }
    const bytes = this.block.subarray(this.used, this.used + count);
    this.used += count;
    return bytes;
  },
};

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens and codes are stored only as hashes: a copy of the database grants nothing. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A password's salted scrypt hash (at seeding: once, at start). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${scryptSync(password, salt, 32).toString("hex")}`;
}

/**
 * Whether a password matches its stored hash. Asynchronous: scrypt runs on libuv's threads,
 * so forty wrong passwords at once do not stall every other request.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  passwordChecks.count++;
  const [salt, hash] = stored.split(":");
  if (!salt || !hash) return false;
  const candidate = await scryptAsync(password, Buffer.from(salt, "hex"), 32);
  return timingSafeEqual(candidate, Buffer.from(hash, "hex"));
}

/** How many passwords were checked (each costs one scrypt): what the tests look at. */
export const passwordChecks = { count: 0 };

let dummyHash: string | undefined;

/**
 * A hash no password matches, checked for unknown e-mails: an unknown account costs the same
 * scrypt as a known one, so timing does not tell which e-mails have accounts.
 */
export function dummyPasswordHash(): string {
  dummyHash ??= hashPassword(newSecret());
  return dummyHash;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Seconds since the epoch: the unit of every expiry the sandbox stores. */
export const now = () => Math.floor(Date.now() / 1000);
