import type { CreateWorkbook, ExcelRun, HostRequirements, TemplateInfo } from "../excel";

export type NewWorkbookPlace = "window" | "tab";
import type { PartnerConnection } from "./connection";
import type { RegistryLookup } from "./hooks/useRegistryCheck";

/** What the pane talks to: Excel (absent in a plain browser) and the partner API. */
export interface PaneServices {
  run?: ExcelRun;
  /** Which Excel API sets the host supports (Office.context.requirements). */
  requirements?: HostRequirements;
  apiUrl?: string;
  /** Sign-in and the API client; absent where the pane cannot reach the partner API. */
  connection?: PartnerConnection;
  /** Or how to load them, once the pane has appeared. */
  loadConnection?: () => Promise<PartnerConnection>;
  /** The partner's templates, when they come from elsewhere than the signed-in connection. */
  fetchTemplates?: () => Promise<TemplateInfo[]>;
  /** The registry lookup, when it comes from elsewhere than the signed-in connection. */
  registryLookup?: RegistryLookup;
  /** Excel.createWorkbook (ExcelApi 1.8): the export opens the platform's file with it. */
  createWorkbook?: CreateWorkbook;
  /**
   * Where a new workbook shows: desktop Excel's new window, or Excel on the web's new tab.
   * Undefined where none can be shown (outside Office's known hosts): the file is offered
   * as a download.
   */
  newWorkbookPlace?: NewWorkbookPlace;
  /** "Check this Excel" (development builds only). */
  selfCheck?: boolean;
}
