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
