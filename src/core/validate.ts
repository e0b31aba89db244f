import { SharedIdentities } from "./duplicates";
import { problemOf, type Problem } from "./problem";
import { absentFields, findColumns, type ColumnMapping } from "./headers";
import { fieldPositions, type Profile } from "./profile";
import {
  compileRule,
  Failure,
  type FieldChecker,
  type Normalized,
  type RowValues,
  type RuleOptions,
} from "./rules";
import { type Cell, cellText } from "./text";

/** An empty required cell: the same failure every time (failures are never changed). */
const REQUIRED = new Failure("required");

/** Shared by every row without problems (most rows): never mutated, replaced on first problem. */
const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

export interface JudgedRow {
  row: number;
  /** Normalized values in profile field order; undefined where empty or invalid. */
  values: (Normalized | undefined)[];
  problems: Problem[];
  /** Valid values worth a second look (see FieldChecker.warn): the row stays valid. */
  warnings: Problem[];
}

export interface ValidationResult {
  /** How many rows are not empty: an all-empty row is not a row (docs/rules.md). */
  rowCount: number;
  /** Every problem, by row then by column order. */
  problems: Problem[];
  /** Every warning, in the same order (they do not make a row invalid). */
  warnings: Problem[];
}

/** A row to judge: its sheet row number and its cells in the profile's field order. */
export interface RowInput {
  row: number;
  cells: readonly Cell[];
}

/** A row judged on its own; `problems` may be a shared frozen list: never mutate it. */
export interface LiveVerdict {
  problems: readonly Problem[];
  identities: (string | undefined)[];
  /** Present only when the row has some (most rows have none). */
  warnings?: readonly Problem[];
}

export interface ValidateOptions extends Partial<RuleOptions> {
  /** Fields whose column the sheet does not have: not judged on any row. */
  absentFields?: ReadonlySet<string>;
  /** Values that already belong to a client of the partner, by field key. */
  existing?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Also warn where a value is understood but not written as the sheet's list writes it
   * (`field.spelling`, with the list's form as its fix): for a sheet the add-in can write to.
   */
  listedForms?: boolean;
}

/**
 * The rules of a profile, compiled once for a set of options, ready to judge many rows.
 * While it judges a row it is also that row's view for cross-field rules: they see valid
 * values and, for invalid cells with a certain fix, the fixed value (a postal code is judged
 * against "belgique" as BE).
 */
export class Validator implements RowValues {
  private readonly checkers: FieldChecker[];
  /**
   * Each field's parse, and the fields that have a cross-field rule or a warning: read once,
   * not looked up on checkers of a dozen shapes for every cell.
   */
  private readonly parsers: FieldChecker["parse"][];
  private readonly relating: number[];
  private readonly rowFixing: number[];
  private readonly warning: number[];
  /** The fields with a listed form, when the options ask for them. */
  private readonly listing: number[];
  private readonly judged: boolean[];
  /** Judged fields that must have a value. */
  private readonly required: boolean[];
  private readonly positions: ReadonlyMap<string, number>;
  private readonly uniqueFields: number[];
  /**
   * For each unique field, the unique field whose values it is compared with: itself, or the
   * field it identifies the same company as (a VAT number is compared with enterprise numbers).
   */
  readonly identitySlots: number[];

  // Scratch state reused from row to row: judging 100,000 rows should not feed the GC.
  private readonly failures: (Failure | undefined)[] = [];
  private readonly fixed: (Normalized | undefined)[] = [];
  private readonly scratchValues: (Normalized | undefined)[] = [];
  private current: (Normalized | undefined)[] = [];
  /** Bulk judgement's duplicate tables and sheet rows, kept from one set of rows to the next. */
  private readonly shared: SharedIdentities;
  private rowNumbers = new Int32Array(0);
  /** The warnings of the row judged last (shared empty list when none). */
  private warnings: Problem[] = NO_PROBLEMS;

  constructor(
    readonly profile: Profile,
    private readonly options: ValidateOptions = {}
  ) {
    const ruleOptions: RuleOptions = {
      headerLang: options.headerLang ?? "fr",
      templates: options.templates,
    };
    this.checkers = profile.fields.map((field) => compileRule(field.rule, ruleOptions));
    this.parsers = this.checkers.map((checker) => checker.parse);
    this.relating = this.checkers.flatMap((checker, i) => (checker.relate ? [i] : []));
    this.rowFixing = this.checkers.flatMap((checker, i) => (checker.fixFrom ? [i] : []));
    this.warning = this.checkers.flatMap((checker, i) => (checker.warn ? [i] : []));
    this.listing = options.listedForms
      ? this.checkers.flatMap((checker, i) => (checker.listedForm ? [i] : []))
      : [];
    this.judged = profile.fields.map((field) => !options.absentFields?.has(field.key));
    this.required = profile.fields.map((field, i) => this.judged[i]! && !!field.required);
    this.positions = fieldPositions(profile);
    this.uniqueFields = profile.fields.flatMap((field, i) => (field.unique ? [i] : []));
    this.identitySlots = this.uniqueFields.map((field, u) => {
      const same = this.checkers[field]!.sameIdentityAs;
      const slot = same ? this.uniqueFields.indexOf(this.positions.get(same.field) ?? -1) : -1;
      return slot >= 0 ? slot : u;
    });
    this.shared = new SharedIdentities(this.identitySlots);
  }

  value(key: string): Normalized | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : (this.current[position] ?? this.fixed[position]);
  }

  /** Judges one row on its own (no duplicate check); undefined for an all-empty row. */
  validateRow(input: RowInput): JudgedRow | undefined {
    const values: (Normalized | undefined)[] = new Array(this.profile.fields.length);
    const problems = this.judge(input, values);
    // The caller owns what it gets: never the shared empty list.
    return (
      problems && {
        row: input.row,
        values,
        problems: problems === NO_PROBLEMS ? [] : problems,
        warnings: [...this.warnings],
      }
    );
  }

  /**
   * Judges rows, and marks values that several rows share (docs/rules.md, duplicates).
   * Normalized values are not kept: a large paste should cost problems, not a copy of the
   * sheet. Nor is anything kept of a row without problems but its sheet row.
   */
  validateRows(inputs: Iterable<RowInput>): ValidationResult {
    const values = this.scratchValues;
    const { uniqueFields } = this;
    // Indexed: the loop stays free of an iterator's results.
    const list = Array.isArray(inputs) ? (inputs as readonly RowInput[]) : [...inputs];
    // By index (the order rows are judged in): the sheet row, and problems where there are.
    const rowNumbers = this.rowNumbersFor(list.length);
    let rowCount = 0;
    // Rows with problems of their own, in index order (a list, not a map: most rows have none).
    const listed: number[] = [];
    const lists: Problem[][] = [];
    const warningsAt = new Map<number, Problem[]>();
    let ascending = true;
    const shared = this.shared;
    shared.reset(list.length);
    for (let at = 0; at < list.length; at++) {
      const input = list[at]!;
      const problems = this.judge(input, values);
      if (!problems) continue;
      const index = rowCount++;
      if (index > 0 && input.row <= rowNumbers[index - 1]!) ascending = false;
      rowNumbers[index] = input.row;
      if (problems.length) {
        listed.push(index);
        lists.push(problems);
      }
      if (this.warnings.length) warningsAt.set(index, this.warnings);
      for (let u = 0; u < uniqueFields.length; u++) {
        const field = uniqueFields[u]!;
        const identity = this.identityOf(field, values[field]);
        if (identity !== undefined) shared.add(identity, index, u);
      }
    }
    const order = this.positions;
    const byField = (a: Problem, b: Problem) =>
      (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0);
    // Rows with no problem of their own but a duplicate: few, kept apart, then merged in.
    const onlyDuplicates = new Map<number, Problem[]>();
    const marked = new Set<Problem[]>();
    for (const [index, problem] of shared.problems(rowNumbers, this.uniqueKeys)) {
      const at = indexIn(listed, index);
      let list = at >= 0 ? lists[at] : onlyDuplicates.get(index);
      if (!list) onlyDuplicates.set(index, (list = []));
      list.push(problem);
      marked.add(list);
    }
    for (const list of marked) list.sort(byField);
    // Each row's problems and warnings are in column order: rows in sheet order need no sort.
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const others = [...onlyDuplicates.keys()].sort((a, b) => a - b);
    for (let i = 0, j = 0; i < listed.length || j < others.length;) {
      const fromListed = j >= others.length || (i < listed.length && listed[i]! < others[j]!);
      const list = fromListed ? lists[i++]! : onlyDuplicates.get(others[j++]!)!;
      for (const problem of list) problems.push(problem);
    }
    for (const list of warningsAt.values()) for (const warning of list) warnings.push(warning);
    if (!ascending) {
      const byPlace = (a: Problem, b: Problem) => a.row - b.row || byField(a, b);
      problems.sort(byPlace);
      warnings.sort(byPlace);
    }
    return { rowCount, problems, warnings };
  }

  /** Room for the sheet rows of `count` rows (sheet rows fit 32 bits: Excel has 1,048,576). */
  private rowNumbersFor(count: number): Int32Array {
    if (this.rowNumbers.length < count) this.rowNumbers = new Int32Array(count);
    return this.rowNumbers;
  }

  /** The keys of the fields that must not repeat across rows, in profile order. */
  get uniqueKeys(): string[] {
    return this.uniqueFields.map((field) => this.profile.fields[field]!.key);
  }

  /**
   * Judges one row for live checking: its own problems (no duplicate check) and, for each
   * unique field, what identifies the row there (its value, or its certain fix).
   */
  judgeLive(input: RowInput): LiveVerdict | undefined {
    const values = this.scratchValues;
    const problems = this.judge(input, values);
    if (!problems) return undefined;
    const { uniqueFields } = this;
    const identities = new Array<string | undefined>(uniqueFields.length);
    for (let u = 0; u < uniqueFields.length; u++)
      identities[u] = this.identityOf(uniqueFields[u]!, values[uniqueFields[u]!]);
    return this.warnings.length
      ? { problems, identities, warnings: this.warnings }
      : { problems, identities };
  }

  /** What a row holds for a unique field, as its identity slot writes it: its value or fix. */
  private identityOf(field: number, value: Normalized | undefined): string | undefined {
    const identity = value ?? this.fixed[field];
    if (identity === undefined) return undefined;
    const same = this.checkers[field]!.sameIdentityAs;
    return same ? same.key(identity) : String(identity);
  }

  /** Fills `values` with the row's normalized values; its problems, or undefined when empty. */
  private judge(input: RowInput, values: (Normalized | undefined)[]): Problem[] | undefined {
    const { fields } = this.profile;
    const count = fields.length;
    const { failures, fixed, judged, required, parsers, checkers } = this;
    // One pass: an all-empty row has parsed nothing when it turns out empty.
    let empty = true;
    let failed = false;
    this.warnings = NO_PROBLEMS;
    for (let i = 0; i < count; i++) {
      failures[i] = undefined;
      fixed[i] = undefined;
      values[i] = undefined;
      if (!judged[i]) continue;
      const cell = input.cells[i];
      const text = cellText(cell);
      if (text === "") {
        if (required[i]) {
          failures[i] = REQUIRED;
          failed = true;
        }
        continue;
      }
      empty = false;
      const outcome = parsers[i]!(text, cell);
      if (outcome instanceof Failure) {
        const fixedValue = this.fixedValue(i, outcome);
        failures[i] = fixedValue === undefined ? withoutFix(outcome) : outcome;
        fixed[i] = fixedValue;
        failed = true;
      } else values[i] = outcome;
    }
    if (empty) return undefined;
    this.current = values;
    for (const i of this.relating) {
      const value = values[i];
      if (value === undefined) continue;
      const failure = checkers[i]!.relate!(value, this, input.cells[i]);
      if (failure) {
        failures[i] = failure;
        values[i] = undefined;
        failed = true;
      }
    }
    for (const i of this.rowFixing) this.fixFromRow(i, input.cells[i]);
    for (const i of this.warning) {
      const value = values[i];
      if (value === undefined) continue;
      const warning = checkers[i]!.warn!(value);
      if (!warning) continue;
      if (this.warnings === NO_PROBLEMS) this.warnings = [];
      this.warnings.push(problemOf(input.row, fields[i]!.key, warning.reason, warning.params));
    }
    for (const i of this.listing) {
      const value = values[i];
      if (value === undefined) continue;
      const text = cellText(input.cells[i]);
      const listed = checkers[i]!.listedForm!(value, text);
      if (listed === undefined) continue;
      if (this.warnings === NO_PROBLEMS) this.warnings = [];
      this.warnings.push(
        problemOf(input.row, fields[i]!.key, "spelling", { value: text, listed }, listed)
      );
    }
    const existing = this.options.existing;
    if (!failed && !existing) return NO_PROBLEMS;
    const problems: Problem[] = [];
    for (let i = 0; i < count; i++) {
      const failure = failures[i];
      const key = fields[i]!.key;
      if (failure) {
        problems.push(problemOf(input.row, key, failure.reason, failure.params, failure.fix));
      } else if (existing && values[i] !== undefined && existing.get(key)?.has(String(values[i]))) {
        problems.push(problemOf(input.row, key, "exists"));
      }
    }
    return problems;
  }

  /** A fix the rest of the row makes certain, for a value refused without one. */
  private fixFromRow(field: number, cell: Cell): void {
    const failure = this.failures[field];
    if (failure === undefined || failure === REQUIRED || failure.fix !== undefined) return;
    const fix = this.checkers[field]!.fixFrom!(cellText(cell), this);
    if (fix === undefined) return;
    const withFix = new Failure(failure.reason, failure.params, fix);
    const value = this.fixedValue(field, withFix);
    if (value === undefined) return;
    this.failures[field] = withFix;
    this.fixed[field] = value;
  }

  /** A fix is offered only when the fixed value passes the field's own rule: its value. */
  private fixedValue(field: number, failure: Failure): Normalized | undefined {
    if (failure.fix === undefined) return undefined;
    const fixed = this.checkers[field]!.parse(failure.fix, failure.fix);
    return fixed instanceof Failure ? undefined : fixed;
  }
}

/** Where `value` is in an ascending list; -1 when it is not. */
function indexIn(ascending: readonly number[], value: number): number {
  let low = 0;
  let high = ascending.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = ascending[middle]!;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function withoutFix(failure: Failure): Failure {
  return failure.fix === undefined ? failure : new Failure(failure.reason, failure.params);
}

export interface SheetValidation extends ValidationResult {
  mapping: ColumnMapping;
}

/**
 * Judges a whole sheet as read from a file: finds the header row and columns, reports each
 * missing required column once (on the header row), then judges every row below it.
 */
/** A sheet's rows as the profile's fields, and how to judge them (its header language, columns). */
export interface SheetRows {
  mapping: ColumnMapping;
  options: ValidateOptions;
  /** The data rows under the header row, cells in profile field order. */
  inputs(): Generator<RowInput>;
}

/** Finds the header row and the columns of a sheet; undefined when it has no header row. */
export function sheetRows(
  profile: Profile,
  sheet: readonly (readonly Cell[])[],
  options: Omit<ValidateOptions, "headerLang" | "absentFields"> = {}
): SheetRows | undefined {
  const mapping = findColumns(profile, sheet);
  if (!mapping) return undefined;
  return {
    mapping,
    options: {
      ...options,
      headerLang: mapping.headerLang,
      absentFields: absentFields(profile, mapping),
    },
    *inputs() {
      for (let r = mapping.headerRow + 1; r < sheet.length; r++) {
        const cells = sheet[r] ?? [];
        yield {
          row: r + 1,
          cells: mapping.columns.map((c) => (c === undefined ? undefined : cells[c])),
        };
      }
    },
  };
}

export function validateSheet(
  profile: Profile,
  sheet: readonly (readonly Cell[])[],
  options: Omit<ValidateOptions, "headerLang" | "absentFields"> = {}
): SheetValidation | undefined {
  const rows = sheetRows(profile, sheet, options);
  if (!rows) return undefined;
  const { mapping } = rows;
  const validator = new Validator(profile, rows.options);
  const inputs = () => rows.inputs();
  const result = validator.validateRows(inputs());
  const headerProblems = mapping.missingRequired.map((key) =>
    problemOf(mapping.headerRow + 1, key, "missingColumn")
  );
  return {
    mapping,
    rowCount: result.rowCount,
    problems: [...headerProblems, ...result.problems],
    warnings: result.warnings,
  };
}
