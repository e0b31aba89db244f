import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import type { LoadReport } from "../../send";
import type { SyncAction, SyncState } from "../hooks/useBanqupSync";
import { useLanguage } from "../i18n";
import { usePanelStyles } from "../panel-styles";

/**
 * The partner's clients in the sheet: load them, refresh the rows (the selected ones, or all)
 * from Banqup, with progress and Cancel, then what it did.
 */
export function BanqupActions({
  state,
  selected,
  disabled,
  onStart,
  onCancel,
}: {
  state: SyncState;
  /** Data rows selected in the sheet. */
  selected: readonly number[];
  /** Another step is under way (a send). */
  disabled: boolean;
  onStart: (action: SyncAction, rows?: readonly number[]) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = usePanelStyles();
  const { t } = useLanguage();
  const working = state.kind === "working";
  // The outcome takes the focus: the button that started it was disabled meanwhile.
  const outcome = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.kind === "done" || state.kind === "failed") outcome.current?.focus();
  }, [state.kind]);
  return (
    <section aria-labelledby="banqup-title" className={styles.section}>
      <Subtitle2 as="h2" id="banqup-title">
        {t("banqupTitle")}
      </Subtitle2>
      <div className={styles.rows}>
        <Button disabled={working || disabled} onClick={() => onStart("load")}>
          {t("loadClients")}
        </Button>
        <Button
          disabled={working || disabled}
          onClick={() => onStart("refresh", selected.length > 0 ? selected : undefined)}
        >
          {selected.length > 0 ? t("refreshSelected", { count: selected.length }) : t("refreshAll")}
        </Button>
      </div>
      {state.kind === "working" && (
        <div className={styles.section}>
          {/* No total: the list is read page by page until Banqup says it ended. */}
          <ProgressBar aria-label={t("loadingClients", { received: state.progress.received })} />
          <Text role="status">{t("loadingClients", { received: state.progress.received })}</Text>
          <Button onClick={onCancel}>{t("cancelSend")}</Button>
        </div>
      )}
      <div ref={outcome} tabIndex={-1}>
        {state.kind === "done" && <Outcome report={state.report} action={state.action} />}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{t("loadFailed", { reason: state.reason })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

function Outcome({ report, action }: { report: LoadReport; action: SyncAction }) {
  const { t } = useLanguage();
  const trouble = report.cancelled || report.failed > 0 || report.conflicts > 0;
  return (
    <MessageBar intent={trouble ? "warning" : "success"}>
      <MessageBarBody>
        {report.cancelled
          ? t("loadCancelled", { added: report.added })
          : t(action === "load" ? "loadDone" : "refreshDone", {
              added: report.added,
              refreshed: report.refreshed,
              inStep: report.inStep,
            })}
        {report.editedInSheet > 0 && <> {t("loadEdited", { count: report.editedInSheet })}</>}
        {report.conflicts > 0 && <> {t("loadConflicts", { count: report.conflicts })}</>}
        {report.failed > 0 && (
          <> {t("loadUnread", { count: report.failed, reason: report.failure ?? "" })}</>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
