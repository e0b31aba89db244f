import { indexRange, unionAscending } from "./ascending";
import type { Cell } from "./text";
import { DUPLICATE_ROWS_NAMED, duplicateProblem, smallest } from "./duplicates";
import { registryFindings, registryKeyOf, type RegistryAnswer, type RegistryKey } from "./registry";
import type { Problem } from "./problem";
import { fieldPositions } from "./profile";
import { groupProblems, type ProblemGroup } from "./problem-groups";
import { IdentityTable } from "./identity-table";
import { RemoteVerdicts } from "./remote-verdicts";
import { sameCells } from "./same-cells";
import type { LiveVerdict, Validator } from "./validate";

export interface LiveSummary {
  /** Non-empty rows. */
  rows: number;
  valid: number;
  invalid: number;
}

/**
 * A row as it was when something was decided about it (a fix computed, a client sent): where
 * it was, what it held, and its identifiers. A write made later goes where the row is then.
 */
export interface RowSnapshot {
  index: number;
  /** The row's cells in profile field order. */
  cells: readonly Cell[];
  /** Its identity in each unique field (normalized), as duplicates are found. */
  identities: readonly (string | undefined)[];
}

/** Where a row is now, or why it cannot be found. */
export type RowWhereabouts =
  | { index: number; moved: boolean; edited: boolean }
  | { index: undefined; reason: "gone" | "ambiguous" };

/**
 * The verdicts of a sheet kept up to date as rows change: re-judging a block of rows costs
 * those rows, plus the rows whose duplicate status they change, never the whole sheet.
 * Rows are 0-based indexes within the data; `firstRow` is the sheet row number of index 0.
 */
export class LiveSheet {
  private cells: (readonly Cell[] | undefined)[] = [];
  private verdicts: (LiveVerdict | undefined)[] = [];
  /**
   * For each identity slot (see Validator.identitySlots): identity → the row holding it, or
   * the set of rows when two or more do (a duplicate group). Most identities have one row: a
   * set for each would cost a paste of 10,000 rows 20,000 sets.
   */
  private groups: IdentityTable<Holders>[];
  /** A group's first rows and how many of its rows hold it in each unique field, until it changes. */
  private groupFacts = new WeakMap<Set<number>, { first: number[]; byField: number[] }>();
  /**
   * How many groups of two or more rows each row is in: whether a row is a duplicate, asked of
   * every row on every round, is one read instead of a lookup per identity.
   */
  private memberships: number[] = [];
  private readonly uniqueKeys: string[];
  /** What the partner API said of rows, while their cells stay as they were. */
  private remote: RemoteVerdicts;
  /** Each row's registry findings, computed when the row or its number's answer changes. */
  private registryWarnings: (readonly Problem[] | undefined)[] = [];

  /**
   * `registry`: what the public registries said, by registry number (see RegistryKey). The
   * caller may keep it, so that a new sheet of the same area starts with the same answers.
   */
  constructor(
    private validator: Validator,
    readonly firstRow: number,
    private readonly registry = new Map<string, RegistryAnswer>()
  ) {
    this.uniqueKeys = validator.uniqueKeys;
    this.groups = this.uniqueKeys.map(() => new IdentityTable<Holders>());
    this.remote = new RemoteVerdicts(fieldPositions(validator.profile));
  }

  get length(): number {
    return this.cells.length;
  }

  get profile() {
    return this.validator.profile;
  }

  cellsOf(index: number): readonly Cell[] | undefined {
    return this.cells[index];
  }

  /**
   * Replaces the rows from `start` with `rows` and sets the row count to `length` (rows past
   * it are dropped, new rows not given are empty). Returns the indexes whose problems may
   * have changed, ascending, dropped rows included.
   */
  update(
    start: number,
    rows: readonly (readonly Cell[])[],
    length = Math.max(this.length, start + rows.length)
  ): number[] {
    // Besides the rows given and the rows dropped: rows whose duplicate status they change.
    const others = new Set<number>();
    const dropped = indexRange(length, this.cells.length - length);
    for (const i of dropped) {
      this.forget(i, others);
      this.remote.drop(i);
    }
    // Grown or cut in one step: a paste of 10,000 rows into an empty sheet should not grow
    // three arrays a push at a time (each growth a copy).
    this.cells.length = length;
    this.verdicts.length = length;
    this.registryWarnings.length = length;
    this.memberships.length = Math.min(this.memberships.length, length);
    const given = indexRange(start, Math.min(rows.length, length - start));
    for (const table of this.groups) table.reserve(given.length);
    // One input for every row: judging keeps nothing of it but its number.
    const input: { row: number; cells: readonly Cell[] } = { row: 0, cells: [] };
    // An indexed loop: it runs once per row of a paste.
    for (let k = 0; k < given.length; k++) {
      const index = given[k]!;
      const cells = rows[k]!;
      this.forget(index, others);
      this.remote.follow(index, this.cells[index], cells);
      this.cells[index] = cells;
      input.row = this.firstRow + index;
      input.cells = cells;
      this.verdicts[index] = this.validator.judgeLive(input);
      this.registryWarnings[index] = this.registryFindingsOf(index);
      this.remember(index, others);
    }
    const changed = unionAscending(given, dropped);
    return unionAscending(
      changed,
      [...others].sort((a, b) => a - b)
    );
  }

  /** Judges every row again with other rules (a new template list): all rows are affected. */
  rejudge(validator: Validator): number[] {
    this.validator = validator;
    const cells = this.cells;
    this.cells = [];
    this.verdicts = [];
    this.registryWarnings = [];
    this.groups = this.uniqueKeys.map(() => new IdentityTable<Holders>());
    this.memberships = [];
    // The same cells: what the partner API found in them still holds.
    const remote = this.remote;
    const affected = this.update(
      0,
      cells.map((row) => row ?? []),
      cells.length
    );
    this.remote = remote;
    return affected;
  }

  /** The row's normalized values in profile field order (undefined where empty or invalid). */
  normalized(index: number) {
    const cells = this.cells[index];
    return cells && this.validator.validateRow({ row: this.firstRow + index, cells })?.values;
  }

  /** The row as it is now, to find it again after rows move; undefined for an empty row. */
  snapshot(index: number): RowSnapshot | undefined {
    const cells = this.cells[index];
    const verdict = this.verdicts[index];
    if (!cells || !verdict) return undefined;
    return { index, cells, identities: verdict.identities };
  }

  /**
   * Where a snapshot's row is now: at its index if it still holds the same cells, else the
   * one row that does. When `followEdits`, a row edited since is still found by its
   * identifiers (enterprise number, VAT number, ICE), if exactly one row has them.
   */
  locate(snapshot: RowSnapshot, followEdits = false): RowWhereabouts {
    const { index, cells } = snapshot;
    if (sameCells(this.cells[index], cells)) return { index, moved: false, edited: false };
    const same: number[] = [];
    for (let i = 0; i < this.cells.length && same.length < 2; i++)
      if (i !== index && sameCells(this.cells[i], cells)) same.push(i);
    if (same.length === 1) return { index: same[0]!, moved: true, edited: false };
    if (same.length > 1) return { index: undefined, reason: "ambiguous" };
    if (!followEdits) return { index: undefined, reason: "gone" };
    const holders = new Set<number>();
    snapshot.identities.forEach((identity, u) => {
      const held = identity === undefined ? undefined : this.slotOf(u).get(identity);
      if (typeof held === "number") holders.add(held);
      else for (const row of held ?? []) holders.add(row);
    });
    if (holders.size === 1) {
      const [found] = holders;
      return { index: found!, moved: found !== index, edited: true };
    }
    return { index: undefined, reason: holders.size > 1 ? "ambiguous" : "gone" };
  }

  /** Problems the partner API found in a row; each lasts until its cell changes. */
  setRemote(index: number, problems: Problem[] | undefined): void {
    this.remote.set(index, problems);
  }

  /** Whether any row's remote judgement still holds (a check with Banqup was made). */
  hasRemoteJudgements(): boolean {
    return this.remote.anyJudged;
  }

  /** Rows that pass the sheet's rules and that the partner API has not judged as they are. */
  awaitingRemoteJudgement(scope?: readonly number[]): number[] {
    const rows = scope ?? Array.from({ length: this.verdicts.length }, (_, i) => i);
    return rows.filter((i) => !this.remote.isJudged(i) && this.isLocallyValid(i));
  }

  /** Own problems, duplicates and the API's problems of a row, with sheet row numbers. */
  problemsOf(index: number): Problem[] {
    const verdict = this.verdicts[index];
    if (!verdict) return [];
    const remote = this.remote.problemsOf(index);
    if (remote) return [...this.localProblemsOf(index, verdict), ...remote];
    return this.localProblemsOf(index, verdict);
  }

  private localProblemsOf(index: number, verdict: LiveVerdict): Problem[] {
    const duplicates: Problem[] = [];
    verdict.identities.forEach((identity, u) => {
      const group = this.groupOf(u, identity);
      if (!group || group.size < 2) return;
      const { first, byField } = this.factsOf(group, identity!);
      const nearest = first.map((other) => this.firstRow + other);
      const row = this.firstRow + index;
      const sameField = byField[u] === group.size;
      duplicates.push(duplicateProblem(row, this.uniqueKeys[u]!, nearest, group.size, sameField));
    });
    return duplicates.length ? [...verdict.problems, ...duplicates] : [...verdict.problems];
  }

  /** The rows holding an identity of unique field `u`, when two or more do (in its slot). */
  private groupOf(u: number, identity: string | undefined): Set<number> | undefined {
    const held = identity === undefined ? undefined : this.slotOf(u).get(identity);
    return typeof held === "object" ? held : undefined;
  }

  private slotOf(u: number): IdentityTable<Holders> {
    return this.groups[this.validator.identitySlots[u]!]!;
  }

  /** Computed once per group and state: a group of 10,000 rows is read once, not per row. */
  private factsOf(group: Set<number>, identity: string) {
    let facts = this.groupFacts.get(group);
    if (!facts) {
      const first = smallest(group, DUPLICATE_ROWS_NAMED + 1);
      const byField = this.uniqueKeys.map(() => 0);
      for (const row of group) {
        this.verdicts[row]?.identities.forEach((held, u) => {
          if (held === identity && this.groupOf(u, held) === group) byField[u]!++;
        });
      }
      facts = { first, byField };
      this.groupFacts.set(group, facts);
    }
    return facts;
  }

  /** A row's warnings (valid values worth a second look, registry findings), with sheet rows. */
  warningsOf(index: number): readonly Problem[] {
    const own = this.verdicts[index]?.warnings ?? [];
    const registry = this.registryWarnings[index];
    return registry ? [...own, ...registry] : own;
  }

  /** The number the registries know a row by, when the row has a valid one. */
  registryKey(index: number): RegistryKey | undefined {
    const verdict = this.verdicts[index];
    const spec = this.profile.registry;
    return verdict && spec ? registryKeyOf(spec, this.uniqueKeys, verdict.identities) : undefined;
  }

  registryAnswer(number: string): RegistryAnswer | undefined {
    return this.registry.get(number);
  }

  /**
   * Takes in what the registries said (a check, or answers remembered in the workbook); returns
   * the rows whose findings may have changed.
   */
  setRegistryAnswers(answers: Iterable<readonly [string, RegistryAnswer]>): number[] {
    const numbers = new Set<string>();
    for (const [number, answer] of answers) {
      this.registry.set(number, answer);
      numbers.add(number);
    }
    const affected: number[] = [];
    for (let i = 0; i < this.verdicts.length; i++) {
      const key = this.registryKey(i);
      if (!key || !numbers.has(key.number)) continue;
      this.registryWarnings[i] = this.registryFindingsOf(i, key);
      affected.push(i);
    }
    return affected;
  }

  private registryFindingsOf(index: number, key?: RegistryKey): readonly Problem[] | undefined {
    // Most sheets were never checked against the registries: nothing to look up per row.
    if (this.registry.size === 0) return undefined;
    key ??= this.registryKey(index);
    const answer = key && this.registry.get(key.number);
    const cells = this.cells[index];
    if (!key || !answer || !cells) return undefined;
    const mandateField = this.profile.registry?.peppolMandate;
    const position = this.profile.fields.findIndex((field) => field.key === mandateField);
    // Judged again only for the rows the registry answered for, to read the Yes/No.
    const mandate = position >= 0 && this.normalized(index)?.[position] === true;
    const findings = registryFindings(
      this.profile,
      { row: this.firstRow + index, cells, mandate },
      key,
      answer
    );
    return findings.length ? findings : undefined;
  }

  /** Warnings grouped as problems are (they leave their rows valid). */
  warningGroups(): ProblemGroup[] {
    return groupProblems(this.profile, this.verdicts.length, (i) =>
      this.verdicts[i] ? this.warningsOf(i) : []
    );
  }

  /** Whether the row passes the rules of the sheet (the API's verdict apart). */
  isLocallyValid(index: number): boolean {
    const verdict = this.verdicts[index];
    return !!verdict && verdict.problems.length === 0 && !this.isDuplicate(index);
  }

  /** Whether the row has any problem: its own, a duplicate, or the partner API's. */
  hasProblems(index: number): boolean {
    const verdict = this.verdicts[index];
    if (!verdict) return false;
    return verdict.problems.length > 0 || this.remote.hasProblems(index) || this.isDuplicate(index);
  }

  isEmpty(index: number): boolean {
    return this.verdicts[index] === undefined;
  }

  summary(): LiveSummary {
    let rows = 0;
    let invalid = 0;
    for (let i = 0; i < this.verdicts.length; i++) {
      if (!this.verdicts[i]) continue;
      rows++;
      if (this.hasProblems(i)) invalid++;
    }
    return { rows, valid: rows - invalid, invalid };
  }

  /**
   * Rows with problems that certain fixes alone would repair: every problem of the row has a
   * fix (no duplicate, nothing the partner API refused). What "fix everything" would gain.
   */
  fixableRows(): number {
    let fixable = 0;
    for (let i = 0; i < this.verdicts.length; i++) {
      const verdict = this.verdicts[i];
      if (
        !verdict ||
        verdict.problems.length === 0 ||
        this.isDuplicate(i) ||
        this.remote.hasProblems(i)
      )
        continue;
      if (verdict.problems.every((problem) => problem.fix !== null)) fixable++;
    }
    return fixable;
  }

  /** Problems grouped by field and code, in profile column order, then by code. */
  problemGroups(): ProblemGroup[] {
    return groupProblems(this.profile, this.verdicts.length, (i) => this.problemsOf(i));
  }

  /** Each set of rows sharing an identity (a row sharing two is in two sets). */
  *duplicateGroups(): Generator<ReadonlySet<number>> {
    for (const slot of this.groups)
      for (const held of slot.values()) if (typeof held === "object") yield held;
  }

  private isDuplicate(index: number): boolean {
    return (this.memberships[index] ?? 0) > 0;
  }

  private joinOrLeave(index: number, change: 1 | -1): void {
    this.memberships[index] = (this.memberships[index] ?? 0) + change;
  }

  private forget(index: number, affected: Set<number>): void {
    const identities = this.verdicts[index]?.identities;
    if (!identities) return;
    // Indexed loops here and in remember: both run once per row of a paste.
    for (let u = 0; u < identities.length; u++) {
      const identity = identities[u];
      if (identity === undefined) continue;
      const slot = this.slotOf(u);
      const held = slot.get(identity);
      if (held === index) slot.delete(identity);
      if (typeof held !== "object" || !held.delete(index)) continue;
      this.joinOrLeave(index, -1);
      this.groupFacts.delete(held);
      if (held.size > 1) continue;
      // The one row left is no longer a duplicate.
      const [other] = held;
      slot.set(identity, other!);
      this.joinOrLeave(other!, -1);
      affected.add(other!);
    }
  }

  private remember(index: number, affected: Set<number>): void {
    const identities = this.verdicts[index]?.identities;
    if (!identities) return;
    for (let u = 0; u < identities.length; u++) {
      const identity = identities[u];
      if (identity === undefined) continue;
      const slot = this.slotOf(u);
      const held = slot.get(identity);
      if (held === undefined) slot.set(identity, index);
      else if (typeof held === "number") {
        if (held === index) continue;
        slot.set(identity, new Set([held, index]));
        this.joinOrLeave(held, 1);
        this.joinOrLeave(index, 1);
        // The row that held this value alone becomes a duplicate.
        affected.add(held);
      } else if (!held.has(index)) {
        held.add(index);
        this.joinOrLeave(index, 1);
        this.groupFacts.delete(held);
      }
    }
  }
}

/** The rows holding an identity: one row, or a set of two or more. */
type Holders = number | Set<number>;
