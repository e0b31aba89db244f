import {
  platformFile,
  type LiveSheet,
  type LiveSummary,
  type PlatformFile,
  type Problem,
  type ProblemGroup,
  type Profile,
  type RegistryAnswer,
  type RowInput,
  type RowSnapshot,
} from "../core";
import { cellAddress, LAST_ROW, parseSpans, type CellSpan } from "./address";
import {
  dataRowCount,
  firstDataRow,
  queueAreaLoad,
  sameLayout,
  type AreaGeometry,
  type AreaSpec,
} from "./area";
import { AreaState, type SpanReads, type StrayRows } from "./area-state";
import type { TemplateInfo } from "./catalog";
import { workForChange, type ChangeWork } from "./changes";
import { keyChanges } from "./checks";
import { HealthCheck } from "./health";
import { queueFacts } from "./facts";
import { CHECKS_SHEET, SETTINGS } from "./names";
import { findLedger, placeRowWrites, union } from "./place-writes";
import { cellsByRow, type LedgerState, type RowWrite, type RowWriteOutcome } from "./row-writes";
import { hostRequirements, isPayloadTooLarge, type ExcelRun, type HostRequirements } from "./run";
import { asSessionProblem, SessionProblem } from "./session-problem";
import { queueSettingWrite } from "./settings";
import { queueStatusTexts, SentRows } from "./sent-rows";
import { readLedger } from "./status";

export { SessionProblem, type SessionProblemKind } from "./session-problem";
export type { StrayRows } from "./area-state";

/** A failed round is tried again after this long, doubling up to a minute. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 60_000;

/** What the pane needs about the selected cell. */
export interface SelectionInfo {
  address: { row: number; column: number };
  /** The data row (0-based index) and field under the cursor, when it is in the area. */
  index?: number;
  field?: string;
  /** Data rows covered by the selection, clipped to the area. */
  rows: number[];
}

/** A group of problems as the pane lists it, with one of its rows' problems as the example. */
export interface ProblemGroupView extends ProblemGroup {
  example?: Problem;
}

/**
 * What the pane shows of a session, made at most once per change (a round of checking, a
 * selection, a write starting or ending) and never changed after: the pane renders from it
 * through useSyncExternalStore. Fixes it offers carry the rows they were computed from.
 */
export interface SessionView {
  summary: LiveSummary;
  /** Rows with problems that certain fixes alone would repair. */
  fixableRows: number;
  groups: readonly ProblemGroupView[];
  /** Valid values worth a second look (likely typos), grouped as problems are. */
  warningGroups: readonly ProblemGroupView[];
  /** The sheet row number of data row 0. */
  firstRow: number;
  selection: SelectionInfo | undefined;
  /** The selected cell's problems and warnings, and the row as they were computed from it. */
  selected:
    { row: RowSnapshot; problems: readonly Problem[]; warnings: readonly Problem[] } | undefined;
  /** The selected rows that hold a client, as they are now. */
  selectedRows: readonly RowSnapshot[];
  strays: StrayRows | undefined;
  problem: SessionProblem | undefined;
  busy: boolean;
  catalog: readonly TemplateInfo[] | undefined;
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
  selection: SelectionInfo | undefined;
  problem: SessionProblem | undefined;
  /** Rounds of checking done so far (the self-check waits for the one an event brings). */
  roundsDone = 0;

  private readonly run: ExcelRun;
  private readonly requirements: HostRequirements;
  /** The area as the session knows it, and how it is read and written. */
  private readonly area: AreaState;
  private next: Round | undefined;
  private tasks: WriteTask[] = [];
  private failed: { round: Round; timer?: ReturnType<typeof setTimeout> } | undefined;
  private failures = 0;
  private worker: Promise<void> | undefined;
  private handlers: RegisteredHandler[] = [];
  private closed = false;
  /** The ledger sheet is known to exist with lines (asked once per session). */
  private ledgerReady = false;
  /** What was sent for each created row: its status follows its edits at once. */
  private readonly sent = new SentRows();
  /** Writes from the pane (fixes, templates) under way: the pane shows it is working. */
  private writing = 0;
  private readonly listeners = new Set<() => void>();
  /** The pane's view, until the next change; the verdicts' part, until the next round. */
  private view: SessionView | undefined;
  private verdicts:
    Pick<SessionView, "summary" | "groups" | "warningGroups" | "fixableRows"> | undefined;

  private constructor(private readonly options: SessionOptions) {
    this.run = options.run;
    this.requirements = options.requirements ?? hostRequirements();
    this.area = new AreaState(options.spec, options.profile, options.checksSheet ?? CHECKS_SHEET);
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

  /** Where the area is now (undefined until it was read, or when it cannot be found). */
  get geometry(): AreaGeometry | undefined {
    return this.area.geometry;
  }

  /** Every row's cells and verdicts. */
  get live(): LiveSheet | undefined {
    return this.area.live;
  }

  /** The partner's configuration templates, as the workbook knows them. */
  get catalog(): TemplateInfo[] | undefined {
    return this.area.catalog;
  }

  /** Rows typed under the table that it did not take in. */
  get strays(): StrayRows | undefined {
    return this.area.strays;
  }

  /**
   * The registry numbers of rows (every row, or those given), each once: what a registry check
   * asks for. Rows without a valid number have none.
   */
  registryNumbers(rows?: readonly number[]): string[] {
    const live = this.live;
    if (!live) return [];
    const indexes = rows ?? [...Array(live.length).keys()];
    const numbers = new Set<string>();
    for (const index of indexes) {
      const key = live.registryKey(index);
      if (key) numbers.add(key.number);
    }
    return [...numbers];
  }

  /** Takes in what the registries said: their findings show at once, as warnings. */
  applyRegistryAnswers(answers: ReadonlyMap<string, RegistryAnswer>): void {
    const live = this.live;
    // No sheet read yet: kept for the one that will be.
    if (!live)
      for (const [number, answer] of answers) this.area.registryAnswers.set(number, answer);
    else if (live.setRegistryAnswers(answers).length > 0) this.notify(true);
  }

  /**
   * The platform's import file of the area's rows as they are now: the valid ones (certain
   * fixes applied) as its lines, the others left out with their problems.
   */
  platformFile(): PlatformFile | undefined {
    const live = this.live;
    const geometry = this.geometry;
    if (!live || !geometry) return undefined;
    const inputs: RowInput[] = [];
    for (let index = 0; index < live.length; index++) {
      const cells = live.cellsOf(index);
      if (cells) inputs.push({ row: live.firstRow + index, cells });
    }
    return platformFile(this.profile, this.area.validateOptions(geometry), inputs);
  }

  /** The `Excel.run` this session works with. */
  get excelRun(): ExcelRun {
    return this.run;
  }

  get areaSpec(): AreaSpec {
    return this.area.spec;
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

  /** Calls `listener` after every change of the view (useSyncExternalStore's subscribe). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The view as it is now; the same object until something changes. */
  getView = (): SessionView => {
    this.view ??= this.makeView();
    return this.view;
  };

  private makeView(): SessionView {
    this.verdicts ??= {
      summary: this.summary(),
      fixableRows: this.live?.fixableRows() ?? 0,
      groups: this.groups().map((group) => ({
        ...group,
        example: this.problemsOf(group.rows[0]!).find((problem) => problem.code === group.code),
      })),
      warningGroups: (this.live?.warningGroups() ?? []).map((group) => ({
        ...group,
        example: this.live
          ?.warningsOf(group.rows[0]!)
          .find((warning) => warning.code === group.code && warning.field === group.field),
      })),
    };
    const selection = this.selection;
    const index = selection?.index;
    const row = index === undefined ? undefined : this.snapshot(index);
    const selected =
      row && selection?.field
        ? {
            row,
            problems: this.problemsOf(row.index).filter((p) => p.field === selection.field),
            warnings: (this.live?.warningsOf(row.index) ?? []).filter(
              (w) => w.field === selection.field
            ),
          }
        : undefined;
    return Object.freeze({
      ...this.verdicts,
      firstRow: this.live?.firstRow ?? 0,
      selection,
      selected,
      selectedRows: (selection?.rows ?? []).flatMap((i) => this.snapshot(i) ?? []),
      strays: this.strays,
      problem: this.problem,
      busy: this.busy,
      catalog: this.catalog,
    });
  }

  /** Something the pane shows changed; `verdicts` when a round may have changed them. */
  private notify(verdicts: boolean): void {
    if (verdicts) this.verdicts = undefined;
    this.view = undefined;
    for (const listener of this.listeners) listener();
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
    this.notify(false);
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
    return this.writeRows(cellsByRow(cells));
  }

  /** Compare-and-set writes of rows (cells, statuses, ledger lines): see `RowWrite`. */
  async writeRows(writes: RowWrite[]): Promise<RowWriteOutcome[]> {
    if (writes.length === 0) return [];
    this.writing++;
    this.notify(false);
    try {
      const done = new Promise<RowWriteOutcome[]>((resolve, reject) =>
        this.tasks.push({ writes, resolve, reject })
      );
      this.startWorker();
      return await done;
    } finally {
      this.writing--;
      this.notify(false);
    }
  }

  /**
   * Takes the rows typed under the table into it (Table Design → Resize, ExcelApi 1.13).
   * False where Excel cannot: the pane then says how to do it by hand.
   */
  async includeStrays(): Promise<boolean> {
    const strays = this.strays;
    const geometry = this.geometry;
    if (!strays || !geometry || this.area.spec.kind !== "table") return false;
    const table = this.area.spec.table;
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
    if (this.area.spec.kind !== "sheet" || work.full) return round;
    const header = this.area.spec.headerRow;
    const top = work.spans[0]?.top ?? 0;
    if (work.cellsMoved && top <= header) return { full: true, spans: [], heal: true };
    if (!work.rowShift || work.rowShift.at > header) return round;
    const { at, count } = work.rowShift;
    // Rows deleted through the header row take it with them: it is gone, not moved.
    const headerRow = count < 0 && header < at - count ? -1 : header + count;
    if (headerRow < 0) return { full: true, spans: [], heal: true };
    this.area.spec = { ...this.area.spec, headerRow };
    const spec = this.area.spec;
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
      this.notify(false);
    });
    this.notify(false);
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
      this.notify(true);
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
    const mergeUndo = this.area.checksExists && (!round.catalog || this.area.listsExists);
    await this.run(this.runOptions(mergeUndo), async (context) => {
      const previous = this.geometry;
      const partial = !round.full && previous !== undefined && this.live !== undefined;
      const facts = partial ? undefined : queueFacts(context, this.area.checksSheet);
      const load = queueAreaLoad(context, this.area.spec);
      const reads: SpanReads = partial
        ? this.area.queueSpanReads(context, load, previous, round.spans)
        : { ranges: [], deferred: [] };
      const health =
        partial && round.heal && this.area.checksExists
          ? new HealthCheck(context, this.area.healthScope(previous, rowsOf(round.spans, previous)))
          : undefined;
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || !partial) throw error;
        // The changed rows were too many for one response: read the layout alone, then cut.
        this.area.bytesPerCell *= 2;
        return this.process({ ...round, full: true });
      }
      if (facts) this.area.learnFacts(facts);
      const geometry = load.geometry(this.profile);
      if (!geometry) throw new SessionProblem("headerMissing");
      if (geometry.mapping.columns.every((column) => column === undefined))
        throw new SessionProblem("headerMissing");
      if (round.catalog) this.area.catalog = round.catalog;

      const rebuild = !partial || !sameLayout(previous, geometry) || !!round.catalog;
      let affected: number[];
      // Whether writes are queued that no key write will carry to Excel.
      let queued = false;
      if (rebuild) {
        const all = await this.area.readAll(context, geometry);
        affected = all.rows;
        queued = all.cleared;
        await this.area.findStrays(context, geometry);
      } else {
        affected = await this.area.applySpanReads(context, geometry, reads);
        if (round.rewrite) affected = union(affected, round.rewrite);
        if (reads.below) this.area.noteBelow(reads.below, geometry);
      }
      this.area.geometry = geometry;
      queued = (await this.queueSentStatuses(context, geometry)) || queued;

      let check = rebuild ? undefined : health;
      let everyKey = false;
      if (rebuild && (round.full || round.heal)) {
        check = new HealthCheck(context, this.area.healthScope(geometry));
        await context.sync();
      }
      if (!this.area.checksExists) {
        this.area.queueChecksSheet(context);
        queued = true;
      }
      if (check) {
        check.queueRuleDetails();
        await context.sync();
        const repairs = check.queueRepairs();
        queued ||= repairs.rule || repairs.outdatedRule || repairs.textColumns.length > 0;
        if (repairs.formatsPasted) {
          this.area.queueValidation(context, geometry);
          queued = true;
        }
        if (repairs.outdatedRule) {
          // Keys written for the older rule are of another kind: write every one again.
          everyKey = true;
          affected = union(affected, [...Array(dataRowCount(geometry)).keys()]);
        }
      }
      if (round.catalog) {
        this.area.queueCatalogWrite(context, geometry, round.catalog);
        queued = true;
      }
      const blocks = keyChanges(this.live!, geometry, affected, this.area.keys!, everyKey);
      await this.area.writeKeys(context, blocks, queued);
    });
  }

  /**
   * Created rows read in this round whose status no longer says the truth (edited since sent,
   * or back in step): their statuses, queued. The ledger's prints are read the first time a
   * created row is met (a sheet never sent costs nothing).
   */
  private async queueSentStatuses(
    context: Excel.RequestContext,
    geometry: AreaGeometry
  ): Promise<boolean> {
    const statuses = this.area.createdStatuses;
    if (statuses.size === 0 || !this.area.live) return false;
    if (!this.sent.loaded) this.sent.load((await readLedger(context)).prints);
    const corrections = this.sent.corrections(statuses, this.area.live);
    queueStatusTexts(context, geometry, corrections);
    return corrections.length > 0;
  }

  /** Compare-and-set writes, in the session's queue (see placeRowWrites). */
  private async processWrites(writes: RowWrite[]): Promise<RowWriteOutcome[]> {
    if (!this.area.geometry || !this.area.live) throw new SessionProblem("areaMissing");
    this.sent.learn(writes.flatMap((write) => (write.ledger ? [write.ledger.line] : [])));
    // One undo record on ExcelApi 1.20, unless a ledger sheet may be created (that cannot be undone).
    const mergeUndo = !writes.some((write) => write.ledger);
    return this.run(this.runOptions(mergeUndo), async (context) =>
      placeRowWrites(context, this.area, writes, await this.ledgerState(context, writes))
    );
  }

  /** What the ledger sheet is like (asked once per session, when writes append to it). */
  private async ledgerState(
    context: Excel.RequestContext,
    writes: RowWrite[]
  ): Promise<LedgerState> {
    if (!writes.some((write) => write.ledger) || this.ledgerReady) return "ready";
    const state = await findLedger(context);
    // A ledger with lines stays: very hidden, nobody removes it but code.
    this.ledgerReady = state === "ready";
    return state;
  }
}

function merge(into: Round, round: Round): void {
  into.full ||= round.full;
  into.heal ||= round.heal;
  into.spans.push(...round.spans);
  if (round.catalog) into.catalog = round.catalog;
  if (round.rewrite) into.rewrite = [...(into.rewrite ?? []), ...round.rewrite];
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
