import type { Cell, Profile } from "../src/core";

/**
 * The least a validator can do: trim each cell and test one regex per field. The engine's
 * speed is reported against this (validate_vs_baseline).
 */
const PATTERNS: Readonly<Record<string, RegExp>> = {
  companyName: /^.{1,255}$/s,
  country: /^[A-Za-z]{2}$/,
  contactEmail: /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/,
  contactLocale: /^[a-z]{2}-[A-Z]{2}$/,
  enterpriseNumber: /^[01]\d{9}$/,
  vatNumber: /^BE[01]\d{9}$/,
  iban: /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/,
  houseNumber: /^.{0,10}$/,
  postalBox: /^.{0,10}$/,
  postalCode: /^\d{4,5}$/,
  mandate: /^(Oui|Non)$/,
  ice: /^\d{15}$/,
  taxId: /^\d{7,8}$/,
  companyLanguage: /^[A-Za-z]{2}$/,
  contactLanguage: /^[A-Za-z]{2}$/,
};
const ANYTHING = /^.*$/s;

export function baselineValidate(profile: Profile, rows: readonly (readonly Cell[])[]): number {
  const patterns = profile.fields.map((field) => PATTERNS[field.key] ?? ANYTHING);
  let failures = 0;
  for (const row of rows) {
    for (let i = 0; i < patterns.length; i++) {
      const text = String(row[i] ?? "").trim();
      if (text !== "" && !patterns[i]!.test(text)) failures++;
    }
  }
  return failures;
}
