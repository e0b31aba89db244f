import writeXlsxFile, { type Cell as XlsxCell } from "write-excel-file/universal";
import type { PlatformFile } from "./platform-file";

/** The sheet of the platform's file. */
const PLATFORM_SHEET = "Clients";

/**
 * The platform's file as .xlsx bytes, in the browser (the pane) and in Node (the CLI) alike:
 * one sheet, its headers, then every cell as text with Excel's text format `@`. Text cells are
 * never formulas (a value starting with "=" stays what it says) and keep their leading zeros.
 * Kept out of the core's index: the pane loads it only when it exports.
 */
export async function platformXlsx(file: PlatformFile): Promise<Uint8Array> {
  const text = (value: string): XlsxCell =>
    value === "" ? null : { value, type: String, format: "@" };
  const data: XlsxCell[][] = [
    file.headers.map((header) => ({ value: header, type: String, fontWeight: "bold" })),
    ...file.lines.map((line) => line.map(text)),
  ];
  const columns = file.headers.map((header, i) => ({
    width: Math.min(
      60,
      Math.max(header.length, ...file.lines.slice(0, 200).map((line) => line[i]!.length), 8) + 2
    ),
  }));
  const blob = await writeXlsxFile(data, {
    sheet: PLATFORM_SHEET,
    columns,
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
