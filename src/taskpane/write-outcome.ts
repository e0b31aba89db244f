import type { Translate } from "./i18n";
import type { WriteFeedback } from "./hooks/useWrites";
import type { Outcome } from "./UndoableMessage";

/** What the last write from the pane did, with Undo for a write that landed. */
export function describeWrite(feedback: NonNullable<WriteFeedback>, t: Translate): Outcome {
  switch (feedback.kind) {
    case "failed":
      return { intent: "error", text: t("writeFailed", { reason: feedback.reason }) };
    case "written":
      return {
        intent: "success",
        text: t("cellsWritten", { count: feedback.count }),
        undoable: true,
      };
    case "undone":
      return {
        intent: feedback.kept === 0 ? "success" : "warning",
        text: t("writesUndone", { restored: feedback.restored, kept: feedback.kept }),
      };
    default:
      return { intent: "warning", text: t("writesNotMade", { count: feedback.count }) };
  }
}
