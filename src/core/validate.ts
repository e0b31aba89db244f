import { findColumns, type ColumnMapping } from "./headers";
import type { Profile } from "./profile";
import { compileRule, Failure, type FieldChecker, type Normalized, type Params, type RuleOptions, type RowValues } from "./rules";
import { type Cell, cellText } from "./text";

/** One problem with one cell: SPEC §4's stable code, and the fix when exactly one is certain. */
export interface Problem {
  /** The sheet's 1-based row number. */
  row: number;
  field: string;
  /** `field.reason`, e.g. `enterpriseNumber.checksum`. */
  code: string;
  params?: Params;
  fix: string | null;
}

export interface RowResult {
  row: number;
  /** Normalized values in profile field order; undefined where empty or invalid. */
  values: (Normalized | undefined)[];
  problems: Problem[];
}

export interface ValidationResult {
  /** Non-empty rows only: an all-empty row is not a row (SPEC §3). */
  rows: RowResult[];
  /** Every problem, by row then by column order. */
  problems: Problem[];
}

/** A row to judge: its sheet row number and its cells in the profile's field order. */
export interface RowInput {
  row: number;
  cells: readonly Cell[];
}

export interface ValidateOptions extends Partial<RuleOptions> {
  /** Fields whose column the sheet does not have: not judged on any row. */
  absentFields?: ReadonlySet<string>;
  /** Values that already belong to a client of the partner, by field key. */
  existing?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * What cross-field rules see of a row: valid values, and for invalid cells with a certain fix
 * the fixed value, so a postal code is judged against "belgique" as BE.
 */
class RowView implements RowValues {
  values: (Normalized | undefined)[] = [];
  fixed: (Normalized | undefined)[] = [];
  constructor(private readonly positions: ReadonlyMap<string, number>) {}
  value(key: string): Normalized | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : (this.values[position] ?? this.fixed[position]);
  }
}

/** The rules of a profile, compiled once for a set of options, ready to judge many rows. */
export class Validator {
  private readonly checkers: FieldChecker[];
  private readonly judged: boolean[];
  private readonly positions: Map<string, number>;

  constructor(
    readonly profile: Profile,
    private readonly options: ValidateOptions = {}
  ) {
    const ruleOptions: RuleOptions = { headerLang: options.headerLang ?? "fr", templates: options.templates };
    this.checkers = profile.fields.map((field) => compileRule(field.rule, ruleOptions));
    this.judged = profile.fields.map((field) => !options.absentFields?.has(field.key));
    this.positions = new Map(profile.fields.map((field, i) => [field.key, i]));
  }

  /** Judges one row on its own (no duplicate check); undefined for an all-empty row. */
  validateRow(input: RowInput): RowResult | undefined {
    const { fields } = this.profile;
    const texts = fields.map((_, i) => (this.judged[i] ? cellText(input.cells[i]) : ""));
    if (texts.every((text) => text === "")) return undefined;
    const view = new RowView(this.positions);
    const failures: (Failure | undefined)[] = [];
    for (let i = 0; i < fields.length; i++) {
      const text = texts[i] as string;
      if (text === "") {
        if (this.judged[i] && fields[i]!.required) failures[i] = new Failure("required");
        continue;
      }
      const outcome = (this.checkers[i] as FieldChecker).parse(text, input.cells[i]);
      if (outcome instanceof Failure) {
        const fixed = this.fixedValue(i, outcome);
        failures[i] = fixed === undefined ? withoutFix(outcome) : outcome;
        view.fixed[i] = fixed;
      } else view.values[i] = outcome;
    }
    for (let i = 0; i < fields.length; i++) {
      const relate = this.checkers[i]!.relate;
      const value = view.values[i];
      if (!relate || value === undefined) continue;
      const failure = relate(value, view, input.cells[i]);
      if (failure) {
        failures[i] = failure;
        view.values[i] = undefined;
      }
    }
    const problems: Problem[] = [];
    for (let i = 0; i < fields.length; i++) {
      const failure = failures[i];
      const key = fields[i]!.key;
      if (failure) problems.push(problemOf(input.row, key, failure.reason, failure.params, failure.fix));
      else if (view.values[i] !== undefined && this.options.existing?.get(key)?.has(String(view.values[i]))) {
        problems.push(problemOf(input.row, key, "exists"));
      }
    }
    return { row: input.row, values: view.values, problems };
  }

  /** Judges rows, then marks values that several rows share (SPEC §3 duplicates). */
  validateRows(inputs: Iterable<RowInput>): ValidationResult {
    const rows: RowResult[] = [];
    for (const input of inputs) {
      const result = this.validateRow(input);
      if (result) rows.push(result);
    }
    this.markDuplicates(rows);
    const order = this.positions;
    const problems = rows.flatMap((row) => row.problems);
    problems.sort((a, b) => a.row - b.row || (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
    return { rows, problems };
  }

  /** A fix is offered only when the fixed value passes the field's own rule: its value. */
  private fixedValue(field: number, failure: Failure): Normalized | undefined {
    if (failure.fix === undefined) return undefined;
    const fixed = this.checkers[field]!.parse(failure.fix, failure.fix);
    return fixed instanceof Failure ? undefined : fixed;
  }

  private markDuplicates(rows: RowResult[]): void {
    this.profile.fields.forEach((field, i) => {
      if (!field.unique) return;
      const seen = new Map<string, RowResult[]>();
      for (const row of rows) {
        const key = identityOf(row, i, field.key);
        if (key === undefined) continue;
        const same = seen.get(key);
        if (same) same.push(row);
        else seen.set(key, [row]);
      }
      for (const same of seen.values()) {
        if (same.length < 2) continue;
        for (const row of same) {
          const others = same.filter((other) => other !== row).map((other) => other.row);
          row.problems.push(problemOf(row.row, field.key, "duplicate", { rows: others.join(", ") }));
        }
      }
    });
  }
}

/** The value a row holds for a unique field: its normalized value, or its certain fix. */
function identityOf(row: RowResult, position: number, key: string): string | undefined {
  const value = row.values[position];
  if (value !== undefined) return String(value);
  const fix = row.problems.find((problem) => problem.field === key)?.fix;
  return fix ?? undefined;
}

function withoutFix(failure: Failure): Failure {
  return failure.fix === undefined ? failure : new Failure(failure.reason, failure.params);
}

function problemOf(row: number, field: string, reason: string, params?: Params, fix?: string): Problem {
  const problem: Problem = { row, field, code: `${field}.${reason}`, fix: fix ?? null };
  if (params) problem.params = params;
  return problem;
}

export interface SheetValidation extends ValidationResult {
  mapping: ColumnMapping;
}

/**
 * Judges a whole sheet as read from a file: finds the header row and columns, reports each
 * missing required column once (on the header row), then judges every row below it.
 */
export function validateSheet(
  profile: Profile,
  sheet: readonly (readonly Cell[])[],
  options: Omit<ValidateOptions, "headerLang" | "absentFields"> = {}
): SheetValidation | undefined {
  const mapping = findColumns(profile, sheet);
  if (!mapping) return undefined;
  const absentFields = new Set(profile.fields.filter((_, i) => mapping.columns[i] === undefined).map((f) => f.key));
  const validator = new Validator(profile, { ...options, headerLang: mapping.headerLang, absentFields });
  const inputs = function* (): Generator<RowInput> {
    for (let r = mapping.headerRow + 1; r < sheet.length; r++) {
      const cells = sheet[r] ?? [];
      yield { row: r + 1, cells: mapping.columns.map((c) => (c === undefined ? undefined : cells[c])) };
    }
  };
  const result = validator.validateRows(inputs());
  const headerProblems = mapping.missingRequired.map((key) =>
    problemOf(mapping.headerRow + 1, key, "missingColumn")
  );
  return { mapping, rows: result.rows, problems: [...headerProblems, ...result.problems] };
}
