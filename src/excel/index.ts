/**
 * The only code that touches Office.js (docs/glossary.md for its words). Everything takes
 * `Excel.run` as a parameter (the real one, or the in-memory Excel's); a feature working on
 * an open area goes through its `LiveSession`.
 */
export { cellAddress, columnLetters } from "./address";
export { RowAppender } from "./append-rows";
export { type AreaSpec, parseAreaSpec } from "./area";
export { descriptionIn, parseCatalog, type TemplateInfo } from "./catalog";
export { DialogClosed, DialogMessageRefused, openOfficeDialog, readDialogMessage } from "./dialog";
export {
  type ColumnChoices,
  detectActiveSheet,
  detectedChoices,
  type DetectedSheet,
  insertTemplate,
  saveAreaSpec,
  sheetAreaSpec,
} from "./import-table";
export {
  CHECKS_SHEET,
  HIGHLIGHT,
  LEDGER_SHEET,
  LISTS_SHEET,
  REGISTRY_SHEET,
  SETTINGS,
  TABLE_NAME,
} from "./names";
export { type CreateWorkbook, openAsNewWorkbook } from "./platform-export";
export { listProblemsOnSheet } from "./problems-sheet";
export { readRegistryMemory, rememberRegistryAnswers } from "./registry-memory";
export {
  ensureStatusColumn,
  readSheetSendState,
  readStatusAt,
  readStatuses,
  type RowResult,
  writeResults,
} from "./results";
export { type DeletedRow, deleteRows, restoreRows } from "./row-deletes";
export { showOnlyRowsWithProblems } from "./row-visibility";
export { type RowWrite, type RowWriteOutcome } from "./row-writes";
export { describeError, type ExcelRun, type HostRequirements, officeErrorCode } from "./run";
export { runSelfCheck, type SelfCheckResult } from "./self-check";
export { SessionProblem } from "./session-problem";
export { type ProblemGroupView, type SessionView } from "./session-view";
export { LiveSession, type SessionRows } from "./session";
export { writeSetting } from "./settings";
export {
  createdStatus,
  formatStatus,
  type Ledger,
  LEDGER_PENDING,
  parseStatus,
  type RowStatus,
} from "./status";
export { undoWrite, type WriteUndo, writeUndoably } from "./undo";
export { readWorkbookMemory, type WorkbookMemory } from "./workbook-state";
