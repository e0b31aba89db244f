import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { useLanguage } from "./i18n";

/**
 * What the pane just changed in the sheet, or why it could not. The message takes the focus
 * each time `about` changes (it says what moved under the pointer, and its Undo is one key
 * away); Undo shows where `onUndo` is given.
 */
export function UndoableMessage({
  about,
  intent,
  text,
  onUndo,
}: {
  about: unknown;
  intent: MessageBarIntent;
  text: string;
  onUndo?: () => void;
}) {
  const { t } = useLanguage();
  const message = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    message.current?.focus();
  }, [about]);
  return (
    <MessageBar intent={intent} ref={message} tabIndex={-1}>
      <MessageBarBody>{text}</MessageBarBody>
      {onUndo && (
        <MessageBarActions>
          <Button size="small" onClick={onUndo}>
            {t("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
