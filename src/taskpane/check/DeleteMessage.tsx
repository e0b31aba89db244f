import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useLanguage } from "../i18n";
import type { DeleteFeedback } from "../hooks/useRowDeletes";

/** What the last deletion of rows did, with Undo for rows that went. */
export function DeleteMessage({
  feedback,
  onUndo,
}: {
  feedback: DeleteFeedback;
  onUndo: () => void;
}) {
  const { t } = useLanguage();
  // The message takes the focus: rows just left the sheet, and Undo is one key away.
  const message = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (feedback) message.current?.focus();
  }, [feedback]);
  if (!feedback) return null;
  const intent =
    feedback.kind === "failed"
      ? "error"
      : feedback.kind === "deleted" && feedback.kept > 0
        ? "warning"
        : "success";
  return (
    <MessageBar intent={intent} ref={message} tabIndex={-1}>
      <MessageBarBody>
        {feedback.kind === "failed"
          ? t("writeFailed", { reason: feedback.reason })
          : feedback.kind === "deleted"
            ? t("rowsDeleted", { count: feedback.count, kept: feedback.kept })
            : t("rowsRestored", { count: feedback.count })}
      </MessageBarBody>
      {feedback.kind === "deleted" && feedback.count > 0 && (
        <MessageBarActions>
          <Button size="small" onClick={onUndo}>
            {t("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
