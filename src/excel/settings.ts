import type { ExcelRun } from "./run";

/**
 * Workbook settings (saved inside the file, so they travel with it). Values are JSON; what
 * comes back is checked by the caller, since a user may have edited the file elsewhere.
 */
export function queueSettingRead(context: Excel.RequestContext, key: string): () => unknown {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read by the caller after the sync that loads it
  return () => (item.isNullObject ? undefined : item.value);
}

export function queueSettingWrite(
  context: Excel.RequestContext,
  key: string,
  value: unknown
): void {
  context.workbook.settings.add(key, value as string);
}

export async function writeSetting(run: ExcelRun, key: string, value: unknown): Promise<void> {
  await run(async (context) => {
    queueSettingWrite(context, key, value);
    await context.sync();
  });
}
