import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { useLanguage, type Translate } from "./i18n";

/** How a change the pane made in the sheet is told: its words, its colour, whether to undo. */
export interface Outcome {
  intent: MessageBarIntent;
  text: string;
  undoable?: boolean;
}

/**
 * What the pane just changed in the sheet, or why it could not. The message takes the focus
 * each time there is news (it says what moved under the pointer, and its Undo is one key away).
 */
export function UndoableMessage<F extends object>({
  feedback,
  describe,
  onUndo,
}: {
  feedback: F | undefined;
  describe: (feedback: F, t: Translate) => Outcome;
  onUndo: () => void;
}) {
  const { t } = useLanguage();
  const message = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (feedback) message.current?.focus();
  }, [feedback]);
  if (!feedback) return null;
  const { intent, text, undoable } = describe(feedback, t);
  return (
    <MessageBar intent={intent} ref={message} tabIndex={-1}>
      <MessageBarBody>{text}</MessageBarBody>
      {undoable && (
        <MessageBarActions>
          <Button size="small" onClick={onUndo}>
            {t("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
