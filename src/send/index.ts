/**
 * Planning and running a send: which rows become clients, and sending them with each row's
 * result written back into the sheet. No React: the pane and the bench both drive it.
 */
export { planSend, type PlannedKind, type PlannedRow, type SendPlan } from "./plan";
export { runSend, sentBy, type SendProgress, type SendReport, type SendSay } from "./run";
