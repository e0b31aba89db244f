import {
  absentFields,
  LiveSheet,
  Validator,
  type Cell,
  type Profile,
  type RegistryAnswer,
  type ValidateOptions,
} from "../core";
import { LAST_ROW, spanMinus, type CellSpan } from "./address";
import {
  dataRowCount,
  fieldCells,
  firstDataRow,
  type AreaGeometry,
  type AreaLoad,
  type AreaSpec,
} from "./area";
import type { TemplateInfo } from "./catalog";
import { KeyMemory, keyChanges, queueKeyRead, queueKeyWrite, sliceKeyBlock } from "./checks";
import type { Facts } from "./facts";
import type { HealthScope } from "./health";
import { listValues, queueColumnValidation, queueListsWrite } from "./lists";
import { SETTINGS } from "./names";
import { blockBytes, PAYLOAD_BUDGET_BYTES, syncInGroups } from "./payload";
import { isPayloadTooLarge } from "./run";
import { queueSettingWrite } from "./settings";
import { mergeRows, mergeRuns } from "./spans";
import { mayBeCreatedStatus } from "./status";
import { queueHiddenSheet } from "./hidden-sheet";

/** What one cell costs in a response before anything was measured (JSON, with its comma). */
const INITIAL_BYTES_PER_CELL = 20;
/**
 * Keys are read again with the changed rows up to this many rows (a check on what the session
 * remembers); a larger paste trusts the memory, to keep one response.
 */
const KEY_READ_ROWS = 2_000;
/** Rows under a table looked at for rows typed there that the table did not take in. */
const STRAY_SCAN_ROWS = 500;

/** Rows typed right under the table that the table did not take in (sheet rows, 0-based). */
export interface StrayRows {
  top: number;
  count: number;
}

interface SpanRead {
  values: Excel.Range;
  /** The highlight keys at the same rows, for the previous layout. */
  keys?: { range: Excel.Range; top: number };
}

export interface SpanReads {
  ranges: SpanRead[];
  /** Spans too large to read with the layout: read in pieces once it is known. */
  deferred: CellSpan[];
  /** The used rows right under a table: rows typed there that it did not take in. */
  below?: Excel.Range;
}

/**
 * The session's picture of its area in Excel, and the reads and writes that keep it true: the
 * layout, every row's verdict, the highlight keys the checks sheet holds, what the workbook
 * already has of ours. Reads are cut to stay under Excel's payload limit.
 */
export class AreaState {
  geometry: AreaGeometry | undefined;
  live: LiveSheet | undefined;
  /**
   * Every answer the registries gave this session (or the workbook remembered), by number: the
   * live sheet's own map, kept here for the next one.
   */
  readonly registryAnswers = new Map<string, RegistryAnswer>();
  keys: KeyMemory | undefined;
  catalog: TemplateInfo[] | undefined;
  strays: StrayRows | undefined;
  checksExists = false;
  listsExists = false;
  bytesPerCell = INITIAL_BYTES_PER_CELL;
  /**
   * The status cells of the rows read in the last round that say a client was created (data
   * row → text): an edit of such a row is compared at once with what was sent.
   */
  createdStatuses = new Map<number, string>();

  constructor(
    public spec: AreaSpec,
    readonly profile: Profile,
    readonly checksSheet: string
  ) {}

  healthScope(geometry: AreaGeometry, rows?: { top: number; bottom: number }): HealthScope {
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

  /** How the area's rows are judged: its header language, the partner's templates, its columns. */
  validateOptions(geometry: AreaGeometry): ValidateOptions {
    return {
      headerLang: geometry.mapping.headerLang,
      templates: this.catalog?.map((template) => template.name),
      absentFields: absentFields(this.profile, geometry.mapping),
    };
  }

  private validatorFor(geometry: AreaGeometry): Validator {
    return new Validator(this.profile, this.validateOptions(geometry));
  }

  learnFacts(facts: Facts): void {
    this.checksExists = facts.checksExists();
    this.listsExists = facts.listsExists();
    this.catalog ??= facts.catalog();
  }

  /** The checks sheet: very hidden, General format (keys keep their type, see highlightKey). */
  queueChecksSheet(context: Excel.RequestContext): void {
    queueHiddenSheet(context, this.checksSheet, false);
    this.checksExists = true;
  }

  /**
   * Reads every data row with its keys, judges them all, and clears keys the checks sheet
   * holds outside the area (rows that left it). Returns the rows whose keys may differ.
   */
  async readAll(
    context: Excel.RequestContext,
    geometry: AreaGeometry
  ): Promise<{ rows: number[]; cleared: boolean }> {
    const checksUsed = this.checksExists
      ? context.workbook.worksheets.getItem(this.checksSheet).getUsedRangeOrNullObject(true)
      : undefined;
    checksUsed?.load("rowIndex, columnIndex, rowCount, columnCount");
    this.keys = new KeyMemory(geometry.firstColumn, areaWidth(geometry));
    this.createdStatuses.clear();
    const rows = await this.readRows(context, geometry, 0, dataRowCount(geometry), this.keys);
    // No rows to read: the checks sheet's extent still needs its answer.
    if (checksUsed && rows.length === 0) await context.sync();
    // What the registries said outlives a new reading of the area (a sort, a moved table).
    this.live = new LiveSheet(
      this.validatorFor(geometry),
      firstDataRow(geometry) + 1,
      this.registryAnswers
    );
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
    const pieces = spanMinus(box, data);
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

  /** Records what the rows right under the table hold (read with a change's rows). */
  noteBelow(below: Excel.Range, geometry: AreaGeometry): void {
    this.strays = straysFrom(below, geometry);
  }

  /** Rows typed under a table that did not grow (AutoCorrect's expansion off, a total row). */
  async findStrays(context: Excel.RequestContext, geometry: AreaGeometry): Promise<void> {
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
  queueSpanReads(
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
  async applySpanReads(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    reads: SpanReads
  ): Promise<number[]> {
    const live = this.live!;
    const memory = this.keys!;
    const first = firstDataRow(geometry);
    this.createdStatuses.clear();
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
      const lines = values.slice(skip);
      this.noteStatuses(geometry, start, lines);
      const rows = lines.map((line) => fieldCells(geometry, line));
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
    for (const [a, b] of mergeRuns(wanted)) {
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
      this.noteStatuses(geometry, start + done, values);
      for (const line of values) rows.push(fieldCells(geometry, line));
      done += size;
    }
    return rows;
  }

  /** Keeps the status cells of read rows that may say a client was created (cheap prefix test). */
  private noteStatuses(geometry: AreaGeometry, start: number, lines: readonly Cell[][]): void {
    const column = geometry.statusColumn;
    if (column === undefined) return;
    lines.forEach((line, i) => {
      const text = line[column];
      if (typeof text === "string" && mayBeCreatedStatus(text))
        this.createdStatuses.set(start + i, text);
    });
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
  async writeKeys(
    context: Excel.RequestContext,
    blocks: ReturnType<typeof keyChanges>,
    queued: boolean
  ): Promise<void> {
    const slices = blocks.flatMap((block) => sliceKeyBlock(block, PAYLOAD_BUDGET_BYTES / 4));
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
  queueValidation(context: Excel.RequestContext, geometry: AreaGeometry): void {
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

  queueCatalogWrite(
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

function areaWidth(geometry: AreaGeometry): number {
  return geometry.lastColumn - geometry.firstColumn + 1;
}

/** The rows right under the table that hold something, if they start right under it. */
function straysFrom(below: Excel.Range, geometry: AreaGeometry): StrayRows | undefined {
  if (below.isNullObject) return undefined;
  const first = geometry.lastRow + 1 + (geometry.totalRow ? 1 : 0);
  return below.rowIndex === first ? { top: below.rowIndex, count: below.rowCount } : undefined;
}
