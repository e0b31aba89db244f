/** A cell as it arrives from Excel or a file: Excel gives numbers and booleans, files give text. */
export type Cell = string | number | boolean | null | undefined;

/**
 * The text without the spaces around it. Most cells begin and end with a visible ASCII
 * character: they are their own trimmed text, told by two character codes instead of a call
 * to trim (every cell of every row goes through here).
 */
function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0) return text;
  const first = text.charCodeAt(0);
  const end = text.charCodeAt(last);
  return first > 32 && first < 127 && end > 32 && end < 127 ? text : text.trim();
}

/**
 * The text of a cell, trimmed. Whole numbers are written out in full (no exponent, no ".0"),
 * because an identifier typed into a number-formatted cell arrives as a number.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return trimmed(cell);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return String(cell);
    return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  }
  return cell ? "TRUE" : "FALSE";
}

// Unicode "Cc" plus the line and paragraph separators: invisible characters that break imports.
const CONTROL_CHARACTERS_ALL = /[\p{Cc}\u2028\u2029]+/gu;

export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
      return true;
  }
  return false;
}

export function replaceControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS_ALL, " ").replace(/\s+/g, " ").trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A comparison key for names typed by people: case, Latin accents, Arabic vowel marks and
 * tatweel, punctuation and repeated spaces do not matter. Other combining marks stay: in Indic
 * scripts they are vowels, and dropping them would make different names equal.
 */
export function foldForLookup(text: string): string {
  // Most names are printable ASCII: nothing to decompose, no Arabic, and every character but a
  // letter or a digit is punctuation, a symbol or a space. The general path costs ten times more.
  if (PRINTABLE_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      // As Arabic is typed: alef maqsura for a final yeh (عربى), heh for teh marbuta (العربيه),
      // and the article al- dropped (عربية is العربية).
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647")
      .replace(/(^|\s)\u0627\u0644(?=\S)/g, "$1")
      .toLocaleLowerCase("und")
      .replace(/[\p{P}\p{S}\s]+/gu, " ")
      .trim()
  );
}

export function onlyDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
