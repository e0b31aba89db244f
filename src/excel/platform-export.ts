/** `Excel.createWorkbook` (ExcelApi 1.8), or the in-memory Excel's: opens an .xlsx as a new workbook. */
export type CreateWorkbook = (base64: string) => Promise<void>;

/** Bytes as base64, in slices: one String.fromCharCode call per slice stays under the argument limit. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice)
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

/**
 * Opens a file as a new workbook for the user to look at and save: the add-in's own workbook
 * stays as it is. Excel on the web opens it in a new tab, desktop Excel in a new window.
 */
export async function openAsNewWorkbook(
  createWorkbook: CreateWorkbook,
  bytes: Uint8Array
): Promise<void> {
  await createWorkbook(toBase64(bytes));
}
