import {
  cellText,
  fieldHeader,
  findColumns,
  headerKey,
  type Cell,
  type ColumnMapping,
  type MappingOverrides,
  type Profile,
  type UiLang,
} from "../core";
import { columnLetters } from "./address";
import type { AreaGeometry, AreaSpec } from "./area";
import { parseCatalog, type TemplateInfo } from "./catalog";
import { queueHighlightRule } from "./health";
import { queueColumnValidation, queueListsWrite } from "./lists";
import { CHECKS_SHEET, LISTS_SHEET, SETTINGS, TABLE_NAME, TEMPLATE_SHEET_TITLE } from "./names";
import type { ExcelRun } from "./run";
import { STATUS_HEADER } from "./status";
import { queueSettingRead, queueSettingWrite } from "./settings";
import { queueHiddenSheet } from "./hidden-sheet";

/** Points per character of a column width (Excel's default column: 8.43 characters, 48 pt). */
const POINTS_PER_CHARACTER = 5.7;
/** The status column holds "✓ Créé · cl_…" or the API's message. */
const STATUS_WIDTH = 40;

export type InsertOutcome =
  | { kind: "inserted"; sheet: string; spec: AreaSpec }
  /** The template is already in the workbook: nothing was touched; the pane offers to reuse it. */
  | { kind: "exists"; sheet: string; spec: AreaSpec };

/** The header a template column gets: required columns end with " *". */
function templateHeader(profile: Profile, key: string, lang: UiLang): string {
  const field = profile.fields.find((candidate) => candidate.key === key);
  if (!field) return key;
  return `${fieldHeader(field, lang)}${field.required ? " *" : ""}`;
}

/** Where a template goes; other than the workbook's own only for the self-check's scratch one. */
export interface TemplatePlace {
  table: string;
  sheetTitle: string;
  checksSheet: string;
  /** Saved as the workbook's client area (not for a scratch template). */
  remember: boolean;
}

/**
 * Inserts the import template: a sheet with the profile's table (headers in the user's
 * language), text-formatted identifier columns, widths, a frozen header, drop-downs, input
 * messages and the highlight rule. Two syncs. Never overwrites an existing template.
 */
export async function insertTemplate(
  run: ExcelRun,
  profile: Profile,
  lang: UiLang,
  place: TemplatePlace = {
    table: TABLE_NAME,
    sheetTitle: TEMPLATE_SHEET_TITLE[lang],
    checksSheet: CHECKS_SHEET,
    remember: true,
  }
): Promise<InsertOutcome> {
  return run(async (context) => {
    const existing = context.workbook.tables.getItemOrNullObject(place.table);
    // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation to the sheet, loaded below once the table is known to exist
    const existingSheet = existing.worksheet;
    existing.load("name");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const checks = sheets.getItemOrNullObject(place.checksSheet);
    const lists = sheets.getItemOrNullObject(LISTS_SHEET);
    const savedCatalog = queueSettingRead(context, SETTINGS.templates);
    await context.sync();
    const spec: AreaSpec = { kind: "table", table: place.table };
    if (!existing.isNullObject) {
      existingSheet.load("name");
      await context.sync();
      return { kind: "exists", sheet: existingSheet.name, spec };
    }
    const catalog: TemplateInfo[] = parseCatalog(savedCatalog()) ?? [];
    const name = freeSheetName(
      place.sheetTitle,
      sheets.items.map((sheet) => sheet.name)
    );
    const sheet = sheets.add(name);
    const fields = profile.fields;
    // The fields, then the status column where sending writes each row's result.
    const lastColumn = columnLetters(fields.length);
    // Text format first: what is typed or pasted later keeps its leading zeros.
    fields.forEach((field, i) => {
      const column = columnLetters(i);
      if (field.identifier)
        sheet.getRange(`${column}2:${column}1048576`).numberFormat = "@" as unknown as string[][];
      sheet.getRange(`${column}1`).format.columnWidth = Math.round(
        field.width * POINTS_PER_CHARACTER
      );
    });
    sheet.getRange(`${lastColumn}1`).format.columnWidth = Math.round(
      STATUS_WIDTH * POINTS_PER_CHARACTER
    );
    sheet.getRange(`A1:${lastColumn}1`).values = [
      [...fields.map((field) => templateHeader(profile, field.key, lang)), STATUS_HEADER[lang]],
    ];
    const table = sheet.tables.add(`A1:${lastColumn}2`, true);
    table.name = place.table;
    table.style = "TableStyleLight9";
    sheet.freezePanes.freezeRows(1);

    queueListsWrite(context, !lists.isNullObject, profile, lang, catalog);
    const columns = fields.map((_, i) => i);
    queueColumnValidation(sheet, profile, columns, 1, lang, catalog, lang);
    const geometry: AreaGeometry = {
      sheet: name,
      headerRow: 0,
      headers: [],
      firstColumn: 0,
      lastColumn: fields.length,
      lastRow: 1,
      mapping: { headerRow: 0, columns, headerLang: lang, missingRequired: [] },
      statusColumn: fields.length,
    };
    if (checks.isNullObject) {
      // Keys keep their type there (see highlightKey): the sheet stays in the General format.
      queueHiddenSheet(context, place.checksSheet, false);
    }
    queueHighlightRule(context, geometry, place.checksSheet);
    if (place.remember) queueSettingWrite(context, SETTINGS.area, spec);
    sheet.activate();
    sheet.getRange("A2").select();
    await context.sync();
    return { kind: "inserted", sheet: name, spec };
  });
}

/** "Banqup clients", or "Banqup clients (2)" when a sheet has that name already. */
export function freeSheetName(title: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(title.toLowerCase())) return title;
  for (let n = 2; ; n++) {
    const candidate = `${title} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet the user already had, as the add-in understood it: where its headers are, and what each holds. */
export interface DetectedSheet {
  sheet: string;
  /** 0-based sheet row of the headers. */
  headerRow: number;
  /** The header row's cells from column A. */
  headers: string[];
  /** Per column, the first values under its header (up to SAMPLES_PER_COLUMN), to recognise it by. */
  samples: string[][];
  mapping: ColumnMapping;
}

/** A header like "Code" says little; two of its values say which column it is. */
const SAMPLES_PER_COLUMN = 2;

function columnSamples(rows: Cell[][], headerRow: number, width: number): string[][] {
  const samples: string[][] = Array.from({ length: width }, () => []);
  for (const row of rows.slice(headerRow + 1)) {
    row.forEach((cell, column) => {
      const text = cellText(cell).trim();
      const found = samples[column];
      if (text && found && found.length < SAMPLES_PER_COLUMN) found.push(text);
    });
  }
  return samples;
}

/** Rows scanned for a header row at the top of the active sheet. */
const HEADER_SCAN_ROWS = 30;

/**
 * Finds the header row of the active sheet (docs/rules.md, "Using a sheet the user already has"): the row among the first 30
 * that names the most fields, in any supported language and order.
 */
export async function detectActiveSheet(
  run: ExcelRun,
  profile: Profile
): Promise<DetectedSheet | undefined> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex, columnIndex, columnCount, rowCount");
    await context.sync();
    if (used.isNullObject) return undefined;
    const top = sheet.getRangeByIndexes(
      0,
      0,
      Math.min(used.rowIndex + used.rowCount, HEADER_SCAN_ROWS),
      used.columnIndex + used.columnCount
    );
    top.load("values");
    await context.sync();
    const rows = top.values as Cell[][];
    const mapping = findColumns(profile, rows, HEADER_SCAN_ROWS);
    if (!mapping) return undefined;
    return {
      sheet: sheet.name,
      headerRow: mapping.headerRow,
      headers: (rows[mapping.headerRow] ?? []).map((cell) => cellText(cell)),
      samples: columnSamples(rows, mapping.headerRow, rows[mapping.headerRow]?.length ?? 0),
      mapping,
    };
  });
}

/** Column → field key (null for "not imported"): what the user chooses per header. */
export type ColumnChoices = Record<number, string | null>;

/** For each header of a detected sheet, the field its column was found to hold. */
export function detectedChoices(detected: DetectedSheet, profile: Profile): ColumnChoices {
  const choices: ColumnChoices = {};
  detected.headers.forEach((header, column) => {
    if (!header) return;
    const field = detected.mapping.columns.indexOf(column);
    choices[column] = field >= 0 ? profile.fields[field]!.key : null;
  });
  return choices;
}

/**
 * The area of a sheet the user brought, with the user's corrections: for each header, the
 * field it holds (or null for "not imported") where it differs from what was detected.
 */
export function sheetAreaSpec(
  detected: DetectedSheet,
  chosen: Readonly<ColumnChoices>,
  profile: Profile
): AreaSpec {
  const found = detectedChoices(detected, profile);
  const overrides: Record<string, string | null> = {};
  detected.headers.forEach((header, column) => {
    if (!header || !(column in chosen)) return;
    const choice = chosen[column] ?? null;
    if (choice !== found[column]) overrides[headerKey(header)] = choice;
  });
  return {
    kind: "sheet",
    sheet: detected.sheet,
    headerRow: detected.headerRow,
    overrides: overrides as MappingOverrides,
  };
}

/** Saves which area the workbook's clients are in, so reopening the pane finds them. */
export async function saveAreaSpec(run: ExcelRun, spec: AreaSpec): Promise<void> {
  await run(async (context) => {
    queueSettingWrite(context, SETTINGS.area, spec);
    await context.sync();
  });
}
