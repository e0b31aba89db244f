/** The remainder of a decimal digit string divided by 97, without BigInt (fast, any length). */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    remainder = (remainder * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return remainder;
}

/**
 * Belgian enterprise number (KBO/BCE) check: ten digits whose last two equal
 * 97 − (the first eight mod 97). VAT numbers carry the same ten digits.
 */
export function isBelgianCheckValid(tenDigits: string): boolean {
  const expected = 97 - mod97(tenDigits.slice(0, 8));
  return Number(tenDigits.slice(8)) === expected;
}

/** Moroccan ICE: fifteen digits whose whole number is divisible by 97. */
export function isDivisibleBy97(digits: string): boolean {
  return mod97(digits) === 0;
}
