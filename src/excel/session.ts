import {
  LiveSheet,
  Validator,
  type Cell,
  type LiveSummary,
  type Problem,
  type ProblemGroup,
  type Profile,
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
import {
  keyBlocks,
  queueHighlightSetup,
  queueKeysCleared,
  queueKeyWrite,
  type HighlightRecord,
  type KeyBlock,
} from "./checks";
import { queueColumnValidation, queueListsWrite } from "./lists";
import { queueFacts, type Facts } from "./facts";
import { SETTINGS } from "./names";
import { isPayloadTooLarge, officeErrorCode, type ExcelRun } from "./run";
import { mergeIndexRuns, mergeRows } from "./spans";
import { blockSpan, columnBlocks, writeTextBlocks } from "./text-writes";
import { queueSettingWrite } from "./settings";

/**
 * Excel on the web refuses requests and responses above 5 MB; reads and writes are cut to
 * stay under this, with room for the rest of the batch.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** What one cell costs in a response before anything was measured (JSON, with its comma). */
const INITIAL_BYTES_PER_CELL = 20;

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

export interface SessionOptions {
  run: ExcelRun;
  profile: Profile;
  spec: AreaSpec;
  onUpdate?: () => void;
  onProblem?: (problem: SessionProblem) => void;
}

interface Job {
  full: boolean;
  /** Sheet rows to read again. */
  spans: CellSpan[];
  catalog?: TemplateInfo[];
  /** Data rows whose highlight keys must be written again (their verdict changed here). */
  rewrite?: number[];
}

interface SpanReads {
  ranges: Excel.Range[];
  /** Spans too large to read with the layout: read in pieces once it is known. */
  deferred: CellSpan[];
}

interface RegisteredHandler {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/**
 * Live checking of one area: reads exactly the rows a change touched, judges them with the
 * core, and rewrites only the highlight keys that changed. Changes that arrive while a
 * round runs are merged into the next round, so a burst of events costs one round.
 */
export class LiveSession {
  geometry: AreaGeometry | undefined;
  live: LiveSheet | undefined;
  catalog: TemplateInfo[] | undefined;
  selection: SelectionInfo | undefined;
  problem: SessionProblem | undefined;

  private readonly run: ExcelRun;
  private spec: AreaSpec;
  private highlight: HighlightRecord | undefined;
  private checksExists = false;
  private listsExists = false;
  private next: Job | undefined;
  private worker: Promise<void> | undefined;
  private handlers: RegisteredHandler[] = [];
  private bytesPerCell = INITIAL_BYTES_PER_CELL;
  private closed = false;
  /** Writes from the pane (fixes, templates) under way: the pane shows it is working. */
  private writing = 0;

  private constructor(private readonly options: SessionOptions) {
    this.run = options.run;
    this.spec = options.spec;
  }

  /** Opens a session: listens to the area's sheet and judges the whole area once. */
  static async open(options: SessionOptions): Promise<LiveSession> {
    const session = new LiveSession(options);
    session.schedule({ full: true, spans: [] });
    await session.idle();
    if (!session.problem) await session.listen();
    return session;
  }

  get profile(): Profile {
    return this.options.profile;
  }

  /** The `Excel.run` this session works with (for the writes that sending makes). */
  get excelRun(): ExcelRun {
    return this.run;
  }

  get areaSpec(): AreaSpec {
    return this.spec;
  }

  /** Whether a round of checking is under way (the pane shows that it is checking). */
  get busy(): boolean {
    return this.worker !== undefined || this.writing > 0;
  }

  /** Resolves when every change seen so far has been judged and highlighted. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  async close(): Promise<void> {
    this.closed = true;
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
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(geometry.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(at.row, at.column, 1, 1).select();
      await context.sync();
    });
    this.selected(cellAddress(at.row, at.column));
  }

  /** Re-reads the rows of a change event (the wiring calls this; tests may too). */
  changed(args: { address: string; changeType?: string; triggerSource?: string }): void {
    // Our own writes are re-judged by the code that made them.
    if (args.triggerSource === "ThisLocalAddin") return;
    const structural = /Inserted|Deleted/.test(args.changeType ?? "");
    const spans = parseSpans(args.address).map((span) =>
      structural ? { ...span, bottom: LAST_ROW } : span
    );
    if (structural && this.spec.kind === "sheet") this.followRowShift(args, spans);
    this.schedule({ full: false, spans });
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
    this.schedule({ full: false, spans: [], rewrite: entries.map((entry) => entry.index) });
    await this.idle();
  }

  /** Reads the area's layout again (a column was added by the add-in itself). */
  async reload(): Promise<void> {
    this.schedule({ full: true, spans: [] });
    await this.idle();
  }

  /** Replaces the partner's templates: lists, drop-down and every row's verdict follow. */
  async setCatalog(catalog: TemplateInfo[]): Promise<void> {
    this.schedule({ full: false, spans: [], catalog });
    await this.idle();
  }

  /**
   * Writes values into data cells in one batch (fixes, a template for selected rows), as
   * text so that "0123" keeps its zero and "=x" never becomes a formula, then re-judges them.
   */
  async write(cells: { index: number; field: string; value: string }[]): Promise<void> {
    const geometry = this.geometry;
    if (!geometry || cells.length === 0) return;
    const placed = cells.flatMap(({ index, field, value }) => {
      const at = this.cellOf(index, field);
      return at ? [{ ...at, value }] : [];
    });
    const blocks = columnBlocks(placed);
    this.writing++;
    this.options.onUpdate?.();
    try {
      await writeTextBlocks(this.run, geometry.sheet, blocks, PAYLOAD_BUDGET_BYTES);
    } finally {
      this.writing--;
    }
    this.schedule({ full: false, spans: blocks.map(blockSpan) });
    await this.idle();
  }

  private async listen(): Promise<void> {
    const geometry = this.geometry;
    if (!geometry || this.closed) return;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(geometry.sheet);
      this.handlers.push(
        sheet.onChanged.add(async (args) => this.changed(args)),
        sheet.onSelectionChanged.add(async (args) => this.selected(args.address))
      );
      await context.sync();
    });
  }

  /** A sheet area is found by its header row: rows inserted or deleted above it move it. */
  private followRowShift(args: { address: string; changeType?: string }, spans: CellSpan[]): void {
    if (this.spec.kind !== "sheet") return;
    const [span] = parseSpans(args.address);
    if (!span || span.top > this.spec.headerRow) return;
    const count = Math.min(span.bottom, LAST_ROW) - span.top + 1;
    const shift = /Inserted/.test(args.changeType ?? "") ? count : -count;
    this.spec = { ...this.spec, headerRow: Math.max(0, this.spec.headerRow + shift) };
    spans.length = 0;
    spans.push({ top: 0, bottom: LAST_ROW, left: 0, right: 16_383 });
    const spec = this.spec;
    void this.run(async (context) => {
      queueSettingWrite(context, SETTINGS.area, spec);
      await context.sync();
    }).catch(() => undefined);
  }

  private schedule(job: Job): void {
    if (this.closed && !job.full) return;
    const next = this.next ?? { full: false, spans: [] };
    next.full ||= job.full;
    next.spans.push(...job.spans);
    if (job.catalog) next.catalog = job.catalog;
    if (job.rewrite) next.rewrite = [...(next.rewrite ?? []), ...job.rewrite];
    this.next = next;
    if (!this.worker) {
      this.worker = this.drain().finally(() => {
        this.worker = undefined;
        this.options.onUpdate?.();
      });
      this.options.onUpdate?.();
    }
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const job = this.next;
      this.next = undefined;
      try {
        await this.process(job);
        this.problem = undefined;
      } catch (error) {
        this.problem = asSessionProblem(error);
        this.options.onProblem?.(this.problem);
      }
      this.options.onUpdate?.();
    }
  }

  /** One round: at most three syncs for up to 10,000 rows (read, maybe read more, write). */
  private async process(job: Job): Promise<void> {
    await this.run(async (context) => {
      const facts = this.geometry && !job.full ? undefined : queueFacts(context);
      const area = queueAreaLoad(context, this.spec);
      const quick: SpanReads =
        job.full || !this.geometry
          ? { ranges: [], deferred: [] }
          : this.queueSpanReads(area, job.spans);
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || quick.ranges.length === 0) throw error;
        // The changed rows were too many for one response: read the layout alone, then cut.
        this.bytesPerCell *= 2;
        return this.process({ ...job, full: true });
      }
      if (facts) this.learnFacts(facts);
      const geometry = area.geometry(this.profile);
      if (!geometry) throw new SessionProblem("headerMissing");
      if (geometry.mapping.columns.every((column) => column === undefined))
        throw new SessionProblem("headerMissing");
      if (job.catalog) this.catalog = job.catalog;

      const previous = this.geometry;
      const rebuild =
        job.full || !previous || !this.live || !sameLayout(previous, geometry) || !!job.catalog;
      let affected: number[];
      let clearFirst = false;
      if (rebuild) {
        const rows = await this.readRows(context, geometry, 0, dataRowCount(geometry));
        this.live = new LiveSheet(this.validatorFor(geometry), firstDataRow(geometry) + 1);
        this.live.update(0, rows, rows.length);
        affected = [];
        for (let i = 0; i < rows.length; i++) if (this.live.problemsOf(i).length) affected.push(i);
        clearFirst = true;
      } else {
        affected = await this.applySpanReads(context, geometry, quick);
        if (job.rewrite)
          affected = [...new Set([...affected, ...job.rewrite])].sort((a, b) => a - b);
      }
      this.geometry = geometry;

      if (job.catalog) this.queueCatalogWrite(context, geometry, job.catalog);
      this.highlight = queueHighlightSetup(context, geometry, this.checksExists, this.highlight);
      this.checksExists = true;
      if (clearFirst) queueKeysCleared(context);
      await this.writeKeys(context, keyBlocks(this.live!, geometry, affected));
    });
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
    this.highlight = this.checksExists ? facts.highlight() : undefined;
    this.catalog ??= facts.catalog();
  }

  /** Queues reads of the changed rows, clipped to the area, unless they would be too big. */
  private queueSpanReads(area: AreaLoad, spans: CellSpan[]): SpanReads {
    const previous = this.geometry!;
    const width = previous.lastColumn - previous.firstColumn + 1;
    const merged = mergeRows(spans);
    let cells = 0;
    for (const span of merged) {
      const bottom = span.bottom === LAST_ROW ? previous.lastRow + 1 : span.bottom;
      cells += Math.max(0, bottom - span.top + 1) * width;
    }
    // Too big for the first response: read the layout now and the rows in pieces after.
    if (cells * this.bytesPerCell > PAYLOAD_BUDGET_BYTES) return { ranges: [], deferred: merged };
    const ranges = merged.map((span) => {
      const rows = area.sheet.getRange(`${span.top + 1}:${span.bottom + 1}`);
      const range = area.bounds.getIntersectionOrNullObject(rows);
      range.load("values, rowIndex");
      return range;
    });
    return { ranges, deferred: [] };
  }

  /** Applies the rows read for a change; reads what was deferred or what the area gained. */
  private async applySpanReads(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    reads: SpanReads
  ): Promise<number[]> {
    const live = this.live!;
    const first = firstDataRow(geometry);
    const count = dataRowCount(geometry);
    const previousCount = live.length;
    // Rows past the new end are dropped first (their keys are cleared).
    const affected = new Set<number>(live.update(0, [], count));
    const covered: [number, number][] = [];
    for (const range of reads.ranges) {
      if (range.isNullObject) continue;
      const values = range.values as Cell[][];
      const skip = Math.max(0, first - range.rowIndex);
      const start = range.rowIndex + skip - first;
      const rows = values.slice(skip).map((line) => fieldCells(geometry, line));
      if (rows.length === 0) continue;
      for (const index of live.update(start, rows, count)) affected.add(index);
      covered.push([start, start + rows.length - 1]);
      this.measure(values, geometry);
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
      const rows = await this.readRows(context, geometry, a, b - a + 1);
      for (const index of live.update(a, rows, count)) affected.add(index);
    }
    return [...affected].sort((a, b) => a - b);
  }

  /** Reads data rows [start, start + count) in as few syncs as the payload limit allows. */
  private async readRows(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    start: number,
    count: number
  ): Promise<Cell[][]> {
    const rows: Cell[][] = [];
    if (count <= 0) return rows;
    const width = geometry.lastColumn - geometry.firstColumn + 1;
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    let done = 0;
    while (done < count) {
      const perChunk = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (this.bytesPerCell * width)));
      const size = Math.min(perChunk, count - done);
      const range = sheet.getRangeByIndexes(
        firstDataRow(geometry) + start + done,
        geometry.firstColumn,
        size,
        width
      );
      range.load("values");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk: each response must stay under Excel's 5 MB
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || size === 1) throw error;
        this.bytesPerCell *= 2;
        continue;
      }
      const values = range.values as Cell[][];
      this.measure(values, geometry);
      for (const line of values) rows.push(fieldCells(geometry, line));
      done += size;
    }
    return rows;
  }

  /** Learns what a cell costs in a response, to size the next reads. */
  private measure(values: Cell[][], geometry: AreaGeometry): void {
    if (values.length < 100) return;
    const width = geometry.lastColumn - geometry.firstColumn + 1;
    const sample = values.slice(0, 200);
    const bytes = JSON.stringify(sample).length / (sample.length * width);
    this.bytesPerCell = Math.max(INITIAL_BYTES_PER_CELL / 2, Math.ceil(bytes * 1.5));
  }

  private async writeKeys(context: Excel.RequestContext, blocks: KeyBlock[]): Promise<void> {
    let bytes = 0;
    for (const block of blocks) {
      if (bytes > 0 && bytes + block.bytes > PAYLOAD_BUDGET_BYTES) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a new request only when this one would pass Excel's 5 MB limit
        await context.sync();
        bytes = 0;
      }
      if (block.bytes > PAYLOAD_BUDGET_BYTES) {
        // One block too big for a request: write it in slices of rows.
        const rowsPerSlice = Math.max(
          1,
          Math.floor((block.keys.length * PAYLOAD_BUDGET_BYTES) / block.bytes)
        );
        for (let i = 0; i < block.keys.length; i += rowsPerSlice) {
          const keys = block.keys.slice(i, i + rowsPerSlice);
          queueKeyWrite(context, {
            span: {
              ...block.span,
              top: block.span.top + i,
              bottom: block.span.top + i + keys.length - 1,
            },
            keys,
            bytes: 0,
          });
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: a block above 5 MB cannot go in one request
          await context.sync();
        }
        continue;
      }
      queueKeyWrite(context, block);
      bytes += block.bytes;
    }
    await context.sync();
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
}

function asSessionProblem(error: unknown): SessionProblem {
  if (error instanceof SessionProblem) return error;
  const code = officeErrorCode(error);
  if (code === "ItemNotFound") return new SessionProblem("areaMissing", code);
  return new SessionProblem("excel", code);
}
