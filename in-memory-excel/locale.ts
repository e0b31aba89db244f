/**
 * What Excel's locale changes in the cells: how typed text is read (decimal comma, VRAI/WAAR)
 * and how a formula turns a number or a boolean into text (`"!"&A2` gives "!1,5" in fr-BE,
 * "!VRAI" for TRUE), with 15 significant digits and E-notation for long numbers.
 */
export type FakeLocale = "en-US" | "fr-BE" | "nl-BE";

interface LocaleWords {
  decimal: string;
  true: string;
  false: string;
}

const WORDS: Readonly<Record<FakeLocale, LocaleWords>> = {
  "en-US": { decimal: ".", true: "TRUE", false: "FALSE" },
  "fr-BE": { decimal: ",", true: "VRAI", false: "FAUX" },
  "nl-BE": { decimal: ",", true: "WAAR", false: "ONWAAR" },
};

/** Excel keeps 15 significant digits; past 1E+15 or below 1E-9 it writes E-notation. */
function numberText(value: number, decimal: string): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(15));
  const magnitude = Math.abs(rounded);
  let text: string;
  if (magnitude >= 1e15 || magnitude < 1e-9) {
    const [mantissa, exponent] = rounded.toExponential(14).split("e");
    const trimmed = mantissa!.replace(/\.?0+$/, "");
    const power = Number(exponent);
    text = `${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  } else {
    text = String(rounded);
    if (/e/i.test(text)) text = rounded.toFixed(20).replace(/\.?0+$/, "");
  }
  return text.replace(".", decimal);
}

/** A cell value as a formula turns it into text in this locale. */
export function formulaText(value: string | number | boolean, locale: FakeLocale): string {
  const words = WORDS[locale];
  if (typeof value === "boolean") return value ? words.true : words.false;
  if (typeof value === "number") return numberText(value, words.decimal);
  return value;
}

/** A number typed the locale's way ("1,5" in fr-BE), or undefined. */
export function typedNumber(text: string, locale: FakeLocale): number | undefined {
  const { decimal } = WORDS[locale];
  const trimmed = text.trim();
  const pattern =
    decimal === ","
      ? /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/
      : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (!pattern.test(trimmed)) return undefined;
  return Number(trimmed.replace(",", "."));
}

/** A boolean typed in the locale's words (VRAI in fr-BE, WAAR in nl-BE), or undefined. */
export function typedBoolean(text: string, locale: FakeLocale): boolean | undefined {
  const words = WORDS[locale];
  const upper = text.trim().toUpperCase();
  if (upper === words.true) return true;
  if (upper === words.false) return false;
  return undefined;
}
