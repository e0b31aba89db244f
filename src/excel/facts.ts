import { parseCatalog, type TemplateInfo } from "./catalog";
import { CHECKS_SHEET, LISTS_SHEET, SETTINGS } from "./names";
import { queueSettingRead } from "./settings";

export interface Facts {
  checksExists(): boolean;
  listsExists(): boolean;
  catalog(): TemplateInfo[] | undefined;
}

/** What the workbook already holds of ours: read once, with the first layout read. */
export function queueFacts(context: Excel.RequestContext, checksSheet = CHECKS_SHEET): Facts {
  const checks = context.workbook.worksheets.getItemOrNullObject(checksSheet);
  const lists = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  const catalog = queueSettingRead(context, SETTINGS.templates);
  return {
    // eslint-disable-next-line office-addins/call-sync-before-read -- read by the caller after the sync that loads them
    checksExists: () => !checks.isNullObject,
    // eslint-disable-next-line office-addins/call-sync-before-read -- read by the caller after the sync that loads them
    listsExists: () => !lists.isNullObject,
    catalog: () => parseCatalog(catalog()),
  };
}
