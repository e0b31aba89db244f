import { formulaText, type FakeLocale } from "./locale";
import { FakeError, type CellValue, type SheetState } from "./workbook";

/**
 * Just enough of Excel's formula language to evaluate conditional-format rules the way Excel
 * does: relative references move with the cell being formatted (the formula is written for
 * the rule's top-left cell), `$` pins them; strings, numbers, `&`, `=`, `<>`, parentheses,
 * and IF, AND, OR, NOT, EXACT, LEN, ISNUMBER, ISLOGICAL, ISTEXT, ROW, COLUMN, INDEX. Text is
 * made of numbers and booleans the locale's way. Anything else throws, so a rule the fake
 * cannot judge fails a test instead of passing silently.
 */

interface RefPart {
  index: number;
  absolute: boolean;
}
interface RefToken {
  sheet?: string;
  from: { row?: RefPart; column?: RefPart };
  to: { row?: RefPart; column?: RefPart };
}
type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "ref"; v: RefToken }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

const REF_END =
  /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|^(\$?)([A-Za-z]{1,3})(?![A-Za-z(\d])|^(\$?)(\d{1,7})/;

function refEnd(text: string): { part: RefToken["from"]; length: number } | undefined {
  const m = REF_END.exec(text);
  if (!m) return undefined;
  const column = (letters: string, dollar: string): RefPart => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return { index: n - 1, absolute: dollar === "$" };
  };
  if (m[2] !== undefined)
    return {
      part: {
        column: column(m[2], m[1]!),
        row: { index: Number(m[4]) - 1, absolute: m[3] === "$" },
      },
      length: m[0].length,
    };
  if (m[6] !== undefined) return { part: { column: column(m[6], m[5]!) }, length: m[0].length };
  return {
    part: { row: { index: Number(m[8]) - 1, absolute: m[7] === "$" } },
    length: m[0].length,
  };
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let s = formula.replace(/^=/, "");
  while (s.length) {
    if (/^\s/.test(s)) {
      s = s.slice(1);
      continue;
    }
    if (s.startsWith('"')) {
      let i = 1;
      let v = "";
      for (; i < s.length; i++) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            v += '"';
            i++;
          } else break;
        } else v += s[i];
      }
      tokens.push({ t: "str", v });
      s = s.slice(i + 1);
      continue;
    }
    const op = /^(<>|<=|>=|[=&(),<>])/.exec(s);
    if (op) {
      tokens.push({ t: "op", v: op[1]! });
      s = s.slice(op[1]!.length);
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(s);
    if (fn) {
      tokens.push({ t: "fn", v: fn[1]!.toUpperCase() }, { t: "op", v: "(" });
      s = s.slice(fn[0].length);
      continue;
    }
    let sheet: string | undefined;
    const quoted = /^'((?:[^']|'')+)'!/.exec(s) ?? /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(s);
    let rest = s;
    if (quoted) {
      sheet = quoted[1]!.replace(/''/g, "'");
      rest = s.slice(quoted[0].length);
    }
    const start = refEnd(rest);
    if (start) {
      let length = start.length;
      let to = start.part;
      if (rest[length] === ":") {
        const end = refEnd(rest.slice(length + 1));
        if (!end) throw new Error(`bad range in ${formula}`);
        to = end.part;
        length += 1 + end.length;
      }
      tokens.push({ t: "ref", v: { sheet, from: start.part, to } });
      s = rest.slice(length);
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(s);
    if (num) {
      tokens.push({ t: "num", v: Number(num[0]) });
      s = s.slice(num[0].length);
      continue;
    }
    throw new Error(`the fake cannot read this formula: ${formula}`);
  }
  return tokens;
}

interface RangeValue {
  sheet: SheetState;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Value = CellValue | RangeValue;

export interface EvaluationSite {
  /** The sheet the rule is on and the cell being formatted. */
  sheet: SheetState;
  row: number;
  column: number;
  /** The rule's top-left cell: relative references are written for it. */
  anchorRow: number;
  anchorColumn: number;
  sheetNamed(name: string): SheetState;
  /** How numbers and booleans become text (`"!"&A2`); English when absent. */
  locale?: FakeLocale;
}

function isRange(value: Value): value is RangeValue {
  return typeof value === "object";
}

function scalar(value: Value): CellValue {
  if (!isRange(value)) return value;
  if (value.top !== value.bottom || value.left !== value.right)
    throw new Error("a range where a single value is needed");
  return value.sheet.value(value.top, value.left);
}

function asText(value: Value, locale: FakeLocale = "en-US"): string {
  return formulaText(scalar(value), locale);
}

function truthy(value: Value): boolean {
  const v = scalar(value);
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === "") return false;
  throw new FakeError("InvalidArgument", "#VALUE!");
}

/**
 * Excel's `=`: text ignores case; values of different types are never equal (no conversion),
 * except a blank cell, which equals "", 0 and FALSE. The fake keeps blanks as "".
 */
function equal(a: CellValue, b: CellValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (a === "") return b === 0 || b === false;
  if (b === "") return a === 0 || a === false;
  return a === b;
}

/** A formula read once into a tree of steps, then evaluated for each formatted cell. */
type Step = (site: EvaluationSite) => Value;

const COMPILED = new Map<string, Step>();

export function evaluate(formula: string, site: EvaluationSite): CellValue {
  let step = COMPILED.get(formula);
  if (!step) {
    step = compile(formula);
    COMPILED.set(formula, step);
  }
  return scalar(step(site));
}

function resolveRef(ref: RefToken, site: EvaluationSite): RangeValue {
  const sheet = ref.sheet ? site.sheetNamed(ref.sheet) : site.sheet;
  const move = (part: RefPart | undefined, delta: number, whole: number): number =>
    part === undefined ? whole : part.absolute ? part.index : part.index + delta;
  const dRow = site.row - site.anchorRow;
  const dColumn = site.column - site.anchorColumn;
  return {
    sheet,
    top: move(ref.from.row, dRow, 0),
    left: move(ref.from.column, dColumn, 0),
    bottom: move(ref.to.row, dRow, 1_048_575),
    right: move(ref.to.column, dColumn, 16_383),
  };
}

function call(name: string, args: Value[], site: EvaluationSite): Value {
  const text = (value: Value) => asText(value, site.locale);
  switch (name) {
    case "IF":
      return truthy(args[0]!) ? (args[1] ?? true) : (args[2] ?? false);
    case "ISLOGICAL":
      return typeof scalar(args[0]!) === "boolean";
    case "ISTEXT": {
      const v = scalar(args[0]!);
      return typeof v === "string" && v !== "";
    }
    case "AND":
      return args.every(truthy);
    case "OR":
      return args.some(truthy);
    case "NOT":
      return !truthy(args[0]!);
    case "EXACT":
      return text(args[0]!) === text(args[1]!);
    case "LEN":
      return text(args[0]!).length;
    case "ISNUMBER":
      return typeof scalar(args[0]!) === "number";
    case "HYPERLINK":
      // Excel shows the friendly name, or the link location when there is none.
      return scalar(args[1] ?? args[0]!);
    case "ROW":
      return args.length ? (args[0] as RangeValue).top + 1 : site.row + 1;
    case "COLUMN":
      return args.length ? (args[0] as RangeValue).left + 1 : site.column + 1;
    case "INDEX": {
      const range = args[0] as RangeValue;
      const row = Number(scalar(args[1]!));
      const column = Number(scalar(args[2] ?? 1));
      const r = range.top + row - 1;
      const c = range.left + column - 1;
      if (r > range.bottom || c > range.right) throw new FakeError("InvalidArgument", "#REF!");
      return { sheet: range.sheet, top: r, left: c, bottom: r, right: c };
    }
    default:
      throw new Error(`the fake does not know ${name}()`);
  }
}

function compile(formula: string): Step {
  const tokens = tokenize(formula);
  let pos = 0;
  const peek = () => tokens[pos];
  const expectOp = (v: string) => {
    const token = tokens[pos++];
    if (!token || token.t !== "op" || token.v !== v) throw new Error(`expected ${v} in ${formula}`);
  };

  const primary = (): Step => {
    const token = tokens[pos++];
    if (!token) throw new Error(`unexpected end of ${formula}`);
    switch (token.t) {
      case "str":
      case "num": {
        const value = token.v;
        return () => value;
      }
      case "ref": {
        const ref = token.v;
        return (site) => resolveRef(ref, site);
      }
      case "fn": {
        expectOp("(");
        const args: Step[] = [];
        if (!(peek()?.t === "op" && peek()?.v === ")")) {
          args.push(comparison());
          while (peek()?.t === "op" && peek()?.v === ",") {
            pos++;
            args.push(comparison());
          }
        }
        expectOp(")");
        const name = token.v;
        return (site) =>
          call(
            name,
            args.map((arg) => arg(site)),
            site
          );
      }
      case "op":
        if (token.v === "(") {
          const inner = comparison();
          expectOp(")");
          return inner;
        }
    }
    throw new Error(`unexpected token in ${formula}`);
  };

  const concat = (): Step => {
    const parts = [primary()];
    while (peek()?.t === "op" && peek()?.v === "&") {
      pos++;
      parts.push(primary());
    }
    if (parts.length === 1) return parts[0]!;
    return (site) => parts.map((part) => asText(part(site), site.locale)).join("");
  };

  const comparison = (): Step => {
    const left = concat();
    const next = peek();
    if (next?.t === "op" && (next.v === "=" || next.v === "<>")) {
      pos++;
      const right = concat();
      const negate = next.v === "<>";
      return (site) => {
        const same = equal(scalar(left(site)), scalar(right(site)));
        return negate ? !same : same;
      };
    }
    return left;
  };

  const result = comparison();
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return result;
}
