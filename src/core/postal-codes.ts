/**
 * Postal code formats of the countries our users' clients are in. A country not listed has
 * no format check (its postal code is free text).
 */
interface PostalFormat {
  pattern: RegExp;
  /** Digits-only formats have a fixed length; a number that lost leading zeros is padded. */
  digits?: number;
  example: string;
  /** Optional canonical rewrite, e.g. Dutch "1234ab" → "1234 AB". */
  canonical?: (compact: string) => string;
}

/**
 * Each pattern is the country's range of codes, not only their length: a code padded with the
 * zeros Excel dropped is a fix only when the result is a real code there. Belgium 1000–9999;
 * Morocco 10000–93xxx (no code starts with 0: "2000" is no "02000"); France 01000–98999
 * (départements 01–98); Germany 01001–99998; Luxembourg 1009–9999.
 */
const POSTAL_FORMATS: Readonly<Record<string, PostalFormat>> = {
  BE: { pattern: /^[1-9]\d{3}$/, digits: 4, example: "1000" },
  MA: { pattern: /^[1-9]\d{4}$/, digits: 5, example: "20250" },
  FR: { pattern: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, digits: 5, example: "75001" },
  DE: { pattern: /^(?:0[1-9]|[1-9]\d)\d{3}$/, digits: 5, example: "10115" },
  LU: { pattern: /^[1-9]\d{3}$/, digits: 4, example: "1009" },
  NL: {
    pattern: /^[1-9]\d{3} [A-Z]{2}$/,
    example: "1012 AB",
    canonical: (compact) => `${compact.slice(0, 4)} ${compact.slice(4).toUpperCase()}`,
  },
};

export type PostalVerdict = { ok: true } | { ok: false; example: string; fix?: string };

/** The verdict of every good code (shared: this runs on every row). */
const OK: PostalVerdict = Object.freeze({ ok: true });

export function judgePostalCode(country: string, text: string, numeric: boolean): PostalVerdict {
  const format = POSTAL_FORMATS[country];
  if (!format || format.pattern.test(text)) return OK;
  return { ok: false, example: format.example, fix: postalFix(format, country, text, numeric) };
}

function postalFix(
  format: PostalFormat,
  country: string,
  text: string,
  numeric: boolean
): string | undefined {
  // "B-1000", "MA 20250", "1012ab": a country prefix, spaces and case are certain to go.
  const compact = text.replace(countryPrefix(country), "");
  const candidates = [compact.replace(/[\s.-]/g, "")];
  if (numeric && format.digits) candidates.push(candidates[0]!.padStart(format.digits, "0"));
  for (const candidate of candidates) {
    const rewritten = format.canonical ? format.canonical(candidate) : candidate;
    if (format.pattern.test(rewritten) && rewritten !== text) return rewritten;
  }
  return undefined;
}

const prefixes = new Map<string, RegExp>();

/** "B-", "MA ": a country's prefix before a postal code, compiled once per country. */
function countryPrefix(country: string): RegExp {
  let prefix = prefixes.get(country);
  if (!prefix) {
    prefix = new RegExp(`^(${country}|${country[0]})[- ]`, "i");
    prefixes.set(country, prefix);
  }
  return prefix;
}
