import {
  absentFields,
  LiveSheet,
  unionAscending,
  Validator,
  type Cell,
  type Profile,
  type RegistryAnswer,
  type ValidateOptions,
} from "../core";
import {
  areaWidth,
  dataRowCount,
  fieldRows,
  fieldColumns,
  firstDataRow,
  type AreaGeometry,
  type AreaSpec,
} from "./area";
import type { TemplateInfo } from "./catalog";
import { KeyMemory, queueKeyRead, queueKeysOutside } from "./highlight";
import type { Facts } from "./facts";
import type { HealthScope } from "./health";
import { listValues, queueColumnValidation, queueListsWrite } from "./lists";
import { SETTINGS } from "./names";
import { CellCost, PAYLOAD_BUDGET_BYTES } from "./payload";
import { isPayloadTooLarge } from "./run";
import { queueSettingWrite } from "./settings";
import { mergeRuns } from "./spans";
import { mayBeCreatedStatus } from "./status";
import type { RowTexts } from "./problem-statuses";
import { queueHiddenSheet } from "./hidden-sheet";
import type { SpanReads } from "./span-reads";
import { queueBelow, straysFrom, type StrayRows } from "./strays";

/**
 * The session's picture of its area in Excel, and the reads and writes that keep it true: the
 * layout, every row's verdict, the highlight keys the checks sheet holds, what the workbook
 * already has of ours. Reads are cut to stay under Excel's payload limit.
 */
export class AreaState {
  private where: AreaGeometry | undefined;
  private sheet: LiveSheet | undefined;
  /**
   * Every answer the registries gave this session (or the workbook remembered), by number: the
   * live sheet's own map, kept here for the next one.
   */
  private readonly registryAnswers = new Map<string, RegistryAnswer>();
  private memory: KeyMemory | undefined;
  private templates: TemplateInfo[] | undefined;
  private below: StrayRows | undefined;
  private checksSheetExists = false;
  private listsSheetExists = false;
  /** What a cell costs in a response: sizes the reads. */
  readonly cost = new CellCost();
  /**
   * The status cells of the rows read in the last round that say a client was created (data
   * row → text): an edit of such a row is compared at once with what was sent.
   */
  private readonly created = new Map<number, string>();
  /**
   * The status cells of the rows read in the last round (by data row, "" when empty, no entry
   * for a row not read): the rows whose problems can be written in words there, knowing
   * nothing else is (a send's status written meanwhile is read with the row, never
   * overwritten from memory). An array: a Map costs a paste of 10,000 rows milliseconds to
   * grow again after each clear.
   */
  readonly statusTexts: RowTexts = [];

  constructor(
    private areaSpec: AreaSpec,
    readonly profile: Profile,
    readonly checksSheet: string
  ) {}

  /** How to find the area (saved in the workbook). */
  get spec(): AreaSpec {
    return this.areaSpec;
  }

  /** Where the area is now (undefined until it was read). */
  get geometry(): AreaGeometry | undefined {
    return this.where;
  }

  /** Every row's cells and verdicts, as last read. */
  get live(): LiveSheet | undefined {
    return this.sheet;
  }

  /** The highlight keys the checks sheet holds, as last read or written. */
  get keys(): KeyMemory | undefined {
    return this.memory;
  }

  /** The partner's configuration templates, as the workbook knows them. */
  get catalog(): TemplateInfo[] | undefined {
    return this.templates;
  }

  get strays(): StrayRows | undefined {
    return this.below;
  }

  get checksExists(): boolean {
    return this.checksSheetExists;
  }

  get listsExists(): boolean {
    return this.listsSheetExists;
  }

  get createdStatuses(): ReadonlyMap<number, string> {
    return this.created;
  }

  /** The partner's templates are these now (lists, drop-down and verdicts follow). */
  useCatalog(catalog: TemplateInfo[]): void {
    this.templates = catalog;
  }

  /** A sheet area's header row moved (rows inserted or deleted above it). */
  moveHeader(headerRow: number): void {
    if (this.areaSpec.kind === "sheet") this.areaSpec = { ...this.areaSpec, headerRow };
  }

  /**
   * Takes in what the registries said; kept for the next reading of the area too. Returns
   * whether a row's findings changed.
   */
  learnRegistryAnswers(answers: ReadonlyMap<string, RegistryAnswer>): boolean {
    if (this.sheet) return this.sheet.setRegistryAnswers(answers).length > 0;
    // No sheet read yet: kept for the one that will be.
    for (const [number, answer] of answers) this.registryAnswers.set(number, answer);
    return false;
  }

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
      // The sheet can be written to: values not written as its lists write them are said.
      listedForms: true,
    };
  }

  private validatorFor(geometry: AreaGeometry): Validator {
    return new Validator(this.profile, this.validateOptions(geometry));
  }

  learnFacts(facts: Facts): void {
    this.checksSheetExists = facts.checksExists();
    this.listsSheetExists = facts.listsExists();
    this.templates ??= facts.catalog();
  }

  /** The checks sheet: very hidden, General format (keys keep their type, see highlightKey). */
  queueChecksSheet(context: Excel.RequestContext): void {
    queueHiddenSheet(context, this.checksSheet, false);
    this.checksSheetExists = true;
  }

  /**
   * Reads every data row with its keys, judges them all, places the area where it was read,
   * and clears keys the checks sheet holds outside the area (rows that left it). Returns the
   * rows whose keys may differ.
   */
  async readAll(
    context: Excel.RequestContext,
    geometry: AreaGeometry
  ): Promise<{ rows: number[]; cleared: boolean }> {
    const checksUsed = this.checksExists
      ? context.workbook.worksheets.getItem(this.checksSheet).getUsedRangeOrNullObject(true)
      : undefined;
    checksUsed?.load("rowIndex, columnIndex, rowCount, columnCount");
    this.memory = new KeyMemory(geometry.firstColumn, areaWidth(geometry));
    this.created.clear();
    this.statusTexts.length = 0;
    const rows = await this.readRows(context, geometry, 0, dataRowCount(geometry), this.memory);
    // No rows to read: the checks sheet's extent still needs its answer.
    if (checksUsed && rows.length === 0) await context.sync();
    // What the registries said outlives a new reading of the area (a sort, a moved table).
    this.sheet = new LiveSheet(
      this.validatorFor(geometry),
      firstDataRow(geometry) + 1,
      this.registryAnswers
    );
    this.sheet.update(0, rows, rows.length);
    this.where = geometry;
    const cleared =
      checksUsed !== undefined &&
      !checksUsed.isNullObject &&
      queueKeysOutside(context, this.checksSheet, checksUsed, geometry);
    return { rows: [...Array(rows.length).keys()], cleared };
  }

  /** Rows typed under a table that did not grow (AutoCorrect's expansion off, a total row). */
  async findStrays(context: Excel.RequestContext, geometry: AreaGeometry): Promise<void> {
    if (this.spec.kind !== "table") {
      this.below = undefined;
      return;
    }
    const below = queueBelow(context, this.spec.table);
    await context.sync();
    this.below = straysFrom(below, geometry);
  }

  /**
   * Applies the rows read for a change, reads what was deferred or what the area gained, and
   * places the area where it was read. Returns the rows whose verdict may have changed.
   */
  async applySpanReads(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    reads: SpanReads
  ): Promise<number[]> {
    const live = this.sheet!;
    const memory = this.memory!;
    const first = firstDataRow(geometry);
    this.created.clear();
    this.statusTexts.length = 0;
    const count = dataRowCount(geometry);
    const previousCount = live.length;
    // Rows past the new end are dropped first (their keys are cleared).
    let affected = live.update(0, [], count);
    const covered: [number, number][] = [];
    for (const { values: range, keys } of reads.ranges) {
      if (keys) memory.learn(keys.top, keys.range.values);
      if (range.isNullObject) continue;
      const values = range.values as Cell[][];
      const skip = Math.max(0, first - range.rowIndex);
      const start = range.rowIndex + skip - first;
      const lines = values.slice(skip);
      // Before the lines become rows of fields (the status cells and the cells' cost are read
      // from them whole).
      this.cost.learn(values);
      this.noteStatuses(geometry, start, lines);
      const rows = fieldRows(geometry, lines);
      if (rows.length === 0) continue;
      affected = unionAscending(affected, live.update(start, rows, count));
      covered.push([start, start + rows.length - 1]);
    }
    const wanted: [number, number][] = reads.deferred
      .map((span): [number, number] => [
        Math.max(0, span.top - first),
        Math.min(count - 1, span.bottom - first),
      ])
      .filter(([a, b]) => a <= b);
    // Rows the area gained that no read covered (a table resized by hand) are read too.
    for (let index = previousCount; index < count; index++) {
      if (!isCovered(covered, index)) wanted.push([index, index]);
    }
    for (const [a, b] of mergeRuns(wanted)) {
      const rows = await this.readRows(context, geometry, a, b - a + 1, memory);
      affected = unionAscending(affected, live.update(a, rows, count));
    }
    if (reads.below) this.below = straysFrom(reads.below, geometry);
    this.where = geometry;
    return affected;
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
      const perCell = this.cost.perCell + (withKeys ? 4 : 0);
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
        this.cost.refused();
        continue;
      }
      const values = range.values as Cell[][];
      this.cost.learn(values);
      if (keys) memory!.learn(top, keys.values);
      this.noteStatuses(geometry, start + done, values);
      for (const row of fieldRows(geometry, values)) rows.push(row);
      done += size;
    }
    return rows;
  }

  /** Keeps the status cells of read rows that may say a client was created (cheap prefix test). */
  private noteStatuses(geometry: AreaGeometry, start: number, lines: readonly Cell[][]): void {
    const column = geometry.statusColumn;
    if (column === undefined) return;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]![column];
      if (typeof text === "string" && mayBeCreatedStatus(text)) this.created.set(start + i, text);
      this.statusTexts[start + i] = typeof text === "string" ? text : String(text ?? "");
    }
  }

  /** Drop-downs and input messages on every area column again (a paste took them away). */
  queueValidation(context: Excel.RequestContext, geometry: AreaGeometry): void {
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const columns = fieldColumns(geometry);
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

  /** The partner's templates into the settings, the lists sheet and the column's drop-down. */
  queueCatalogWrite(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    catalog: TemplateInfo[]
  ) {
    queueSettingWrite(context, SETTINGS.templates, catalog);
    queueListsWrite(context, this.listsExists, this.profile, geometry.mapping.headerLang, catalog);
    this.listsSheetExists = true;
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const columns = fieldColumns(geometry);
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

/** Whether a row is in one of the runs read (a loop over every row a paste added). */
function isCovered(covered: readonly (readonly [number, number])[], index: number): boolean {
  for (let k = 0; k < covered.length; k++) {
    const run = covered[k]!;
    if (index >= run[0] && index <= run[1]) return true;
  }
  return false;
}
