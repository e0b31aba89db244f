import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tooltip,
} from "@fluentui/react-components";
import type { LiveSession, SessionView } from "../../excel";
import { useLanguage } from "../i18n";
import { usePanelStyles } from "../panel-styles";
import { useServerCheck, type ServerCheck, type ServerCheckState } from "../hooks/useServerCheck";

/**
 * "Check with Banqup (N)": Banqup's own verdict on the rows that pass the sheet's rules, before
 * anything is sent. N counts the rows Banqup has not judged as they are now; what it would
 * refuse shows on the cells and in the problem list, like the sheet's own problems.
 */
export function BanqupCheckPanel({
  session,
  view,
  serverCheck,
}: {
  session: LiveSession;
  view: SessionView;
  serverCheck: ServerCheck;
}) {
  const { t } = useLanguage();
  const styles = usePanelStyles();
  const { progress, outcome, check, cancel } = useServerCheck(session, serverCheck);
  // Recounted with each view: rows are typed, fixed and judged.
  const awaiting = React.useMemo(
    () => session.rows?.awaitingRemoteJudgement().length ?? 0,
    [session, view]
  );
  return (
    <section aria-label={t("banqupCheckTitle")} className={styles.section}>
      {progress ? (
        <>
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
          <div className={styles.line}>
            <Caption1 role="status">{t("banqupChecking", progress)}</Caption1>
            <Button size="small" onClick={cancel}>
              {t("cancelSend")}
            </Button>
          </div>
        </>
      ) : (
        <Tooltip content={t("banqupCheckIntro")} relationship="description">
          <Button size="small" disabled={awaiting === 0} onClick={() => void check()}>
            {t("banqupCheck", { count: awaiting })}
          </Button>
        </Tooltip>
      )}
      {outcome && <ServerCheckOutcomeMessage outcome={outcome} />}
    </section>
  );
}

function ServerCheckOutcomeMessage({
  outcome,
}: {
  outcome: NonNullable<ServerCheckState["outcome"]>;
}) {
  const { t } = useLanguage();
  switch (outcome.kind) {
    case "done": {
      const { checked, refused, existing, unchecked } = outcome.report;
      return (
        <MessageBar intent={refused > 0 ? "warning" : "success"}>
          <MessageBarBody>
            {t("banqupCheckDone", { checked, refused })}
            {existing > 0 && <> {t("banqupCheckExisting", { count: existing })}</>}
            {unchecked > 0 && <> {t("banqupCheckUnchecked", { count: unchecked })}</>}
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "cancelled":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t("banqupCheckCancelled", outcome)}</MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error">
          <MessageBarBody>{t("banqupCheckFailed", { reason: outcome.reason })}</MessageBarBody>
        </MessageBar>
      );
    case "nothing":
      return <Caption1>{t("banqupCheckNothing")}</Caption1>;
  }
}
