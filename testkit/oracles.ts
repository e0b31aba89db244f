/**
 * Independent reference arithmetic for tests (BigInt), so that test data does not come from
 * the code under test.
 */
export function bigMod97(digits: string): number {
  return Number(BigInt(digits) % 97n);
}

/** A valid Belgian enterprise number from its first eight digits. */
export function belgianNumber(firstEight: string): string {
  const check = 97 - bigMod97(firstEight);
  return firstEight + String(check).padStart(2, "0");
}

/** A valid 15-digit ICE from 13 digits: two check digits that make it divisible by 97. */
export function iceFrom(thirteen: string): string {
  for (let check = 0; check < 100; check++) {
    const candidate = thirteen + String(check).padStart(2, "0");
    if (bigMod97(candidate) === 0) return candidate;
  }
  throw new Error("unreachable: some two digits always complete a multiple of 97");
}

/** An IBAN for any country and BBAN: check digits per ISO 13616 (letters count 10–35). */
export function ibanFor(country: string, bban: string): string {
  const asDigits = (text: string) =>
    [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join("");
  const check = 98 - bigMod97(`${asDigits(bban)}${asDigits(country)}00`);
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

/** A Moroccan IBAN for any 24-digit RIB. */
export function moroccanIban(rib: string): string {
  return ibanFor("MA", rib);
}

/** A 24-digit RIB divisible by 97 (a valid RIB key) from 22 digits. */
export function ribFrom(twentyTwo: string): string {
  for (let key = 0; key < 100; key++) {
    const candidate = twentyTwo + String(key).padStart(2, "0");
    if (bigMod97(candidate) === 0) return candidate;
  }
  throw new Error("unreachable");
}
