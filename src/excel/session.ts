import {
  LiveSheet,
  Validator,
  type Cell,
  type LiveSummary,
  type Problem,
  type ProblemGroup,
  type Profile,
  type RowSnapshot,
} from "../core";
import { cellAddress, LAST_ROW, parseSpans, type CellSpan } from "./address";
import {
  dataRowCount,
  fieldCells,
  firstDataRow,
  queueAreaLoad,
  sameLayout,
  type AreaGeometry,
  type AreaLoad,
  type AreaSpec,
} from "./area";
import type { TemplateInfo } from "./catalog";
import { workForChange, type ChangeWork } from "./changes";
import { KeyMemory, keyChanges, queueKeyRead, queueKeyWrite } from "./checks";
import { HealthCheck } from "./health";
import { listValues, queueColumnValidation, queueListsWrite } from "./lists";
import { queueFacts, type Facts } from "./facts";
import { CHECKS_SHEET, LEDGER_SHEET, SETTINGS } from "./names";
import { blockBytes, PAYLOAD_BUDGET_BYTES, syncInGroups } from "./payload";
import {
  planRowWrites,
  type LedgerState,
  type Misplaced,
  type RowWrite,
  type RowWriteOutcome,
} from "./row-writes";
import {
  hostRequirements,
  isPayloadTooLarge,
  officeErrorCode,
  type ExcelRun,
  type HostRequirements,
} from "./run";
import { mergeIndexRuns, mergeRows } from "./spans";
import { queueSettingWrite } from "./settings";

/** What one cell costs in a response before anything was measured (JSON, with its comma). */
const INITIAL_BYTES_PER_CELL = 20;
/**
 * Keys are read again with the changed rows up to this many rows (a check on what the session
 * remembers); a larger paste trusts the memory, to keep one response.
 */
const KEY_READ_ROWS = 2_000;
/** Rows under a table looked at for rows typed there that the table did not take in. */
const STRAY_SCAN_ROWS = 500;
/** A write whose rows keep moving under it is placed at most this many times. */
const MAX_WRITE_ATTEMPTS = 3;
/** A failed round is tried again after this long, doubling up to a minute. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 60_000;

export type SessionProblemKind = "areaMissing" | "headerMissing" | "excel";

/** Why live checking stopped: the pane says it in the user's language. */
export class SessionProblem extends Error {
  constructor(
    readonly kind: SessionProblemKind,
    readonly code?: string
  ) {
    super(`${kind}${code ? ` (${code})` : ""}`);
  }
}

/** What the pane needs about the selected cell. */
export interface SelectionInfo {
  address: { row: number; column: number };
  /** The data row (0-based index) and field under the cursor, when it is in the area. */
  index?: number;
  field?: string;
  /** Data rows covered by the selection, clipped to the area. */
  rows: number[];
}

/** Rows typed right under the table that the table did not take in (sheet rows, 0-based). */
export interface StrayRows {
  top: number;
  count: number;
}

export interface SessionOptions {
  run: ExcelRun;
  profile: Profile;
  spec: AreaSpec;
  /** Office.context.requirements; what the host supports decides which APIs are used. */
  requirements?: HostRequirements;
  /** The very hidden sheet of highlight keys (the self-check uses a scratch one). */
  checksSheet?: string;
  /** Judge the add-in's own writes as the user's (the self-check makes the user's moves). */
  ownWritesAreUsers?: boolean;
  onUpdate?: () => void;
  onProblem?: (problem: SessionProblem) => void;
}

/** One round of checking: what to read again and what else to do. */
interface Round {
  full: boolean;
  /** Sheet rows to read again. */
  spans: CellSpan[];
  /** Check the highlight rule, text formats and drop-downs (after possible pastes). */
  heal: boolean;
  catalog?: TemplateInfo[];
  /** Data rows whose highlight keys must be written again (their verdict changed here). */
  rewrite?: number[];
}

interface SpanRead {
  values: Excel.Range;
  /** The highlight keys at the same rows, for the previous layout. */
  keys?: { range: Excel.Range; top: number };
}

interface SpanReads {
  ranges: SpanRead[];
  /** Spans too large to read with the layout: read in pieces once it is known. */
  deferred: CellSpan[];
  /** The used rows right under a table: rows typed there that it did not take in. */
  below?: Excel.Range;
}

interface WriteTask {
  writes: RowWrite[];
  resolve: (outcomes: RowWriteOutcome[]) => void;
  reject: (error: unknown) => void;
}

interface RegisteredHandler {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/**
 * Live checking of one area: reads exactly the rows a change touched, judges them with the
 * core, and writes only the highlight keys that changed. Changes that arrive while a round
 * runs are merged into the next round, so a burst of events costs one round. Writes the pane
 * asks for (fixes, templates, send results) go through the same queue, and land only where
 * their row still is what they were computed from.
 */
export class LiveSession {
  geometry: AreaGeometry | undefined;
  live: LiveSheet | undefined;
  catalog: TemplateInfo[] | undefined;
  selection: SelectionInfo | undefined;
  problem: SessionProblem | undefined;
  strays: StrayRows | undefined;
  /** Rounds of checking done so far (the self-check waits for the one an event brings). */
  roundsDone = 0;

  private readonly run: ExcelRun;
  private readonly requirements: HostRequirements;
  private readonly checksSheet: string;
  private spec: AreaSpec;
  private keys: KeyMemory | undefined;
  private checksExists = false;
  private listsExists = false;
  private next: Round | undefined;
  private tasks: WriteTask[] = [];
  private failed: { round: Round; timer?: ReturnType<typeof setTimeout> } | undefined;
  private failures = 0;
  private worker: Promise<void> | undefined;
  private handlers: RegisteredHandler[] = [];
  private bytesPerCell = INITIAL_BYTES_PER_CELL;
  private closed = false;
  /** The ledger sheet is known to exist with lines (asked once per session). */
  private ledgerReady = false;
  /** Writes from the pane (fixes, templates) under way: the pane shows it is working. */
  private writing = 0;

  private constructor(private readonly options: SessionOptions) {
    this.run = options.run;
    this.spec = options.spec;
    this.requirements = options.requirements ?? hostRequirements();
    this.checksSheet = options.checksSheet ?? CHECKS_SHEET;
  }

  /** Opens a session: listens to the area's sheet and judges the whole area once. */
  static async open(options: SessionOptions): Promise<LiveSession> {
    const session = new LiveSession(options);
    session.schedule({ full: true, spans: [], heal: true });
    await session.idle();
    if (session.geometry) await session.listen();
    return session;
  }

  get profile(): Profile {
    return this.options.profile;
  }

  /** The `Excel.run` this session works with. */
  get excelRun(): ExcelRun {
    return this.run;
  }

  get areaSpec(): AreaSpec {
    return this.spec;
  }

  /** Whether a round of checking or a write is under way (the pane shows it is working). */
  get busy(): boolean {
    return this.worker !== undefined || this.writing > 0;
  }

  /** Resolves when every change seen so far has been judged and highlighted. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.failed?.timer) clearTimeout(this.failed.timer);
    this.failed = undefined;
    const handlers = this.handlers;
    this.handlers = [];
    await this.idle();
    // A handler is removed on the context that added it (Office's rule).
    for (const handler of handlers) {
      await this.run(handler.context, async (context) => {
        handler.remove();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each handler is removed on its own context (usually two)
        await context.sync();
      });
    }
  }

  summary(): LiveSummary {
    return this.live?.summary() ?? { rows: 0, valid: 0, invalid: 0 };
  }

  groups(): ProblemGroup[] {
    return this.live?.problemGroups() ?? [];
  }

  problemsOf(index: number): Problem[] {
    return this.live?.problemsOf(index) ?? [];
  }

  /** The row as it is now: what a write computed from it carries, to find it again. */
  snapshot(index: number): RowSnapshot | undefined {
    return this.live?.snapshot(index);
  }

  /** The sheet cell (0-based) of a field in a data row. */
  cellOf(index: number, field: string): { row: number; column: number } | undefined {
    const geometry = this.geometry;
    if (!geometry) return undefined;
    const position = this.profile.fields.findIndex((candidate) => candidate.key === field);
    const column = geometry.mapping.columns[position];
    if (column === undefined) return undefined;
    return { row: firstDataRow(geometry) + index, column: geometry.firstColumn + column };
  }

  /** Selects a data cell in Excel (the pane's "go to"). */
  async goTo(index: number, field: string): Promise<void> {
    const at = this.cellOf(index, field);
    const geometry = this.geometry;
    if (!at || !geometry) return;
    await this.run({ delayForCellEdit: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem(geometry.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(at.row, at.column, 1, 1).select();
      await context.sync();
    });
    this.selected(cellAddress(at.row, at.column));
  }

  /** A change Excel reported on the area's sheet (the wiring calls this; tests may too). */
  changed(args: Excel.WorksheetChangedEventArgs): void {
    const work = workForChange(args, this.requirements, this.options.ownWritesAreUsers);
    if (!work) return;
    this.schedule(this.roundFor(work));
  }

  /** Rows were sorted: the order of everything changed, and no onChanged says so. */
  sorted(): void {
    this.schedule({ full: true, spans: [], heal: false });
  }

  /** Records the selection (no Excel call: the verdicts are already here). */
  selected(address: string): void {
    const span = parseSpans(address)[0];
    if (!span) return;
    const geometry = this.geometry;
    const info: SelectionInfo = { address: { row: span.top, column: span.left }, rows: [] };
    if (geometry) {
      const first = firstDataRow(geometry);
      const count = dataRowCount(geometry);
      const top = Math.max(span.top, first);
      const bottom = Math.min(span.bottom, first + count - 1);
      for (let row = top; row <= bottom; row++) info.rows.push(row - first);
      if (span.top >= first && span.top < first + count) {
        info.index = span.top - first;
        const relative = span.left - geometry.firstColumn;
        const position = geometry.mapping.columns.indexOf(relative);
        if (position >= 0) info.field = this.profile.fields[position]!.key;
      }
    }
    this.selection = info;
    this.options.onUpdate?.();
  }

  /**
   * Problems the partner API found in rows (a refused client): highlighted and listed like the
   * sheet's own until the row is edited.
   */
  async markRemote(entries: { index: number; problems: Problem[] }[]): Promise<void> {
    const live = this.live;
    if (!live || entries.length === 0) return;
    for (const { index, problems } of entries) live.setRemote(index, problems);
    this.schedule({
      full: false,
      spans: [],
      heal: false,
      rewrite: entries.map((entry) => entry.index),
    });
    await this.idle();
  }

  /** Reads the whole area again (its layout changed, or before a send is confirmed). */
  async reload(): Promise<void> {
    this.schedule({ full: true, spans: [], heal: false });
    await this.idle();
  }

  /** Replaces the partner's templates: lists, drop-down and every row's verdict follow. */
  async setCatalog(catalog: TemplateInfo[]): Promise<void> {
    this.schedule({ full: false, spans: [], heal: false, catalog });
    await this.idle();
  }

  /**
   * Writes values into data cells (fixes, a template for selected rows), each only where its
   * row still holds what the value was computed from, wherever that row is now. Text is
   * written as text, so "0123" keeps its zero and "=x" never becomes a formula.
   */
  async write(
    cells: { row: RowSnapshot; field: string; value: string }[]
  ): Promise<RowWriteOutcome[]> {
    const byRow = new Map<RowSnapshot, { field: string; value: string }[]>();
    for (const { row, field, value } of cells) {
      const list = byRow.get(row) ?? [];
      list.push({ field, value });
      byRow.set(row, list);
    }
    return this.writeRows([...byRow].map(([row, values]) => ({ row, cells: values })));
  }

  /** Compare-and-set writes of rows (cells, statuses, ledger lines): see `RowWrite`. */
  async writeRows(writes: RowWrite[]): Promise<RowWriteOutcome[]> {
    if (writes.length === 0) return [];
    this.writing++;
    this.options.onUpdate?.();
    try {
      const done = new Promise<RowWriteOutcome[]>((resolve, reject) =>
        this.tasks.push({ writes, resolve, reject })
      );
      this.startWorker();
      return await done;
    } finally {
      this.writing--;
      this.options.onUpdate?.();
    }
  }

  /**
   * Takes the rows typed under the table into it (Table Design → Resize, ExcelApi 1.13).
   * False where Excel cannot: the pane then says how to do it by hand.
   */
  async includeStrays(): Promise<boolean> {
    const strays = this.strays;
    const geometry = this.geometry;
    if (!strays || !geometry || this.spec.kind !== "table") return false;
    const table = this.spec.table;
    let resized = false;
    await this.run({ delayForCellEdit: true }, async (context) => {
      if (this.requirements.isSetSupported("ExcelApi", "1.13")) {
        const range = context.workbook.worksheets
          .getItem(geometry.sheet)
          .getRangeByIndexes(
            geometry.headerRow,
            geometry.firstColumn,
            strays.top + strays.count - geometry.headerRow,
            geometry.lastColumn - geometry.firstColumn + 1
          );
        context.workbook.tables.getItem(table).resize(range);
        await context.sync();
        resized = true;
      }
    });
    if (resized) await this.reload();
    return resized;
  }

  private async listen(): Promise<void> {
    const geometry = this.geometry;
    if (!geometry || this.closed) return;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(geometry.sheet);
      this.handlers.push(
        sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => this.changed(args)),
        sheet.onSelectionChanged.add(async (args: Excel.WorksheetSelectionChangedEventArgs) =>
          this.selected(args.address)
        )
      );
      // A sort raises onRowSorted and, as documented, no onChanged (ExcelApi 1.10).
      if (this.requirements.isSetSupported("ExcelApi", "1.10")) {
        this.handlers.push(
          sheet.onRowSorted.add(async () => this.sorted()),
          sheet.onColumnSorted.add(async () => this.sorted())
        );
      }
      await context.sync();
    });
  }

  /** The round a change needs; a sheet area follows rows inserted or deleted above it. */
  private roundFor(work: ChangeWork): Round {
    const round: Round = { full: work.full, spans: work.spans, heal: work.heal };
    if (this.spec.kind !== "sheet" || work.full) return round;
    const header = this.spec.headerRow;
    const top = work.spans[0]?.top ?? 0;
    if (work.cellsMoved && top <= header) return { full: true, spans: [], heal: true };
    if (!work.rowShift || work.rowShift.at > header) return round;
    const { at, count } = work.rowShift;
    // Rows deleted through the header row take it with them: it is gone, not moved.
    const headerRow = count < 0 && header < at - count ? -1 : header + count;
    if (headerRow < 0) return { full: true, spans: [], heal: true };
    this.spec = { ...this.spec, headerRow };
    const spec = this.spec;
    void this.run({ delayForCellEdit: true }, async (context) => {
      queueSettingWrite(context, SETTINGS.area, spec);
      await context.sync();
    }).catch(() => undefined);
    return { full: true, spans: [], heal: true };
  }

  private schedule(round: Round): void {
    if (this.closed && !round.full) return;
    const next = this.next ?? { full: false, spans: [], heal: false };
    merge(next, round);
    // A round that failed is tried again with the next one.
    if (this.failed) {
      if (this.failed.timer) clearTimeout(this.failed.timer);
      merge(next, this.failed.round);
      this.failed = undefined;
    }
    this.next = next;
    this.startWorker();
  }

  private startWorker(): void {
    if (this.worker) return;
    this.worker = this.drain().finally(() => {
      this.worker = undefined;
      this.options.onUpdate?.();
    });
    this.options.onUpdate?.();
  }

  private async drain(): Promise<void> {
    while (this.next || this.tasks.length) {
      if (this.next) {
        const round = this.next;
        this.next = undefined;
        try {
          await this.process(round);
          this.roundsDone++;
          this.succeeded();
        } catch (error) {
          this.fail(round, error);
        }
      } else {
        const task = this.tasks.shift()!;
        try {
          task.resolve(await this.processWrites(task.writes));
          this.succeeded();
        } catch (error) {
          // The ledger may have gone (another add-in, code): look for it again next time.
          this.ledgerReady = false;
          task.reject(error);
        }
      }
      this.options.onUpdate?.();
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.problem = undefined;
  }

  /**
   * A round that failed is kept and tried again: with the next change, or after a pause when
   * Excel itself failed (busy, or a batch refused while the user edited a cell).
   */
  private fail(round: Round, error: unknown): void {
    this.problem = asSessionProblem(error);
    this.options.onProblem?.(this.problem);
    if (this.closed) return;
    this.failed = { round };
    if (this.problem.kind !== "excel") return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures++);
    this.failed.timer = setTimeout(() => {
      const failed = this.failed;
      if (!failed || this.closed) return;
      this.failed = undefined;
      this.schedule(failed.round);
    }, delay);
  }

  /** Waits while the user edits a cell (batches fail then otherwise); merges an undo record. */
  private runOptions(mergeUndo: boolean): Excel.RunOptions {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    // From ExcelApi 1.20 each sync is an undo record of its own: one batch, one record.
    if (mergeUndo && this.requirements.isSetSupported("ExcelApi", "1.20"))
      options.mergeUndoGroup = true;
    return options;
  }

  /**
   * One round: read the changed rows with the keys at the same cells, judge, write only the
   * keys that changed. At most three syncs for up to 10,000 rows (read, check the rule after
   * a paste, write); one when nothing changed.
   */
  private async process(round: Round): Promise<void> {
    // Creating a very hidden sheet cannot be undone, so it cannot join a merged undo group.
    const mergeUndo = this.checksExists && (!round.catalog || this.listsExists);
    await this.run(this.runOptions(mergeUndo), async (context) => {
      const previous = this.geometry;
      const partial = !round.full && previous !== undefined && this.live !== undefined;
      const facts = partial ? undefined : queueFacts(context, this.checksSheet);
      const area = queueAreaLoad(context, this.spec);
      const reads: SpanReads = partial
        ? this.queueSpanReads(context, area, previous, round.spans)
        : { ranges: [], deferred: [] };
      const health =
        partial && round.heal && this.checksExists
          ? new HealthCheck(context, this.healthScope(previous, rowsOf(round.spans, previous)))
          : undefined;
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || !partial) throw error;
        // The changed rows were too many for one response: read the layout alone, then cut.
        this.bytesPerCell *= 2;
        return this.process({ ...round, full: true });
      }
      if (facts) this.learnFacts(facts);
      const geometry = area.geometry(this.profile);
      if (!geometry) throw new SessionProblem("headerMissing");
      if (geometry.mapping.columns.every((column) => column === undefined))
        throw new SessionProblem("headerMissing");
      if (round.catalog) this.catalog = round.catalog;

      const rebuild = !partial || !sameLayout(previous, geometry) || !!round.catalog;
      let affected: number[];
      // Whether writes are queued that no key write will carry to Excel.
      let queued = false;
      if (rebuild) {
        const all = await this.readAll(context, geometry);
        affected = all.rows;
        queued = all.cleared;
        await this.findStrays(context, geometry);
      } else {
        affected = await this.applySpanReads(context, geometry, reads);
        if (round.rewrite) affected = union(affected, round.rewrite);
        if (reads.below) this.strays = straysFrom(reads.below, geometry);
      }
      this.geometry = geometry;

      let check = rebuild ? undefined : health;
      let everyKey = false;
      if (rebuild && (round.full || round.heal)) {
        check = new HealthCheck(context, this.healthScope(geometry));
        await context.sync();
      }
      if (!this.checksExists) {
        this.queueChecksSheet(context);
        queued = true;
      }
      if (check) {
        check.queueRuleDetails();
        await context.sync();
        const repairs = check.queueRepairs();
        queued ||= repairs.rule || repairs.outdatedRule || repairs.textColumns.length > 0;
        if (repairs.formatsPasted) {
          this.queueValidation(context, geometry);
          queued = true;
        }
        if (repairs.outdatedRule) {
          // Keys written for the older rule are of another kind: write every one again.
          everyKey = true;
          affected = union(affected, [...Array(dataRowCount(geometry)).keys()]);
        }
      }
      if (round.catalog) {
        this.queueCatalogWrite(context, geometry, round.catalog);
        queued = true;
      }
      const blocks = keyChanges(this.live!, geometry, affected, this.keys!, everyKey);
      await this.writeKeys(context, blocks, queued);
    });
  }

  private healthScope(geometry: AreaGeometry, rows?: { top: number; bottom: number }) {
    // Drop-downs exist once their lists were written (the template, or a sheet set up with them).
    const dropDowns = new Set(
      this.profile.fields
        .filter(
          (field) =>
            this.listsExists &&
            field.list &&
            listValues(field, geometry.mapping.headerLang, this.catalog ?? []).length
        )
        .map((field) => field.key)
    );
    return {
      geometry,
      profile: this.profile,
      rows,
      template: this.spec.kind === "table",
      dropDowns,
      checksSheet: this.checksSheet,
    };
  }

  private validatorFor(geometry: AreaGeometry): Validator {
    const absentFields = new Set(
      this.profile.fields
        .filter((_, i) => geometry.mapping.columns[i] === undefined)
        .map((field) => field.key)
    );
    return new Validator(this.profile, {
      headerLang: geometry.mapping.headerLang,
      templates: this.catalog?.map((template) => template.name),
      absentFields,
    });
  }

  private learnFacts(facts: Facts): void {
    this.checksExists = facts.checksExists();
    this.listsExists = facts.listsExists();
    this.catalog ??= facts.catalog();
  }

  /** The checks sheet: very hidden, General format (keys keep their type, see highlightKey). */
  private queueChecksSheet(context: Excel.RequestContext): void {
    const checks = context.workbook.worksheets.add(this.checksSheet);
    checks.visibility = "VeryHidden";
    this.checksExists = true;
  }

  /**
   * Reads every data row with its keys, judges them all, and clears keys the checks sheet
   * holds outside the area (rows that left it). Returns the rows whose keys may differ.
   */
  private async readAll(
    context: Excel.RequestContext,
    geometry: AreaGeometry
  ): Promise<{ rows: number[]; cleared: boolean }> {
    const checksUsed = this.checksExists
      ? context.workbook.worksheets.getItem(this.checksSheet).getUsedRangeOrNullObject(true)
      : undefined;
    checksUsed?.load("rowIndex, columnIndex, rowCount, columnCount");
    this.keys = new KeyMemory(geometry.firstColumn, areaWidth(geometry));
    const rows = await this.readRows(context, geometry, 0, dataRowCount(geometry), this.keys);
    this.live = new LiveSheet(this.validatorFor(geometry), firstDataRow(geometry) + 1);
    this.live.update(0, rows, rows.length);
    const cleared =
      checksUsed !== undefined &&
      !checksUsed.isNullObject &&
      this.queueKeysOutside(context, checksUsed, geometry);
    return { rows: [...Array(rows.length).keys()], cleared };
  }

  /** Clears keys left outside the area's data (the table shrank, columns moved). */
  private queueKeysOutside(
    context: Excel.RequestContext,
    used: Excel.Range,
    geometry: AreaGeometry
  ): boolean {
    const checks = context.workbook.worksheets.getItem(this.checksSheet);
    const data: CellSpan = {
      top: firstDataRow(geometry),
      bottom: geometry.lastRow,
      left: geometry.firstColumn,
      right: geometry.lastColumn,
    };
    const box: CellSpan = {
      top: used.rowIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      left: used.columnIndex,
      right: used.columnIndex + used.columnCount - 1,
    };
    const pieces = outside(box, data);
    for (const piece of pieces) {
      checks
        .getRangeByIndexes(
          piece.top,
          piece.left,
          piece.bottom - piece.top + 1,
          piece.right - piece.left + 1
        )
        .clear("Contents");
    }
    return pieces.length > 0;
  }

  /** Rows typed under a table that did not grow (AutoCorrect's expansion off, a total row). */
  private async findStrays(context: Excel.RequestContext, geometry: AreaGeometry): Promise<void> {
    if (this.spec.kind !== "table") {
      this.strays = undefined;
      return;
    }
    const below = this.queueBelow(context, this.spec.table);
    await context.sync();
    this.strays = straysFrom(below, geometry);
  }

  private queueBelow(context: Excel.RequestContext, table: string): Excel.Range {
    const below = context.workbook.tables
      .getItem(table)
      .getRange()
      .getRowsBelow(STRAY_SCAN_ROWS)
      .getUsedRangeOrNullObject(true);
    below.load("rowIndex, rowCount");
    return below;
  }

  /** Queues reads of the changed rows (and their keys), unless they would be too big. */
  private queueSpanReads(
    context: Excel.RequestContext,
    area: AreaLoad,
    previous: AreaGeometry,
    spans: CellSpan[]
  ): SpanReads {
    const width = areaWidth(previous);
    const merged = mergeRows(spans);
    const first = firstDataRow(previous);
    let cells = 0;
    for (const span of merged) {
      const bottom = span.bottom === LAST_ROW ? previous.lastRow + 1 : span.bottom;
      cells += Math.max(0, bottom - span.top + 1) * width;
    }
    const reads: SpanReads = { ranges: [], deferred: [] };
    // Rows typed under a table are looked at only when a change reached below it.
    if (this.spec.kind === "table" && merged.some((span) => span.bottom > previous.lastRow))
      reads.below = this.queueBelow(context, this.spec.table);
    // Too big for the first response: read the layout now, the rows after.
    if (cells * this.bytesPerCell > PAYLOAD_BUDGET_BYTES) {
      reads.deferred = merged;
      return reads;
    }
    reads.ranges = merged.map((span) => {
      const rows = area.sheet.getRange(`${span.top + 1}:${span.bottom + 1}`);
      const values = area.bounds.getIntersectionOrNullObject(rows);
      values.load("values, rowIndex");
      // The checks sheet does not move with the data: its keys are where they were written.
      const top = Math.max(span.top, first);
      const bottom = span.bottom === LAST_ROW ? previous.lastRow : span.bottom;
      const read: SpanRead = { values };
      if (this.checksExists && top <= bottom && bottom - top < KEY_READ_ROWS)
        read.keys = {
          range: queueKeyRead(
            context,
            {
              top,
              bottom,
              left: previous.firstColumn,
              right: previous.lastColumn,
            },
            this.checksSheet
          ),
          top,
        };
      return read;
    });
    return reads;
  }

  /** Applies the rows read for a change; reads what was deferred or what the area gained. */
  private async applySpanReads(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    reads: SpanReads
  ): Promise<number[]> {
    const live = this.live!;
    const memory = this.keys!;
    const first = firstDataRow(geometry);
    const count = dataRowCount(geometry);
    const previousCount = live.length;
    // Rows past the new end are dropped first (their keys are cleared).
    const affected = new Set<number>(live.update(0, [], count));
    const covered: [number, number][] = [];
    for (const { values: range, keys } of reads.ranges) {
      if (keys) memory.learn(keys.top, keys.range.values);
      if (range.isNullObject) continue;
      const values = range.values as Cell[][];
      const skip = Math.max(0, first - range.rowIndex);
      const start = range.rowIndex + skip - first;
      const rows = values.slice(skip).map((line) => fieldCells(geometry, line));
      if (rows.length === 0) continue;
      for (const index of live.update(start, rows, count)) affected.add(index);
      covered.push([start, start + rows.length - 1]);
      this.measure(values);
    }
    const wanted: [number, number][] = reads.deferred
      .map((span): [number, number] => [
        Math.max(0, span.top - first),
        Math.min(count - 1, span.bottom - first),
      ])
      .filter(([a, b]) => a <= b);
    // Rows the area gained that no read covered (a table resized by hand) are read too.
    for (let index = previousCount; index < count; index++) {
      if (!covered.some(([a, b]) => index >= a && index <= b)) wanted.push([index, index]);
    }
    for (const [a, b] of mergeIndexRuns(wanted)) {
      const rows = await this.readRows(context, geometry, a, b - a + 1, memory);
      for (const index of live.update(a, rows, count)) affected.add(index);
    }
    return [...affected].sort((a, b) => a - b);
  }

  /**
   * Reads data rows [start, start + count) (and, given a memory, the keys at the same cells)
   * in as few syncs as the payload limit allows; a refused response halves the next reads.
   */
  private async readRows(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    start: number,
    count: number,
    memory?: KeyMemory
  ): Promise<Cell[][]> {
    const rows: Cell[][] = [];
    if (count <= 0) return rows;
    const width = areaWidth(geometry);
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const withKeys = memory !== undefined && this.checksExists;
    let done = 0;
    while (done < count) {
      const perCell = this.bytesPerCell + (withKeys ? 4 : 0);
      const perChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (perCell * width)));
      const size = Math.min(perChunk, count - done);
      const top = firstDataRow(geometry) + start + done;
      const range = sheet.getRangeByIndexes(top, geometry.firstColumn, size, width);
      range.load("values");
      const keys = withKeys
        ? queueKeyRead(
            context,
            {
              top,
              bottom: top + size - 1,
              left: geometry.firstColumn,
              right: geometry.lastColumn,
            },
            this.checksSheet
          )
        : undefined;
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk: each response must stay under Excel's 5 MB
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || size === 1) throw error;
        this.bytesPerCell *= 2;
        continue;
      }
      const values = range.values as Cell[][];
      this.measure(values);
      if (keys) memory!.learn(top, keys.values);
      for (const line of values) rows.push(fieldCells(geometry, line));
      done += size;
    }
    return rows;
  }

  /** Learns what a cell costs in a response (UTF-8 bytes), to size the next reads. */
  private measure(values: Cell[][]): void {
    if (values.length < 100) return;
    const sample = values.slice(0, 200);
    const cells = sample.length * (sample[0]?.length ?? 1);
    const bytes = blockBytes(sample) / Math.max(1, cells);
    this.bytesPerCell = Math.max(INITIAL_BYTES_PER_CELL / 2, Math.ceil(bytes * 1.5));
  }

  /** Writes key blocks in requests under the budget; a block refused for its size is halved. */
  private async writeKeys(
    context: Excel.RequestContext,
    blocks: ReturnType<typeof keyChanges>,
    queued: boolean
  ): Promise<void> {
    const slices = blocks.flatMap((block) => sliceBlock(block, PAYLOAD_BUDGET_BYTES / 4));
    if (slices.length === 0) {
      if (queued) await context.sync();
      return;
    }
    await syncInGroups(
      context,
      slices,
      (block) => block.bytes,
      (group) => group.forEach((block) => queueKeyWrite(context, block, this.checksSheet))
    );
  }

  /** Drop-downs and input messages on every area column again (a paste took them away). */
  private queueValidation(context: Excel.RequestContext, geometry: AreaGeometry): void {
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const columns = geometry.mapping.columns.map((column) =>
      column === undefined ? undefined : geometry.firstColumn + column
    );
    const lang = geometry.mapping.headerLang;
    const promptLang =
      this.spec.kind === "table" && (lang === "fr" || lang === "nl" || lang === "en")
        ? lang
        : undefined;
    queueColumnValidation(
      sheet,
      this.profile,
      columns,
      firstDataRow(geometry),
      lang,
      this.catalog ?? [],
      promptLang
    );
  }

  private queueCatalogWrite(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    catalog: TemplateInfo[]
  ): void {
    queueSettingWrite(context, SETTINGS.templates, catalog);
    queueListsWrite(context, this.listsExists, this.profile, geometry.mapping.headerLang, catalog);
    this.listsExists = true;
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const columns = geometry.mapping.columns.map((column) =>
      column === undefined ? undefined : geometry.firstColumn + column
    );
    const onlyTemplates = this.profile.fields.map((field, i) =>
      field.list === "configurationTemplates" ? columns[i] : undefined
    );
    queueColumnValidation(
      sheet,
      this.profile,
      onlyTemplates,
      firstDataRow(geometry),
      geometry.mapping.headerLang,
      catalog
    );
  }

  /**
   * Compare-and-set. Each write goes where its row is now (as the session knows the rows) and
   * the request that writes a row first reads it: a row that was not what the write was
   * computed from when the write landed (it moved on the way, or the session's picture was
   * stale) gets back what it held, the area is read again and the write placed anew, up to
   * three times. One request when nothing moved; one undo record on ExcelApi 1.20 when the
   * batch creates no sheet.
   */
  private async processWrites(writes: RowWrite[]): Promise<RowWriteOutcome[]> {
    if (!this.geometry || !this.live) throw new SessionProblem("areaMissing");
    // readAll replaces both; the session never loses them once it has them.
    const live = () => this.live!;
    const geometry = () => this.geometry!;
    const mergeUndo = !writes.some((write) => write.ledger);
    return this.run(this.runOptions(mergeUndo), async (context) => {
      const outcomes: RowWriteOutcome[] = [];
      const ledger = await this.ledgerState(context, writes);
      let remaining = writes.map((_, i) => i);
      let affected: number[] = [];
      for (let attempt = 0; remaining.length > 0; attempt++) {
        if (attempt === MAX_WRITE_ATTEMPTS) {
          for (const i of remaining) outcomes[i] = { written: false, reason: "moving" };
          break;
        }
        if (attempt > 0) {
          // Rows moved under the writes: read the area as it is now, and place them again.
          const area = queueAreaLoad(context, this.spec);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only when rows moved under a write, at most twice
          await context.sync();
          const now = area.geometry(this.profile);
          if (!now) throw new SessionProblem("headerMissing");
          affected = union(affected, (await this.readAll(context, now)).rows);
          this.geometry = now;
        }
        const batch = remaining.map((i) => writes[i]!);
        const plan = planRowWrites(context, {
          live: live(),
          geometry: geometry(),
          writes: batch,
          ledger,
          withLedger: attempt === 0,
        });
        affected = union(affected, plan.affected);
        plan.outcomes.forEach((outcome, k) => (outcomes[remaining[k]!] = outcome));
        const misplaced: Misplaced[] = [];
        await syncInGroups(
          context,
          plan.units,
          (unit) => unit.bytes,
          (group) => {
            const checks = group.flatMap((unit) => unit.queue() ?? []);
            return () => checks.forEach((check) => misplaced.push(...check()));
          }
        );
        for (const wrong of misplaced) wrong.restore();
        remaining = misplaced.flatMap((wrong) => wrong.writes.map((k: number) => remaining[k]!));
      }
      const blocks = keyChanges(live(), geometry(), affected, this.keys!);
      await this.writeKeys(context, blocks, remaining.length > 0);
      return outcomes;
    });
  }

  /**
   * What the ledger sheet is like (only asked when the writes append to it). A missing ledger
   * is created first, in a request of its own: another pane may be creating it at the same
   * moment, and then theirs is the one.
   */
  private async ledgerState(
    context: Excel.RequestContext,
    writes: RowWrite[]
  ): Promise<LedgerState> {
    if (!writes.some((write) => write.ledger) || this.ledgerReady) return "ready";
    const state = await this.findLedger(context);
    // A ledger with lines stays: very hidden, nobody removes it but code.
    this.ledgerReady = state === "ready";
    return state;
  }

  private async findLedger(context: Excel.RequestContext): Promise<LedgerState> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
    await context.sync();
    if (sheet.isNullObject) {
      try {
        const created = context.workbook.worksheets.add(LEDGER_SHEET);
        created.visibility = "VeryHidden";
        const header = created.getRange("A1:B1");
        header.numberFormat = [["@", "@"]];
        header.values = [["key", "client"]];
        await context.sync();
        return "ready";
      } catch (error) {
        if (officeErrorCode(error) !== "ItemAlreadyExists") throw error;
      }
    }
    const used = context.workbook.worksheets
      .getItem(LEDGER_SHEET)
      .getRange("A:B")
      .getUsedRangeOrNullObject(true);
    await context.sync();
    return used.isNullObject ? "empty" : "ready";
  }
}

function merge(into: Round, round: Round): void {
  into.full ||= round.full;
  into.heal ||= round.heal;
  into.spans.push(...round.spans);
  if (round.catalog) into.catalog = round.catalog;
  if (round.rewrite) into.rewrite = [...(into.rewrite ?? []), ...round.rewrite];
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function areaWidth(geometry: AreaGeometry): number {
  return geometry.lastColumn - geometry.firstColumn + 1;
}

/** The sheet rows a round's spans cover within the area (for the health check). */
function rowsOf(spans: CellSpan[], geometry: AreaGeometry): { top: number; bottom: number } {
  const top = Math.min(...spans.map((span) => span.top));
  const bottom = Math.max(...spans.map((span) => span.bottom));
  return {
    top: Number.isFinite(top) ? top : firstDataRow(geometry),
    bottom: bottom === LAST_ROW || !Number.isFinite(bottom) ? geometry.lastRow + 1 : bottom,
  };
}

/** The parts of `box` outside `inner` (up to four). */
function outside(box: CellSpan, inner: CellSpan): CellSpan[] {
  const common = {
    top: Math.max(box.top, inner.top),
    bottom: Math.min(box.bottom, inner.bottom),
    left: Math.max(box.left, inner.left),
    right: Math.min(box.right, inner.right),
  };
  if (common.top > common.bottom || common.left > common.right) return [box];
  const pieces: CellSpan[] = [];
  if (box.top < common.top) pieces.push({ ...box, bottom: common.top - 1 });
  if (common.bottom < box.bottom) pieces.push({ ...box, top: common.bottom + 1 });
  if (box.left < common.left)
    pieces.push({ top: common.top, bottom: common.bottom, left: box.left, right: common.left - 1 });
  if (common.right < box.right)
    pieces.push({
      top: common.top,
      bottom: common.bottom,
      left: common.right + 1,
      right: box.right,
    });
  return pieces;
}

/** The rows right under the table that hold something, if they start right under it. */
function straysFrom(below: Excel.Range, geometry: AreaGeometry): StrayRows | undefined {
  if (below.isNullObject) return undefined;
  const first = geometry.lastRow + 1 + (geometry.totalRow ? 1 : 0);
  return below.rowIndex === first ? { top: below.rowIndex, count: below.rowCount } : undefined;
}

/** A key block cut into slices of rows, each under `budget` bytes. */
function sliceBlock(block: ReturnType<typeof keyChanges>[number], budget: number) {
  if (block.bytes <= budget || block.keys.length < 2) return [block];
  const rowsPerSlice = Math.max(1, Math.floor((block.keys.length * budget) / block.bytes));
  const slices = [];
  for (let i = 0; i < block.keys.length; i += rowsPerSlice) {
    const keys = block.keys.slice(i, i + rowsPerSlice);
    slices.push({
      span: {
        ...block.span,
        top: block.span.top + i,
        bottom: block.span.top + i + keys.length - 1,
      },
      keys,
      bytes: blockBytes(keys),
    });
  }
  return slices;
}

function asSessionProblem(error: unknown): SessionProblem {
  if (error instanceof SessionProblem) return error;
  const code = officeErrorCode(error);
  if (code === "ItemNotFound") return new SessionProblem("areaMissing", code);
  return new SessionProblem("excel", code);
}
