import type { CellSpan } from "./address";
import type { ExcelRun } from "./run";

/** Consecutive cells of one column that get text: written as one range. */
export interface TextBlock {
  column: number;
  top: number;
  values: string[];
}

/** Groups single cells into runs down each column, so a batch writes few ranges. */
export function columnBlocks(cells: { row: number; column: number; value: string }[]): TextBlock[] {
  const byColumn = new Map<number, Map<number, string>>();
  for (const { row, column, value } of cells) {
    const rows = byColumn.get(column) ?? new Map<number, string>();
    rows.set(row, value);
    byColumn.set(column, rows);
  }
  const blocks: TextBlock[] = [];
  for (const [column, rows] of byColumn) {
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const last = blocks[blocks.length - 1];
      if (last && last.column === column && last.top + last.values.length === row)
        last.values.push(rows.get(row)!);
      else blocks.push({ column, top: row, values: [rows.get(row)!] });
    }
  }
  return blocks;
}

export function blockSpan(block: TextBlock): CellSpan {
  return {
    top: block.top,
    bottom: block.top + block.values.length - 1,
    left: block.column,
    right: block.column,
  };
}

/**
 * Writes the blocks as text (formatted "@" first, so "0123" keeps its zero and "=x" never
 * becomes a formula), in one sync unless the request would pass `budget` bytes.
 */
export async function writeTextBlocks(
  run: ExcelRun,
  sheetName: string,
  blocks: TextBlock[],
  budget: number
): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    let bytes = 0;
    for (const block of blocks) {
      const range = sheet.getRangeByIndexes(block.top, block.column, block.values.length, 1);
      range.numberFormat = block.values.map(() => ["@"]);
      range.values = block.values.map((value) => [value]);
      bytes += block.values.reduce((sum, value) => sum + value.length + 10, 0);
      if (bytes > budget) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a new request only when this one would pass Excel's 5 MB limit
        await context.sync();
        bytes = 0;
      }
    }
    await context.sync();
  });
}
