/**
 * Below this `x * 100 + 99` is still a 32-bit integer, so digit loops reduce modulo 97 only
 * every few digits, and each reduction is an integer one (the engine turns it into a multiply;
 * on a larger number it is a floating-point remainder, several times slower).
 */
export const REDUCE_ABOVE = 20_000_000;

/**
 * Belgian enterprise number (KBO/BCE) check, on the ten characters of `text` from `start`:
 * all digits, and the last two equal 97 − (the first eight mod 97). VAT numbers carry the same
 * ten digits after "BE". One pass, no allocation: this runs on every row.
 */
export function isBelgianCheckValid(text: string, start = 0): boolean {
  if (text.length !== start + 10) return false;
  let firstEight = 0;
  let lastTwo = 0;
  for (let i = 0; i < 10; i++) {
    const digit = text.charCodeAt(start + i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < 8) firstEight = firstEight * 10 + digit;
    else lastTwo = lastTwo * 10 + digit;
  }
  return lastTwo === 97 - (firstEight % 97);
}

/** All digits (from `start`) and divisible by 97 (Moroccan ICE, RIB): one pass. */
export function isDivisibleBy97(digits: string, start = 0): boolean {
  return remainderBy97(digits, start) === 0;
}

/** The digits (from `start`) modulo 97, in one pass; -1 when one is not a digit or none is. */
export function remainderBy97(digits: string, start = 0): number {
  if (digits.length <= start) return -1;
  let remainder = 0;
  for (let i = start; i < digits.length; i++) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    remainder = remainder * 10 + digit;
    if (remainder >= REDUCE_ABOVE) remainder %= 97;
  }
  return remainder % 97;
}
