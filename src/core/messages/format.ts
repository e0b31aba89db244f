/**
 * One message formatter for the rules' messages, the pane's strings and the CLI's labels.
 *
 * A template holds text, `{name}` placeholders and plural choices in the ICU shape
 * (`{count, plural, =0 {none} one {# row} other {# rows}}`), chosen with the language's
 * `Intl.PluralRules`; `#` is the number. A list value is written with the language's
 * `Intl.ListFormat`: `{rows}` as "3, 7 and 9" ("3, 7 et 9", "3, 7 en 9"), `{lengths, or}` as
 * "7 or 8" ("7 ou 8", "7 of 8"). A placeholder whose value is
 * missing stays as written, so a gap shows instead of a wrong word.
 */
export type MessageValue = string | number | readonly (string | number)[];
export type MessageParams = Readonly<Record<string, MessageValue>>;

type Part =
  | string
  | { name: string; or?: boolean }
  | { name: string; exact: Map<number, Part[]>; forms: Map<string, Part[]> };

const compiled = new Map<string, Part[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();
const orFormats = new Map<string, Intl.ListFormat>();

export function formatMessage(template: string, lang: string, params: MessageParams = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = parse(template, 0, template.length);
    compiled.set(template, parts);
  }
  return render(parts, lang, params, undefined);
}

/** The parameter names a template uses (placeholders and plural choices, at any depth). */
export function messageParameters(template: string): string[] {
  const names = new Set<string>();
  const visit = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === "string") continue;
      names.add(part.name);
      if ("forms" in part)
        for (const body of [...part.exact.values(), ...part.forms.values()]) visit(body);
    }
  };
  visit(parse(template, 0, template.length));
  return [...names].sort();
}

function render(
  parts: Part[],
  lang: string,
  params: MessageParams,
  hash: number | undefined
): string {
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += hash === undefined ? part : part.replace(/#/g, String(hash));
      continue;
    }
    const value = params[part.name];
    if (!("forms" in part)) {
      text += value === undefined ? `{${part.name}}` : show(value, lang, part.or === true);
      continue;
    }
    const count = typeof value === "number" ? value : Array.isArray(value) ? value.length : NaN;
    if (Number.isNaN(count)) {
      text += `{${part.name}}`;
      continue;
    }
    const chosen =
      part.exact.get(count) ??
      part.forms.get(pluralRulesOf(lang).select(count)) ??
      part.forms.get("other");
    if (chosen) text += render(chosen, lang, params, count);
  }
  return text;
}

function show(value: MessageValue, lang: string, or: boolean): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  const formats = or ? orFormats : listFormats;
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: or ? "disjunction" : "conjunction" });
    formats.set(lang, format);
  }
  return format.format(value.map(String));
}

function pluralRulesOf(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** Parses `template[from, to)`; a malformed choice is a programming error, reported at once. */
function parse(template: string, from: number, to: number): Part[] {
  const parts: Part[] = [];
  let text = "";
  let i = from;
  while (i < to) {
    const char = template[i]!;
    if (char !== "{") {
      text += char;
      i++;
      continue;
    }
    const end = closing(template, i, to);
    const inside = template.slice(i + 1, end);
    const simple = /^\s*(\w+)\s*(,\s*or\s*)?$/.exec(inside);
    const choice = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inside);
    if (simple) {
      if (text) parts.push(text);
      text = "";
      parts.push(simple[2] ? { name: simple[1]!, or: true } : { name: simple[1]! });
    } else if (choice) {
      if (text) parts.push(text);
      text = "";
      parts.push(parseChoice(template, choice[1]!, i + 1 + choice[0].length, end));
    } else {
      text += template.slice(i, end + 1);
    }
    i = end + 1;
  }
  if (text) parts.push(text);
  return parts;
}

function parseChoice(template: string, name: string, from: number, to: number): Part {
  const exact = new Map<number, Part[]>();
  const forms = new Map<string, Part[]>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let i = from;
  while (i < to) {
    if (/^\s*$/.test(template.slice(i, to))) break;
    selector.lastIndex = i;
    const match = selector.exec(template);
    if (!match || match.index !== i) throw new Error(`Bad plural choice in: ${template}`);
    const open = i + match[0].length - 1;
    const end = closing(template, open, to);
    const body = parse(template, open + 1, end);
    const key = match[1]!;
    if (key.startsWith("=")) exact.set(Number(key.slice(1)), body);
    else forms.set(key, body);
    i = end + 1;
  }
  if (!forms.has("other")) throw new Error(`A plural choice needs "other": ${template}`);
  return { name, exact, forms };
}

/** The index of the brace that closes the one at `open`. */
function closing(template: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (template[i] === "{") depth++;
    else if (template[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in: ${template}`);
}
