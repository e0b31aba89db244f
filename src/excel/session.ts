import {
  platformFile,
  type LiveSheet,
  type LiveSummary,
  type PlatformFile,
  type Problem,
  type Profile,
  type RegistryAnswer,
  type RowInput,
  type RowSnapshot,
} from "../core";
import { cellAddress } from "./address";
import { firstDataRow, type AreaGeometry, type AreaSpec } from "./area";
import { AreaState } from "./area-state";
import type { TemplateInfo } from "./catalog";
import { workForChange } from "./changes";
import { CHECKS_SHEET } from "./names";
import { findLedger, placeRowWrites } from "./place-writes";
import { runRound, type RoundContext } from "./round";
import { fullRound, RoundQueue, type QueueState, type Round } from "./round-queue";
import { cellsByRow, type LedgerState, type RowWrite, type RowWriteOutcome } from "./row-writes";
import { hostRequirements, type ExcelRun, type HostRequirements } from "./run";
import { SentRows } from "./sent-rows";
import type { LedgerLine } from "./status";
import { listenToSheet, type SessionEvents } from "./session-events";
import { SessionProblem } from "./session-problem";
import { selectionAt, ViewStore, type SelectionInfo, type SessionView } from "./session-view";
import { dataRowSpans } from "./spans";
import { takeStraysIn, type StrayRows } from "./strays";

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

/** The session's rows as features may read them: never changed from outside the session. */
export type SessionRows = Pick<
  LiveSheet,
  | "length"
  | "firstRow"
  | "snapshot"
  | "locate"
  | "cellsOf"
  | "normalized"
  | "isLocallyValid"
  | "hasProblems"
  | "problemsOf"
  | "warningsOf"
  | "registryAnswer"
  | "registryKey"
  | "awaitingRemoteJudgement"
  | "hasRemoteJudgements"
>;

/** What a feature's work in the session's queue is given besides Excel's context. */
interface QueuedWork {
  geometry: AreaGeometry | undefined;
  spec: AreaSpec;
}

/** A feature's work in Excel, given the area as the queue's last round left it. */
type ExcelWork<T> = (context: Excel.RequestContext, area: QueuedWork) => Promise<T>;

/**
 * Live checking of one area (docs/glossary.md: session): a facade over the area's state, the
 * queue of rounds and tasks, and the pane's view. It reads exactly the rows a change touched,
 * judges them with the core, and writes only the highlight keys that changed. Everything a
 * feature does in Excel while the session is open goes through its queue (`excel`, `write`,
 * `writeRows`), so it never runs beside a round and finds the area as the last change left it.
 */
export class LiveSession {
  selection: SelectionInfo | undefined;

  private readonly run: ExcelRun;
  private readonly requirements: HostRequirements;
  private readonly area: AreaState;
  private readonly queue: RoundQueue;
  private readonly view: ViewStore;
  private readonly round: RoundContext;
  private events: SessionEvents | undefined;
  /** The ledger sheet is known to exist with lines (asked once per session). */
  private ledgerReady = false;
  /** Writes from the pane (fixes, templates) under way: the pane shows it is working. */
  private writing = 0;

  private constructor(private readonly options: SessionOptions) {
    this.run = options.run;
    this.requirements = options.requirements ?? hostRequirements();
    this.area = new AreaState(options.spec, options.profile, options.checksSheet ?? CHECKS_SHEET);
    this.view = new ViewStore(() => ({
      live: this.area.live,
      selection: this.selection,
      strays: this.strays,
      problem: this.problem,
      busy: this.busy,
      catalog: this.catalog,
    }));
    this.round = {
      run: this.run,
      area: this.area,
      sent: new SentRows(),
      runOptions: (mergeUndo) => this.runOptions(mergeUndo),
    };
    this.queue = new RoundQueue({
      round: (round) => runRound(this.round, round),
      // The ledger may have gone (another add-in, code): look for it again next time.
      taskFailed: () => (this.ledgerReady = false),
      settled: () => this.view.changed(true),
      changed: () => this.view.changed(false),
      onProblem: options.onProblem,
    });
  }

  /** Opens a session: listens to the area's sheet and judges the whole area once. */
  static async open(options: SessionOptions): Promise<LiveSession> {
    const session = new LiveSession(options);
    session.queue.schedule(fullRound(true));
    await session.idle();
    const geometry = session.geometry;
    if (geometry)
      session.events = await listenToSheet(session.run, geometry.sheet, session.requirements, {
        changed: (args) => session.changed(args),
        selected: (address) => session.selected(address),
        sorted: () => session.sorted(),
      });
    return session;
  }

  get profile(): Profile {
    return this.options.profile;
  }

  /** Where the area is now (undefined until it was read, or when it cannot be found). */
  get geometry(): AreaGeometry | undefined {
    return this.area.geometry;
  }

  get areaSpec(): AreaSpec {
    return this.area.spec;
  }

  /** Every row's cells and verdicts, to read (undefined until the area was read). */
  get rows(): SessionRows | undefined {
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

  /** Why the last round failed, until one succeeds. */
  get problem(): SessionProblem | undefined {
    return this.queue.problem;
  }

  /** Rounds of checking done so far (the self-check waits for the one an event brings). */
  get roundsDone(): number {
    return this.queue.roundsDone;
  }

  /** Where the queue stands (a stalled test says it). */
  get queueState(): QueueState {
    return this.queue.state;
  }

  /** Whether a round of checking or a write is under way (the pane shows it is working). */
  get busy(): boolean {
    return this.queue.working || this.writing > 0;
  }

  /** Resolves when every change seen so far has been judged and highlighted. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async close(): Promise<void> {
    this.queue.close();
    const events = this.events;
    this.events = undefined;
    await this.idle();
    await events?.remove();
  }

  /** Calls `listener` after every change of the view (useSyncExternalStore's subscribe). */
  subscribe = (listener: () => void): (() => void) => this.view.subscribe(listener);

  /** The view as it is now; the same object until something changes. */
  getView = (): SessionView => this.view.get();

  /** How many rows there are, and how many are valid. */
  summary(): LiveSummary {
    return this.area.live?.summary() ?? { rows: 0, valid: 0, invalid: 0 };
  }

  problemsOf(index: number): Problem[] {
    return this.area.live?.problemsOf(index) ?? [];
  }

  /** The row as it is now: what a write computed from it carries, to find it again. */
  snapshot(index: number): RowSnapshot | undefined {
    return this.area.live?.snapshot(index);
  }

  /**
   * The registry numbers of rows (every row, or those given), each once: what a registry check
   * asks for. Rows without a valid number have none.
   */
  registryNumbers(rows?: readonly number[]): string[] {
    const live = this.area.live;
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
    if (this.area.learnRegistryAnswers(answers)) this.view.changed(true);
  }

  /**
   * The platform's import file of the area's rows as they are now: the valid ones (certain
   * fixes applied) as its lines, the others left out with their problems.
   */
  platformFile(): PlatformFile | undefined {
    const live = this.area.live;
    const geometry = this.geometry;
    if (!live || !geometry) return undefined;
    const inputs: RowInput[] = [];
    for (let index = 0; index < live.length; index++) {
      const cells = live.cellsOf(index);
      if (cells) inputs.push({ row: live.firstRow + index, cells });
    }
    return platformFile(this.profile, this.area.validateOptions(geometry), inputs);
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
    if (work) this.queue.schedule(this.followHeader(work));
  }

  /** Rows were sorted: the order of everything changed, and no onChanged says so. */
  sorted(): void {
    this.queue.schedule(fullRound(false));
  }

  /** Records the selection (no Excel call: the verdicts are already here). */
  selected(address: string): void {
    const selection = selectionAt(address, this.geometry, this.profile);
    if (!selection) return;
    this.selection = selection;
    this.view.changed(false);
  }

  /**
   * Problems the partner API found in rows (a refused client, a check with Banqup): highlighted
   * and listed like the sheet's own until their cell is edited.
   */
  async markRemote(
    entries: { index: number; problems?: Problem[] }[],
    /** Read the rows again, status cells with them, so their status states the problems. */
    readAgain = false
  ): Promise<void> {
    const live = this.area.live;
    const geometry = this.geometry;
    if (!live || !geometry || entries.length === 0) return;
    for (const { index, problems } of entries) live.setRemote(index, problems);
    const rows = entries.map((entry) => entry.index);
    const spans = readAgain ? dataRowSpans(geometry, rows) : [];
    this.queue.schedule({ full: false, spans, heal: false, rewrite: readAgain ? [] : rows });
    await this.idle();
  }

  /**
   * Reads and judges data rows the add-in added (the session sees only the user's changes by
   * itself), and learns the ledger lines written with them: an edit of one shows at once.
   */
  async readAdded(first: number, count: number, lines: readonly LedgerLine[]): Promise<void> {
    const geometry = this.geometry;
    if (!geometry || count <= 0) return;
    this.round.sent.learn(lines);
    const top = firstDataRow(geometry) + first;
    const [left, right] = [geometry.firstColumn, geometry.lastColumn];
    this.queue.schedule({
      full: false,
      spans: [{ top, bottom: top + count - 1, left, right }],
      heal: false,
    });
    await this.idle();
  }

  /** Reads the whole area again (its layout changed, or before a send is confirmed). */
  async reload(): Promise<void> {
    this.queue.schedule(fullRound(false));
    await this.idle();
  }

  /** Replaces the partner's templates: lists, drop-down and every row's verdict follow. */
  async setCatalog(catalog: TemplateInfo[]): Promise<void> {
    this.queue.schedule({ full: false, spans: [], heal: false, catalog });
    await this.idle();
  }

  /**
   * Runs a feature's work against Excel in the session's queue: after every change seen so far
   * is judged, never beside a round or a write. The work must not wait on the session itself
   * (idle, reload, write): those wait for the queue it is running in. A `quiet` read does not
   * show the pane working.
   */
  excel<T>(work: ExcelWork<T>, quiet = false): Promise<T> {
    const area = () => ({ geometry: this.geometry, spec: this.area.spec });
    const batch = () => this.run(this.runOptions(false), (context) => work(context, area()));
    return this.queue.run(batch, quiet);
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
    this.view.changed(false);
    try {
      return await this.queue.run(() => this.placeWrites(writes));
    } finally {
      this.writing--;
      this.view.changed(false);
    }
  }

  /**
   * Takes the rows typed under the table into it (Table Design → Resize, ExcelApi 1.13).
   * False where Excel cannot: the pane then says how to do it by hand.
   */
  async includeStrays(): Promise<boolean> {
    const strays = this.strays;
    const geometry = this.geometry;
    const spec = this.area.spec;
    if (!strays || !geometry || spec.kind !== "table") return false;
    const taken = await this.excel((context) =>
      takeStraysIn(context, this.requirements, geometry, spec.table, strays)
    );
    if (taken) await this.reload();
    return taken;
  }

  /** The round a change needs; a sheet area follows rows inserted or deleted above it. */
  private followHeader(work: NonNullable<ReturnType<typeof workForChange>>): Round {
    const round: Round = { full: work.full, spans: work.spans, heal: work.heal };
    const spec = this.area.spec;
    if (spec.kind !== "sheet" || work.full) return round;
    const header = spec.headerRow;
    const top = work.spans[0]?.top ?? 0;
    if (work.cellsMoved && top <= header) return fullRound(true);
    if (!work.rowShift || work.rowShift.at > header) return round;
    const { at, count } = work.rowShift;
    // Rows deleted through the header row take it with them: it is gone, not moved.
    const headerRow = count < 0 && header < at - count ? -1 : header + count;
    if (headerRow < 0) return fullRound(true);
    this.area.moveHeader(headerRow);
    // Saved with the round: a save that fails is tried again with it.
    return { ...fullRound(true), saveSpec: true };
  }

  /** Waits while the user edits a cell (batches fail then otherwise); merges an undo record. */
  private runOptions(mergeUndo: boolean): Excel.RunOptions {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    // From ExcelApi 1.20 each sync is an undo record of its own: one batch, one record.
    if (mergeUndo && this.requirements.isSetSupported("ExcelApi", "1.20"))
      options.mergeUndoGroup = true;
    return options;
  }

  /** Compare-and-set writes, in the session's queue (see placeRowWrites). */
  private async placeWrites(writes: RowWrite[]): Promise<RowWriteOutcome[]> {
    if (!this.area.geometry || !this.area.live) throw new SessionProblem("areaMissing");
    this.round.sent.learn(writes.flatMap((write) => (write.ledger ? [write.ledger.line] : [])));
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
