/**
 * Queues a very hidden sheet: the add-in's own store (checks, lists, ledger), out of the
 * user's sight and of the Unhide dialog. `asText` formats every cell as text, so stored
 * values keep their leading zeros and are never read back as numbers or dates.
 */
export function queueHiddenSheet(
  context: Excel.RequestContext,
  name: string,
  asText: boolean
): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(name);
  if (asText) sheet.getRange().numberFormat = "@" as unknown as string[][];
  sheet.visibility = "VeryHidden";
  return sheet;
}
