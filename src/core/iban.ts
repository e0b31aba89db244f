import { electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { isDivisibleBy97 } from "./checksums";

export type IbanVerdict = "ok" | "invalid" | "checksum" | "rib";

/** The IBAN without spaces or hyphens, in capitals: the form stored and sent. */
export function compactIban(text: string): string {
  return (electronicFormatIBAN(text) ?? "").replace(/[-.]/g, "");
}

/**
 * Judges a compact IBAN: its country's format and the mod-97 check (ibantools), and for
 * Morocco the RIB key on top: the 24-digit RIB must itself be divisible by 97 (SPEC §2.2).
 */
export function judgeIban(compact: string): IbanVerdict {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) return "invalid";
  const { errorCodes } = validateIBAN(compact);
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
