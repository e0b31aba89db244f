import { isBelgianCheckValid, isDivisibleBy97, remainderBy97 } from "./checksums";
import { isAssignedCountryCode, lookupCountryName, unassignedAlias } from "./countries";
import { diagnoseEmail, isValidEmail, suggestEmailDomain } from "./email";
import { compactIban, ibanCheckDigits, judgeIban } from "./iban";
import { languageCodeOf, resolveLanguage } from "./languages";
import { judgePostalCode } from "./postal-codes";
import type { MessageParams } from "./messages/format";
import type { HeaderLang, RuleSpec } from "./profile";
import { type Cell, hasControlCharacters, onlyDigits, replaceControlCharacters } from "./text";

/** A cell's normalized value: what is stored and sent. */
export type Normalized = string | boolean;
export type Params = MessageParams;

/** Why a cell is wrong (a reason, the second half of `field.reason`) and the certain fix. */
export class Failure {
  constructor(
    readonly reason: string,
    readonly params?: Params,
    readonly fix?: string
  ) {}
}

/** Read access to the other cells of the same row, already normalized (for cross-field rules). */
export interface RowValues {
  value(key: string): Normalized | undefined;
}

export interface FieldChecker {
  /**
   * Judges the cell on its own: the normalized value, or why it is wrong. A function property,
   * not a method: the validator calls it detached from its checker.
   */
  parse: (text: string, cell: Cell) => Normalized | Failure;
  /** Judges a valid value against the rest of its row. */
  relate?(value: Normalized, row: RowValues, cell: Cell): Failure | undefined;
  /**
   * For a text its own rule refused without a fix: the fix the rest of the row makes certain
   * (a language alone, "fr", in a row whose country is BE: fr-BE). Checked like any fix.
   */
  fixFrom?(text: string, row: RowValues): string | undefined;
  /**
   * Something about a valid value worth a second look (a likely typo): a warning, which
   * leaves the row valid; its suggestion is in its params, never a certain fix.
   */
  warn?(value: Normalized): Failure | undefined;
  /**
   * How the sheet's list writes a value understood from `text`, when `text` is written
   * otherwise (Ja in a French sheet's Yes/No column is Oui there): not a problem, a tidying.
   */
  listedForm?(value: Normalized, text: string): string | undefined;
  /**
   * When a value identifies the same company as another field's (a Belgian VAT number holds
   * the enterprise number): that field, and the value as that field would write it.
   */
  sameIdentityAs?: { field: string; key(value: Normalized): string };
}

export interface RuleOptions {
  /** The partner's configuration template names; undefined when they are not known (offline). */
  templates?: readonly string[];
  /** The language of the sheet's headers: its Yes/No words are accepted for Yes/No columns. */
  headerLang: HeaderLang;
}

type Compiler<K extends RuleSpec["kind"]> = (
  spec: Extract<RuleSpec, { kind: K }>,
  options: RuleOptions
) => FieldChecker;

const numeric = (cell: Cell) => typeof cell === "number";

/** Separators people type inside identifiers: spaces, dots, hyphens, slashes. */
const stripSeparators = (text: string) => text.replace(/[\s./-]/g, "");

const text: Compiler<"text"> = (spec) => ({
  parse(value) {
    if (spec.noControlCharacters && hasControlCharacters(value)) {
      const fixed = replaceControlCharacters(value);
      return new Failure("controlCharacters", {}, fixed === "" ? undefined : fixed);
    }
    if (spec.max !== undefined && value.length > spec.max) {
      return new Failure("tooLong", { max: spec.max, length: value.length });
    }
    return value;
  },
});

const country: Compiler<"country"> = (spec) => ({
  parse(value) {
    const upper = value.toUpperCase();
    if (upper.length === 2 && /^[A-Z]{2}$/.test(upper)) {
      if (isAssignedCountryCode(upper)) return upper;
      const alias = unassignedAlias(upper);
      return new Failure("unassigned", { value }, alias);
    }
    const match = lookupCountryName(value);
    if (match && "code" in match) {
      return spec.acceptNames ? match.code : new Failure("name", { value }, match.code);
    }
    if (match) return new Failure("ambiguous", { value, candidates: match.ambiguous.join(", ") });
    // Where names are accepted, the message says so, with the profile's country as example.
    return new Failure(spec.acceptNames ? "unknownName" : "invalid", {
      value,
      countryCode: spec.example,
    });
  },
});

const email: Compiler<"email"> = (spec) => ({
  parse(value) {
    if (isValidEmail(value)) return value;
    const { reason, fix } = diagnoseEmail(value);
    return new Failure(reason, { value, domain: spec.exampleDomain }, fix);
  },
  warn(value) {
    const suggestion = suggestEmailDomain(String(value));
    return suggestion ? new Failure("domainTypo", { value: String(value), suggestion }) : undefined;
  },
});

const locale: Compiler<"locale"> = (spec) => {
  const languages = new Set(spec.languages);
  const list = spec.languages.join(", ");
  return {
    parse(value) {
      if (/^[a-z]{2}-[A-Z]{2}$/.test(value) && languages.has(value.slice(0, 2))) {
        if (isAssignedCountryCode(value.slice(3))) return value;
      }
      const parts = /^([A-Za-z]{2})\s*[-_ ]\s*([A-Za-z]{2})$/.exec(value);
      if (!parts) return new Failure("format", { value, languages: list });
      const language = parts[1]!.toLowerCase();
      const region = parts[2]!.toUpperCase();
      if (!languages.has(language)) return new Failure("language", { value, languages: list });
      if (!isAssignedCountryCode(region)) return new Failure("country", { value, country: region });
      return new Failure("format", { value, languages: list }, `${language}-${region}`);
    },
    fixFrom: spec.countryField
      ? (text, row) => {
          const country = row.value(spec.countryField!);
          if (typeof country !== "string" || !isAssignedCountryCode(country)) return undefined;
          const language = languageCodeOf(text);
          return language && languages.has(language) ? `${language}-${country}` : undefined;
        }
      : undefined,
  };
};

/**
 * The ten digits of a Belgian enterprise number: verdict on canonical digits, shared by the
 * enterprise number and the VAT number (docs/rules.md: "passing the same check").
 */
function judgeBelgianDigits(digits: string): Failure | undefined {
  if (digits.length !== 10 || !onlyDigits(digits)) return new Failure("format");
  if (digits[0] !== "0" && digits[0] !== "1") return new Failure("prefix");
  if (!isBelgianCheckValid(digits)) return new Failure("checksum");
  return undefined;
}

/** The valid case in one pass: ten digits from `start`, first 0 or 1, check holds. */
function isValidBelgianNumber(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return (first === 48 || first === 49) && isBelgianCheckValid(text, start);
}

/**
 * Digits from what was typed: separators and a BE prefix go, "(0)" (the leading zero written
 * apart, as in "BE (0)468.561.072") is that zero, and a lost leading zero returns.
 */
function belgianDigits(value: string): string {
  const digits = stripSeparators(value)
    .replace(/^BE/i, "")
    .replace(/^\(0\)/, "0");
  return digits.length === 9 && onlyDigits(digits) ? `0${digits}` : digits;
}

const beEnterpriseNumber: Compiler<"beEnterpriseNumber"> = () => ({
  parse(value, cell) {
    if (isValidBelgianNumber(value, 0)) return value;
    if (value.length === 10 && onlyDigits(value)) return judgeBelgianDigits(value) as Failure;
    const digits = belgianDigits(value);
    const verdict = judgeBelgianDigits(digits);
    const reason = numeric(cell) && digits.length === 10 ? "leadingZero" : "format";
    if (verdict && verdict.reason !== "format") return new Failure(verdict.reason, { value });
    return new Failure(reason, { value }, verdict ? undefined : digits);
  },
});

const beVatNumber: Compiler<"beVatNumber"> = (spec) => ({
  parse(value, cell) {
    if (value.startsWith("BE") && isValidBelgianNumber(value, 2)) return value;
    const digits = belgianDigits(value);
    const verdict = judgeBelgianDigits(digits);
    if (verdict && verdict.reason !== "format") return new Failure(verdict.reason, { value });
    // A number cell of nine digits lost its leading zero; of ten, only the BE prefix is missing.
    const reason = numeric(cell) && value.length === 9 ? "leadingZero" : "format";
    return new Failure(reason, { value }, verdict ? undefined : `BE${digits}`);
  },
  sameIdentityAs: spec.sameDigitsAs
    ? { field: spec.sameDigitsAs, key: (value) => (value as string).slice(2) }
    : undefined,
  relate(value, row) {
    if (!spec.sameDigitsAs) return undefined;
    const other = row.value(spec.sameDigitsAs);
    if (typeof other !== "string" || sameDigitsAfterPrefix(value as string, other))
      return undefined;
    return new Failure("mismatch", { value: value as string, other });
  },
});

/** Whether a VAT number ("BE" and ten digits) holds these digits, compared in place. */
function sameDigitsAfterPrefix(vat: string, digits: string): boolean {
  return vat.length === digits.length + 2 && vat.startsWith(digits, 2);
}

const iban: Compiler<"iban"> = (spec) => ({
  parse(value, cell) {
    // Past 15 significant digits Excel keeps a number rounded (1.178E+22): the digits are gone.
    if (numeric(cell) && Math.abs(cell as number) >= 1e15)
      return new Failure("numberLostDigits", { value });
    const compact = compactIban(value);
    const verdict = judgeIban(compact);
    if (verdict === "invalid" && spec.nationalAccountOf) {
      const account = nationalAccountIban(spec.nationalAccountOf, value);
      if (account) return new Failure("nationalAccount", { value }, account);
    }
    if (verdict !== "ok") return new Failure(verdict, { value });
    return compact === value ? value : new Failure("format", { value }, compact);
  },
});

/**
 * A national account number written alone (a Moroccan RIB: 24 digits, separators apart) is
 * part of one IBAN only: the country, the check digits ISO 13616 gives it, then the number.
 * Certain only because the number carries its own key (the RIB's), which judgeIban checks.
 */
function nationalAccountIban(country: string, value: string): string | undefined {
  const account = stripSeparators(value);
  if (!onlyDigits(account)) return undefined;
  const candidate = `${country}${ibanCheckDigits(country, account)}${account}`;
  return judgeIban(candidate) === "ok" ? candidate : undefined;
}

const postalCode: Compiler<"postalCode"> = (spec) => ({
  parse: (value) => value,
  relate(value, row, cell) {
    const code = row.value(spec.countryField);
    if (typeof code !== "string") return undefined;
    const verdict = judgePostalCode(code, value as string, numeric(cell));
    if (verdict.ok) return undefined;
    const params = { value: value as string, countryCode: code, example: verdict.example };
    return new Failure("format", params, verdict.fix);
  },
});

export const YES_NO: Readonly<Record<HeaderLang, readonly [string, string]>> = {
  fr: ["Oui", "Non"],
  nl: ["Ja", "Nee"],
  en: ["Yes", "No"],
  de: ["Ja", "Nein"],
};
// Words that certainly mean yes or no, whatever the sheet's language (Excel booleans included).
const ANY_YES = new Set(["oui", "ja", "yes", "true", "vrai", "waar", "wahr"]);
const ANY_NO = new Set(["non", "nee", "nein", "no", "false", "faux", "onwaar", "falsch"]);

const yesNo: Compiler<"yesNo"> = (_spec, options) => {
  const [yes, no] = YES_NO[options.headerLang];
  // Yes and No in any of the template's languages are accepted as written, whatever the
  // sheet's: the help says "Ja of Nee (of Oui/Non)", and a Brussels sheet mixes them.
  const accepted = new Map<string, boolean>(
    Object.values(YES_NO).flatMap(([y, n]): [string, boolean][] => [
      [y.toLowerCase(), true],
      [n.toLowerCase(), false],
    ])
  );
  return {
    parse(value) {
      const lower = value.toLowerCase();
      const meaning = accepted.get(lower);
      if (meaning !== undefined) return meaning;
      const fix = ANY_YES.has(lower) ? yes : ANY_NO.has(lower) ? no : undefined;
      return new Failure("invalid", { value, yes, no }, fix);
    },
    // Understood, but not as the drop-down writes it (Ja in a French sheet): the sheet can
    // say what is sent.
    listedForm(value, text) {
      const listed = value ? yes : no;
      return text === listed ? undefined : listed;
    },
  };
};

const configurationTemplate: Compiler<"configurationTemplate"> = (_spec, options) => {
  const names = options.templates;
  if (names === undefined) return { parse: (value) => value };
  const exact = new Set(names);
  const loose = new Map<string, string[]>();
  for (const name of names) {
    const key = name.trim().replace(/\s+/g, " ").toLowerCase();
    loose.set(key, [...(loose.get(key) ?? []), name]);
  }
  return {
    parse(value) {
      if (exact.has(value)) return value;
      const near = loose.get(value.replace(/\s+/g, " ").toLowerCase());
      return new Failure("unknown", { value }, near?.length === 1 ? near[0] : undefined);
    },
  };
};

const ice: Compiler<"ice"> = () => ({
  parse(value, cell) {
    // The usual cell, fifteen digits: told apart and checked in one pass.
    const remainder = value.length === 15 ? remainderBy97(value) : -1;
    if (remainder === 0) return value;
    if (remainder > 0) return new Failure("checksum");
    let digits = stripSeparators(value);
    const lostZeros = numeric(cell) && onlyDigits(digits) && digits.length < 15;
    if (lostZeros) digits = digits.padStart(15, "0");
    if (!/^\d{15}$/.test(digits)) return new Failure("format", { value });
    if (!isDivisibleBy97(digits)) return new Failure("checksum", { value });
    return new Failure(lostZeros ? "leadingZero" : "format", { value }, digits);
  },
});

const digits: Compiler<"digits"> = (spec) => {
  const lengths = spec.lengths;
  const fits = (candidate: string) =>
    onlyDigits(candidate) && spec.lengths.includes(candidate.length);
  return {
    parse(value) {
      if (fits(value)) return value;
      const compact = stripSeparators(value);
      return new Failure("format", { value, lengths }, fits(compact) ? compact : undefined);
    },
  };
};

const language: Compiler<"language"> = () => ({
  parse(value) {
    const match = resolveLanguage(value);
    if (match && "code" in match) return match.code;
    if (match) return new Failure("ambiguous", { value, candidates: match.ambiguous.join(", ") });
    return new Failure("invalid", { value });
  },
  // A name or an abbreviation is understood; the code is what is sent, and can be written.
  listedForm(value, text) {
    const code = String(value);
    return text === code ? undefined : code;
  },
});

const COMPILERS: { [K in RuleSpec["kind"]]: Compiler<K> } = {
  text,
  country,
  email,
  locale,
  beEnterpriseNumber,
  beVatNumber,
  iban,
  postalCode,
  yesNo,
  configurationTemplate,
  ice,
  digits,
  language,
};

/**
 * Rules whose verdict depends on the text alone and whose columns hold few distinct values
 * (countries, locales, languages, yes/no, template names): their verdicts are remembered.
 */
const REPETITIVE_KINDS = new Set<RuleSpec["kind"]>([
  "country",
  "locale",
  "language",
  "yesNo",
  "configurationTemplate",
]);
const MEMO_LIMIT = 10_000;

export function compileRule(spec: RuleSpec, options: RuleOptions): FieldChecker {
  const compile = COMPILERS[spec.kind] as Compiler<typeof spec.kind>;
  const checker = compile(spec as never, options);
  return REPETITIVE_KINDS.has(spec.kind) ? remembering(checker) : checker;
}

function remembering(checker: FieldChecker): FieldChecker {
  const verdicts = new Map<string, Normalized | Failure>();
  return {
    parse(value, cell) {
      let verdict = verdicts.get(value);
      if (verdict === undefined) {
        verdict = checker.parse(value, cell);
        if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
        verdicts.set(value, verdict);
      }
      return verdict;
    },
    relate: checker.relate,
    fixFrom: checker.fixFrom,
    warn: checker.warn,
    // A comparison of two strings: nothing worth remembering.
    listedForm: checker.listedForm,
    sameIdentityAs: checker.sameIdentityAs,
  };
}
