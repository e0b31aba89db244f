import { countrySpecs, electronicFormatIBAN } from "ibantools";
import { REDUCE_ABOVE } from "./checksums";

export type IbanVerdict = "ok" | "invalid" | "checksum" | "rib";

/** The IBAN without spaces or hyphens, in capitals: the form stored and sent. */
export function compactIban(text: string): string {
  if (isCompact(text)) return text;
  return (electronicFormatIBAN(text) ?? "").replace(/[-.]/g, "");
}

function isCompact(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isCapital(code) && !isDigit(code)) return false;
  }
  return true;
}

/**
 * Where ibantools' country formats differ from the SWIFT IBAN registry (ISO 13616 registry,
 * its "BBAN structure" lines), the registry wins. Each line gives the registry's structure.
 * Upstream: ibantools 4.5.4 has `[A-Z0-9]{4}` bank codes for these three and digits only in
 * the Palestinian account; the same corrections were made in validator.js (#2339, VG) and
 * faker (#2552); they belong in ibantools' `countrySpecs`, and this table can go once it has them.
 */
export const REGISTRY_CORRECTIONS: Readonly<Record<string, { structure: string; bban: string }>> = {
  IE: { structure: "4!a6!n8!n", bban: "^[A-Z]{4}[0-9]{14}$" },
  PS: { structure: "4!a21!c", bban: "^[A-Z]{4}[A-Z0-9]{21}$" },
  VG: { structure: "4!a16!n", bban: "^[A-Z]{4}[0-9]{16}$" },
};

/**
 * Judges a compact IBAN: its country's structure (the registry, through ibantools' table and
 * the corrections above), check digits 02–98 and the mod-97 check (ISO 13616), the country's
 * national check where it has one, and for Morocco the RIB key: the 24-digit RIB must itself
 * be divisible by 97 (docs/rules.md, Morocco). One pass for the common, valid case.
 */
export function judgeIban(compact: string): IbanVerdict {
  // Two letters, two digits, then 8 to 30 letters or digits: the BBAN's characters are
  // checked in the pass that reads its remainder.
  if (compact.length < 12 || compact.length > 34) return "invalid";
  if (!isCapital(compact.charCodeAt(0)) || !isCapital(compact.charCodeAt(1))) return "invalid";
  if (!isDigit(compact.charCodeAt(2)) || !isDigit(compact.charCodeAt(3))) return "invalid";
  const bban = bbanRemainder(compact);
  if (bban < 0) return "invalid";
  const spec = countryFormat(compact);
  if (!spec || compact.length !== spec.chars) return "invalid";
  // The BBAN is read in place (from the fifth character): this runs on every row.
  spec.bban.lastIndex = 4;
  if (!spec.bban.test(compact)) return "invalid";
  // 00 and 01 are the same check as 97 and 98 modulo 97, 99 the same as 02: the standard
  // reserves them, so the remainder alone would accept them.
  const checkDigits = (compact.charCodeAt(2) - 48) * 10 + (compact.charCodeAt(3) - 48);
  // The BBAN's running remainder is taken on to the whole IBAN's: a Moroccan RIB's own key
  // (its 24 digits divisible by 97) is read from it, not from a second pass.
  if (checkDigits < 2 || checkDigits > 98 || ibanRemainder(compact, bban) !== 1) return "checksum";
  if (spec.nationalCheck && !spec.nationalCheck(compact)) return "checksum";
  if (compact.startsWith("MA") && bban % 97 !== 0) return "rib";
  return "ok";
}

/** The check digits ISO 13616 gives a country's BBAN ("64" for every Moroccan RIB). */
export function ibanCheckDigits(country: string, bban: string): string {
  const remainder = ibanRemainder(`${country}00${bban}`);
  return String(98 - remainder).padStart(2, "0");
}

/**
 * ISO 13616 check: the IBAN with its first four characters moved to the end, letters as
 * 10–35. `bban`: the running remainder of its BBAN, when already read.
 */
function ibanRemainder(compact: string, bban = bbanRemainder(compact)): number {
  let remainder = bban;
  for (let i = 0; i < 4; i++) remainder = withCharacter(remainder, compact, i);
  return remainder % 97;
}

/**
 * The BBAN (from the fifth character) read as ISO 13616 reads it: a number congruent to it
 * modulo 97; -1 when a character is not a capital letter or a digit.
 */
function bbanRemainder(compact: string): number {
  let remainder = 0;
  for (let i = 4; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (!isCapital(code) && !isDigit(code)) return -1;
    remainder = withCharacter(remainder, compact, i);
  }
  return remainder;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The running remainder with one more character of an IBAN (a letter counts as 10–35). */
function withCharacter(remainder: number, text: string, at: number): number {
  const code = text.charCodeAt(at);
  const next = code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48);
  return next >= REDUCE_ABOVE ? next % 97 : next;
}

interface CountryFormat {
  chars: number;
  /** The BBAN's pattern, sticky: it is tested from the IBAN's fifth character to its end. */
  bban: RegExp;
  /** The country's own check of the BBAN, given the whole IBAN. */
  nationalCheck?: (iban: string) => boolean;
}
/** By the two letters' codes (the country is not cut out of the IBAN to look it up). */
const formats = new Map<number, CountryFormat | null>();

/**
 * A BBAN pattern as a sticky one tested on the whole IBAN from its fifth character: "^" there
 * is that character; a pattern without it may match further on, as it did on the BBAN alone.
 */
function stickyFromFifth(pattern: string): RegExp {
  return new RegExp(pattern.startsWith("^") ? pattern.slice(1) : `[\\s\\S]*?(?:${pattern})`, "y");
}

/**
 * A country's national check on the whole IBAN. Belgium's, the one nearly every row has, is
 * done in place: the account's first ten digits modulo 97 (0 counted as 97) are its last two.
 */
function nationalCheckOf(
  country: string,
  check: ((bban: string) => boolean) | undefined
): ((iban: string) => boolean) | undefined {
  if (country === "BE") return isBelgianAccountValid;
  return check && ((iban) => check(iban.slice(4)));
}

/** A Belgian IBAN's account check (its BBAN is twelve digits: the pattern holds it). */
function isBelgianAccountValid(iban: string): boolean {
  let remainder = 0;
  for (let i = 4; i < 14; i++) remainder = (remainder * 10 + iban.charCodeAt(i) - 48) % 97;
  const check = (iban.charCodeAt(14) - 48) * 10 + (iban.charCodeAt(15) - 48);
  return check === (remainder === 0 ? 97 : remainder);
}

/** The IBAN's country's length, BBAN pattern and national check, compiled once. */
function countryFormat(iban: string): CountryFormat | null {
  const key = iban.charCodeAt(0) * 65536 + iban.charCodeAt(1);
  let format = formats.get(key);
  if (format === undefined) {
    const country = iban.slice(0, 2);
    const source = countrySpecs[country];
    const pattern = REGISTRY_CORRECTIONS[country]?.bban ?? source?.bban_regexp;
    format =
      source?.chars && pattern
        ? {
            chars: source.chars,
            bban: stickyFromFifth(pattern),
            nationalCheck: nationalCheckOf(country, source.bban_validation_func),
          }
        : null;
    formats.set(key, format);
  }
  return format;
}
