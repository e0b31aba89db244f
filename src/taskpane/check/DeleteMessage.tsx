import { useLanguage } from "../i18n";
import type { DeleteFeedback } from "../hooks/useRowDeletes";
import { UndoableMessage } from "../UndoableMessage";

/** What the last deletion of rows did, with Undo for rows that went. */
export function DeleteMessage({
  feedback,
  onUndo,
}: {
  feedback: DeleteFeedback;
  onUndo: () => void;
}) {
  const { t } = useLanguage();
  if (!feedback) return null;
  const intent =
    feedback.kind === "failed"
      ? "error"
      : feedback.kind === "deleted" && feedback.kept > 0
        ? "warning"
        : "success";
  const text =
    feedback.kind === "failed"
      ? t("writeFailed", { reason: feedback.reason })
      : feedback.kind === "deleted"
        ? t("rowsDeleted", { count: feedback.count, kept: feedback.kept })
        : t("rowsRestored", { count: feedback.count });
  const undoable = feedback.kind === "deleted" && feedback.count > 0;
  return (
    <UndoableMessage
      about={feedback}
      intent={intent}
      text={text}
      onUndo={undoable ? onUndo : undefined}
    />
  );
}
