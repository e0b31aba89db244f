import { fieldPositions, type FieldDef, type HeaderLang, type Profile } from "./profile";
import { type Cell, cellText, foldForLookup } from "./text";

/** Where each of the profile's fields is in a sheet, and in which language its headers are. */
export interface ColumnMapping {
  /** 0-based index of the header row among the sheet's rows. */
  headerRow: number;
  /** For each profile field, in profile order: its 0-based column, or undefined when absent. */
  columns: (number | undefined)[];
  headerLang: HeaderLang;
  /** Keys of required fields that have no column. */
  missingRequired: string[];
}

interface HeaderIndex {
  /** Folded header text → field index; exact headers and keys first, then short forms. */
  exact: Map<string, number>;
  loose: Map<string, number>;
  /** Folded exact header text → the languages it is the header of. */
  languages: Map<string, HeaderLang[]>;
}

const indexes = new WeakMap<Profile, HeaderIndex>();

function headerIndex(profile: Profile): HeaderIndex {
  const cached = indexes.get(profile);
  if (cached) return cached;
  const exact = new Map<string, Set<number>>();
  const loose = new Map<string, Set<number>>();
  const languages = new Map<string, HeaderLang[]>();
  const put = (map: Map<string, Set<number>>, text: string, field: number) => {
    const key = foldForLookup(text);
    if (key) map.set(key, (map.get(key) ?? new Set()).add(field));
  };
  /** A header in a language: found exactly, and without its "(…)" ("Pays (code lettre)" as "Pays"). */
  const putHeader = (header: string, lang: HeaderLang, field: number) => {
    put(exact, header, field);
    const folded = foldForLookup(header);
    languages.set(folded, [...(languages.get(folded) ?? []), lang]);
    put(loose, header.replace(/\(.*\)/, ""), field);
  };
  profile.fields.forEach((field: FieldDef, i) => {
    put(exact, field.key, i);
    for (const lang of profile.headerLanguages) {
      const header = field.headers[lang];
      if (header) putHeader(header, lang, i);
    }
    // The platform's own template (French) is found as exactly as ours.
    if (field.platformHeader) putHeader(field.platformHeader, "fr", i);
    for (const alias of field.aliases) put(loose, alias, i);
  });
  const unique = (map: Map<string, Set<number>>) =>
    new Map(
      [...map].filter(([, fields]) => fields.size === 1).map(([k, f]) => [k, [...f][0] as number])
    );
  const index = { exact: unique(exact), loose: unique(loose), languages };
  indexes.set(profile, index);
  return index;
}

/** The field a header cell names: accents, case, punctuation and a trailing "*" do not matter. */
function matchHeader(profile: Profile, text: string): number | undefined {
  const index = headerIndex(profile);
  const key = foldForLookup(text);
  return index.exact.get(key) ?? index.loose.get(key);
}

/**
 * Finds the header row among the first rows of a sheet: the row naming the most fields (at
 * least two). Columns may be in any order and any supported language.
 */
export function findColumns(
  profile: Profile,
  rows: readonly (readonly Cell[])[],
  scanRows = 30
): ColumnMapping | undefined {
  let best: { row: number; columns: (number | undefined)[]; found: number } | undefined;
  for (let r = 0; r < Math.min(rows.length, scanRows); r++) {
    const columns: (number | undefined)[] = profile.fields.map(() => undefined);
    let found = 0;
    (rows[r] ?? []).forEach((cell, c) => {
      const field = matchHeader(profile, cellText(cell));
      if (field !== undefined && columns[field] === undefined) {
        columns[field] = c;
        found++;
      }
    });
    if (found >= 2 && (!best || found > best.found)) best = { row: r, columns, found };
  }
  if (!best) return undefined;
  const { row, columns } = best;
  return {
    headerRow: row,
    columns,
    headerLang: detectHeaderLanguage(profile, rows[row] ?? []),
    missingRequired: missingRequired(profile, columns),
  };
}

/** The language most of the header cells are written in; ties go to the profile's first. */
function detectHeaderLanguage(profile: Profile, headerCells: readonly Cell[]): HeaderLang {
  const { languages } = headerIndex(profile);
  const votes = new Map<HeaderLang, number>();
  for (const cell of headerCells) {
    for (const lang of languages.get(foldForLookup(cellText(cell))) ?? []) {
      votes.set(lang, (votes.get(lang) ?? 0) + 1);
    }
  }
  let winner = profile.headerLanguages[0] as HeaderLang;
  for (const lang of profile.headerLanguages) {
    if ((votes.get(lang) ?? 0) > (votes.get(winner) ?? 0)) winner = lang;
  }
  return winner;
}

/**
 * What the user said about a column: header text (as typed) → the field it holds, or null
 * for "not imported". Kept in the workbook so a corrected mapping survives column moves.
 */
export type MappingOverrides = Readonly<Record<string, string | null>>;

/** A key for header text that survives case, accents and spacing edits. */
export function headerKey(text: string): string {
  return foldForLookup(text);
}

/**
 * Maps one known header row (columns relative to its first cell): overrides first, then the
 * header text in any supported language. A field claimed twice keeps its first column.
 */
export function mapHeaderRow(
  profile: Profile,
  headerCells: readonly Cell[],
  overrides: MappingOverrides = {}
): ColumnMapping {
  const positions = fieldPositions(profile);
  const columns: (number | undefined)[] = profile.fields.map(() => undefined);
  headerCells.forEach((cell, c) => {
    const text = cellText(cell);
    if (!text) return;
    const key = headerKey(text);
    const field = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
    const index =
      field === null
        ? undefined
        : field !== undefined
          ? positions.get(field)
          : matchHeader(profile, text);
    if (index !== undefined && columns[index] === undefined) columns[index] = c;
  });
  return {
    headerRow: 0,
    columns,
    headerLang: detectHeaderLanguage(profile, headerCells),
    missingRequired: missingRequired(profile, columns),
  };
}

/** Keys of the required fields that have no column. */
function missingRequired(profile: Profile, columns: readonly (number | undefined)[]): string[] {
  return profile.fields.filter((f, i) => f.required && columns[i] === undefined).map((f) => f.key);
}

/** The keys of the fields a mapping found no column for: not judged on any row. */
export function absentFields(profile: Profile, mapping: ColumnMapping): Set<string> {
  return new Set(
    profile.fields.filter((_, i) => mapping.columns[i] === undefined).map((field) => field.key)
  );
}
