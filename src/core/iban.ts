import { countrySpecs, electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { isDivisibleBy97, REDUCE_ABOVE } from "./checksums";

export type IbanVerdict = "ok" | "invalid" | "checksum" | "rib";

/** The IBAN without spaces or hyphens, in capitals: the form stored and sent. */
export function compactIban(text: string): string {
  if (isCompact(text)) return text;
  return (electronicFormatIBAN(text) ?? "").replace(/[-.]/g, "");
}

function isCompact(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

/**
 * Judges a compact IBAN: its country's format and the mod-97 check (ibantools), and for
 * Morocco the RIB key on top: the 24-digit RIB must itself be divisible by 97 (SPEC §2.2).
 */
export function judgeIban(compact: string): IbanVerdict {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) return "invalid";
  // Valid IBANs (the common case) take the fast path; ibantools diagnoses the others.
  const valid = ibanRemainder(compact) === 1 && isValidBban(compact);
  const { errorCodes } = valid ? { errorCodes: [] } : validateIBAN(compact);
  const checksumOnly = errorCodes.every(
    (code) =>
      code === ValidationErrorsIBAN.WrongIBANChecksum ||
      code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum
  );
  if (errorCodes.length > 0) return checksumOnly ? "checksum" : "invalid";
  if (compact.startsWith("MA")) {
    const rib = compact.slice(4);
    if (!/^\d{24}$/.test(rib)) return "invalid";
    if (!isDivisibleBy97(rib)) return "rib";
  }
  return "ok";
}

/** ISO 13616 check: the IBAN with its first four characters moved to the end, letters as 10–35. */
function ibanRemainder(compact: string): number {
  let remainder = 0;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt((i + 4) % compact.length);
    remainder = code >= 65 ? remainder * 100 + (code - 55) : remainder * 10 + (code - 48);
    if (remainder >= REDUCE_ABOVE) remainder %= 97;
  }
  return remainder % 97;
}

interface CompiledSpec {
  chars: number;
  bban: RegExp;
  nationalCheck?: (bban: string) => boolean;
}
const compiledSpecs = new Map<string, CompiledSpec | null>();

/** ibantools' country formats and national checks, with each format compiled once. */
function isValidBban(compact: string): boolean {
  const country = compact.slice(0, 2);
  let spec = compiledSpecs.get(country);
  if (spec === undefined) {
    const source = countrySpecs[country];
    spec =
      source?.chars && source.bban_regexp
        ? {
            chars: source.chars,
            bban: new RegExp(source.bban_regexp),
            nationalCheck: source.bban_validation_func,
          }
        : null;
    compiledSpecs.set(country, spec);
  }
  if (!spec || compact.length !== spec.chars) return false;
  const bban = compact.slice(4);
  return spec.bban.test(bban) && (!spec.nationalCheck || spec.nationalCheck(bban));
}
