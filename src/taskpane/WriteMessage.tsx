import { useLanguage } from "./i18n";
import type { WriteFeedback } from "./hooks/useWrites";
import { UndoableMessage } from "./UndoableMessage";

/** What the last write from the pane did, with Undo for a write that landed. */
export function WriteMessage({
  feedback,
  onUndo,
}: {
  feedback: WriteFeedback;
  onUndo: () => void;
}) {
  const { t } = useLanguage();
  if (!feedback) return null;
  const intent =
    feedback.kind === "failed"
      ? "error"
      : feedback.kind === "written" || (feedback.kind === "undone" && feedback.kept === 0)
        ? "success"
        : "warning";
  const text =
    feedback.kind === "failed"
      ? t("writeFailed", { reason: feedback.reason })
      : feedback.kind === "written"
        ? t("cellsWritten", { count: feedback.count })
        : feedback.kind === "undone"
          ? t("writesUndone", { restored: feedback.restored, kept: feedback.kept })
          : t("writesNotMade", { count: feedback.count });
  return (
    <UndoableMessage
      about={feedback}
      intent={intent}
      text={text}
      onUndo={feedback.kind === "written" ? onUndo : undefined}
    />
  );
}
