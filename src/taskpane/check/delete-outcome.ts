import type { Translate } from "../i18n";
import type { DeleteFeedback } from "../hooks/useRowDeletes";
import type { Outcome } from "../UndoableMessage";

/** What the last deletion of rows did, with Undo for rows that went. */
export function describeDelete(feedback: NonNullable<DeleteFeedback>, t: Translate): Outcome {
  switch (feedback.kind) {
    case "failed":
      return { intent: "error", text: t("writeFailed", { reason: feedback.reason }) };
    case "deleted":
      return {
        intent: feedback.kept > 0 ? "warning" : "success",
        text: t("rowsDeleted", { count: feedback.count, kept: feedback.kept }),
        undoable: feedback.count > 0,
      };
    default:
      return { intent: "success", text: t("rowsRestored", { count: feedback.count }) };
  }
}
