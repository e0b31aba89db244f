import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useLanguage } from "./i18n";
import type { WriteFeedback } from "./hooks/useWrites";

/** What the last write from the pane did, with Undo for a write that landed. */
export function WriteMessage({
  feedback,
  onUndo,
}: {
  feedback: WriteFeedback;
  onUndo: () => void;
}) {
  const { t } = useLanguage();
  // The message takes the focus: it says what just changed, and its Undo is one key away.
  const message = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (feedback) message.current?.focus();
  }, [feedback]);
  if (!feedback) return null;
  const intent =
    feedback.kind === "failed"
      ? "error"
      : feedback.kind === "written" || (feedback.kind === "undone" && feedback.kept === 0)
        ? "success"
        : "warning";
  return (
    <MessageBar intent={intent} ref={message} tabIndex={-1}>
      <MessageBarBody>
        {feedback.kind === "failed"
          ? t("writeFailed", { reason: feedback.reason })
          : feedback.kind === "written"
            ? t("cellsWritten", { count: feedback.count })
            : feedback.kind === "undone"
              ? t("writesUndone", { restored: feedback.restored, kept: feedback.kept })
              : t("writesNotMade", { count: feedback.count })}
      </MessageBarBody>
      {feedback.kind === "written" && (
        <MessageBarActions>
          <Button size="small" onClick={onUndo}>
            {t("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
