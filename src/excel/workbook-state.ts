import { isProfileId, type ProfileId } from "../core";
import { parseAreaSpec, type AreaSpec } from "./area";
import { parseCatalog, type TemplateInfo } from "./catalog";
import { SETTINGS } from "./names";
import type { ExcelRun } from "./run";
import { queueSettingRead } from "./settings";

/** What the workbook remembers for the add-in, read in one sync when the pane opens. */
export interface WorkbookMemory {
  region: ProfileId | undefined;
  area: AreaSpec | undefined;
  catalog: TemplateInfo[] | undefined;
}

export async function readWorkbookMemory(run: ExcelRun): Promise<WorkbookMemory> {
  return run(async (context) => {
    const region = queueSettingRead(context, SETTINGS.region);
    const area = queueSettingRead(context, SETTINGS.area);
    const catalog = queueSettingRead(context, SETTINGS.templates);
    await context.sync();
    const saved = region();
    return {
      region: typeof saved === "string" && isProfileId(saved) ? saved : undefined,
      area: parseAreaSpec(area()),
      catalog: parseCatalog(catalog()),
    };
  });
}
