/**
 * Planning and running a send: which rows become clients, and sending them with each row's
 * result written back into the sheet; loading the partner's clients into the sheet and
 * keeping rows and clients in step. No React: the pane and the bench both drive it.
 */
export { type Conflict, differencesAt, settleConflict, type Settlement } from "./conflicts";
export {
  loadClients,
  type LoadProgress,
  NO_LOAD_PROGRESS,
  type LoadReport,
  refreshAllRows,
  refreshRows,
} from "./load";
export { planSend, type PlannedKind, type PlannedRow, type SendPlan } from "./plan";
export { checkWithBanqup, type ServerCheckReport } from "./server-check";
export { runSend, sentBy, type SendProgress, type SendReport } from "./run";
export type { BanqupWork } from "./synced-rows";
export type { SendSay } from "./words";
