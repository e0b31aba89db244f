import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Cell } from "../core";

/** The input cannot be used at all: the CLI says why in one line and exits 2. */
export class UnusableInput extends Error {}

/** A sheet as rows of cells; index r is the sheet's row r + 1. */
export type Sheet = Cell[][];

export async function readSheet(file: string): Promise<Sheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableInput(
      code === "ENOENT"
        ? `no such file: ${file}`
        : code === "EISDIR"
          ? `${file} is a folder, not a file`
          : `cannot read ${file} (${code ?? "error"})`
    );
  }
  const extension = extname(file).toLowerCase();
  if (extension === ".xls")
    throw new UnusableInput(
      `${file}: the old .xls format is not supported; save it as .xlsx or .csv`
    );
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (extension === ".xlsx" || isZip) return readXlsx(file, bytes);
  return readCsv(file, bytes);
}

async function readXlsx(file: string, bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnusableInput(`${file} is not a readable .xlsx workbook`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnusableInput(`${file} has no worksheet`);
  const rows: Sheet = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = toCell(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** exceljs cell values (rich text, hyperlinks, formulas, dates) → the cell a user sees. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return toCell(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value)
    return toCell(value.result as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return undefined;
}

function readCsv(file: string, bytes: Buffer): Sheet {
  const text = decodeText(bytes);
  if (text === undefined || text.includes("\u0000")) {
    throw new UnusableInput(`${file} is not a spreadsheet (.xlsx, or .csv text)`);
  }
  // Excel writes and reads a first line "sep=;" that names the separator and is not a row.
  const declared = /^sep=(.)\r?\n/i.exec(text);
  const body = declared ? text.slice(declared[0].length) : text;
  try {
    return parse(body, {
      delimiter: declared ? declared[1] : detectDelimiter(body),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as Sheet;
  } catch (error) {
    throw new UnusableInput(`${file}: the CSV cannot be read (${(error as Error).message})`);
  }
}

/** UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (Excel's "CSV" on Windows). */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString("utf8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator that splits the first lines most often, outside quotes: ";" or ",". */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n" && ++lines >= 20) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0
    ? [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    : ",";
}
