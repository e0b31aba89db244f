import { mapHeaderRow, type Cell, type ColumnMapping, type Profile } from "../core";
import * as z from "zod/mini";
import { LAST_ROW } from "./address";
import { isStatusHeader } from "./status";

/**
 * Where the clients are: the add-in's own table, or a range on a sheet the user already had
 * (the Moroccan platform's column mapping), found by its header row. Saved in the workbook's settings.
 */
const overridesSchema = z.catch(
  z.optional(z.record(z.string(), z.nullable(z.string()))),
  undefined
);
const areaSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("table"), table: z.string(), overrides: overridesSchema }),
  z.object({
    kind: z.literal("sheet"),
    sheet: z.string(),
    headerRow: z.number().check(z.int(), z.nonnegative()),
    overrides: overridesSchema,
  }),
]);
export type AreaSpec = z.infer<typeof areaSpecSchema>;

/** The saved area, or undefined when the setting is missing or not one (edited elsewhere). */
export function parseAreaSpec(value: unknown): AreaSpec | undefined {
  const parsed = areaSpecSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Where the area is now, read from the workbook. Rows and columns are 0-based. */
export interface AreaGeometry {
  sheet: string;
  headerRow: number;
  /** The header row's cells, from `firstColumn` to `lastColumn`. */
  headers: Cell[];
  firstColumn: number;
  lastColumn: number;
  /** The last data row; `headerRow` when there is none. */
  lastRow: number;
  mapping: ColumnMapping;
  /** The status column (relative to `firstColumn`), once rows have been sent. */
  statusColumn?: number;
  /** A table's total row is shown under the data (it is no client). */
  totalRow?: boolean;
}

export function firstDataRow(geometry: AreaGeometry): number {
  return geometry.headerRow + 1;
}

export function dataRowCount(geometry: AreaGeometry): number {
  return geometry.lastRow - geometry.headerRow;
}

/** The area's columns, firstColumn to lastColumn. */
export function areaWidth(geometry: AreaGeometry): number {
  return geometry.lastColumn - geometry.firstColumn + 1;
}

/** Each field's sheet column (0-based), or undefined where the area has none. */
export function fieldColumns(geometry: AreaGeometry): (number | undefined)[] {
  return geometry.mapping.columns.map((column) =>
    column === undefined ? undefined : geometry.firstColumn + column
  );
}

/** The proxies to load for an area; `geometry()` reads them once the batch is synced. */
export interface AreaLoad {
  sheet: Excel.Worksheet;
  /** The whole area (header included), or a null object for an empty sheet. */
  bounds: Excel.Range;
  geometry(profile: Profile): AreaGeometry | undefined;
}

export function queueAreaLoad(context: Excel.RequestContext, spec: AreaSpec): AreaLoad {
  if (spec.kind === "table") {
    const table = context.workbook.tables.getItem(spec.table);
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- a navigation property, not a loaded value
    const sheet = table.worksheet;
    sheet.load("name");
    // The table's range includes its total row when shown: that row is no client.
    table.load("showTotals");
    const bounds = table.getRange();
    bounds.load("rowIndex, columnIndex, rowCount, columnCount");
    const header = table.getHeaderRowRange();
    header.load("values");
    return {
      sheet,
      bounds,
      geometry: (profile) =>
        geometryOf(
          profile,
          spec,
          sheet.name,
          bounds,
          header.values[0] ?? [],
          // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- geometry() is called only after the caller's sync
          table.showTotals ? 1 : 0
        ),
    };
  }
  const sheet = context.workbook.worksheets.getItem(spec.sheet);
  sheet.load("name");
  const bounds = sheet.getUsedRangeOrNullObject(true);
  bounds.load("rowIndex, columnIndex, rowCount, columnCount");
  const header = bounds.getIntersectionOrNullObject(
    sheet.getRange(`${spec.headerRow + 1}:${spec.headerRow + 1}`)
  );
  header.load("values");
  return {
    sheet,
    bounds,
    geometry: (profile) => {
      // eslint-disable-next-line office-addins/call-sync-before-read -- geometry() is called only after the caller's sync
      if (bounds.isNullObject || header.isNullObject) return undefined;
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- geometry() is called only after the caller's sync
      return geometryOf(profile, spec, sheet.name, bounds, header.values[0] ?? []);
    },
  };
}

function geometryOf(
  profile: Profile,
  spec: AreaSpec,
  sheet: string,
  bounds: Excel.Range,
  headers: Cell[],
  totalRows = 0
): AreaGeometry {
  const headerRow = spec.kind === "table" ? bounds.rowIndex : spec.headerRow;
  const lastRow = Math.max(headerRow, bounds.rowIndex + bounds.rowCount - 1 - totalRows);
  return {
    sheet,
    headerRow,
    headers,
    firstColumn: bounds.columnIndex,
    lastColumn: bounds.columnIndex + bounds.columnCount - 1,
    lastRow: Math.min(lastRow, LAST_ROW),
    mapping: mapHeaderRow(profile, headers, spec.overrides),
    statusColumn: statusColumnOf(headers),
    totalRow: totalRows > 0,
  };
}

function statusColumnOf(headers: Cell[]): number | undefined {
  const index = headers.findIndex((cell) => typeof cell === "string" && isStatusHeader(cell));
  return index < 0 ? undefined : index;
}

/** Whether two readings of the area put the same fields in the same cells. */
export function sameLayout(a: AreaGeometry, b: AreaGeometry): boolean {
  return (
    a.sheet === b.sheet &&
    a.headerRow === b.headerRow &&
    a.firstColumn === b.firstColumn &&
    a.lastColumn === b.lastColumn &&
    a.mapping.headerLang === b.mapping.headerLang &&
    a.statusColumn === b.statusColumn &&
    !!a.totalRow === !!b.totalRow &&
    a.mapping.columns.every((column, i) => column === b.mapping.columns[i])
  );
}

/**
 * Rows of area cells just read, in the profile's field order. The lines are the reader's own
 * (a response's copy, used for nothing else once this is done): where the area's first
 * columns are the fields in order, each line is cut to them and kept, not copied, as a
 * 10,000-row paste would otherwise copy 10,000 rows.
 */
export function fieldRows(geometry: AreaGeometry, lines: Cell[][]): Cell[][] {
  const { columns } = geometry.mapping;
  let inOrder = true;
  for (let i = 0; i < columns.length && inOrder; i++) inOrder = columns[i] === i;
  const rows = new Array<Cell[]>(lines.length);
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r]!;
    if (inOrder) line.length = columns.length;
    rows[r] = inOrder ? line : fieldCells(geometry, line);
  }
  return rows;
}

/** A row of area cells (firstColumn..lastColumn) in the profile's field order. */
export function fieldCells(geometry: AreaGeometry, areaRow: readonly Cell[]): Cell[] {
  return geometry.mapping.columns.map((column) =>
    column === undefined ? undefined : areaRow[column]
  );
}
