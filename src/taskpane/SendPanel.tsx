import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Partner } from "../api";
import type { ProfileId } from "../core";
import type { LiveSession } from "../excel";
import type { PartnerConnection } from "./connection";
import { useLanguage } from "./i18n";
import { useSend } from "./hooks/useSend";
import { SendSummary } from "./SendSummary";
import type { SendProgress } from "../send";
import { useSessionView } from "./hooks/useLiveSession";
import { useBanqupSync } from "./hooks/useBanqupSync";
import { useConflicts } from "./hooks/useConflicts";
import { useStatusCounts } from "./hooks/useStatusCounts";
import { BanqupActions } from "./banqup/BanqupActions";
import { ConflictGroup } from "./banqup/ConflictGroup";
import { ChangedSinceSent } from "./ChangedSinceSent";
import { useChangesSinceSent } from "./hooks/useChangesSinceSent";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Sending the rows: what will happen, then progress, then the outcome. */
export function SendPanel({
  session,
  connection,
  partner,
  region,
}: {
  session: LiveSession;
  connection: PartnerConnection;
  partner: Partner;
  region: ProfileId;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const work = React.useMemo(
    () => ({ session, connection, partnerId: partner.id, region, lang }),
    [session, connection, partner.id, region, lang]
  );
  const conflicts = useConflicts(work);
  const send = useSend({ ...work, onConflicts: conflicts.add });
  const sync = useBanqupSync(work, conflicts.add);
  const { state } = send;
  const view = useSessionView(session);
  // The outcome of a send takes the focus: the button that started it is gone by then.
  const outcome = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.kind === "done" || state.kind === "failed") outcome.current?.focus();
  }, [state.kind]);
  const selected = view.selection?.rows ?? [];
  const busy =
    state.kind === "preparing" || state.kind === "sending" || sync.state.kind === "working";
  // Read again once a send, a load or a refresh ends, and after each settled conflict.
  const afterWrites = React.useMemo(() => ({}), [state.kind, sync.state.kind, conflicts.note]);
  const counts = useStatusCounts(session, !busy && state.kind !== "summary", afterWrites);
  const changes = useChangesSinceSent(work, counts.changedRows);
  const notes = session.profile.fields.flatMap((field) => field.sendNote?.[lang] ?? []);

  return (
    <section aria-labelledby="send-title" className={styles.section}>
      <Subtitle2 as="h2" id="send-title">
        {t("sendTitle")}
      </Subtitle2>
      <Checkbox
        checked={send.invite}
        disabled={busy}
        onChange={(_event, data) => send.setInvite(data.checked === true)}
        label={t("inviteOption")}
      />
      {notes.map((note) => (
        <Caption1 key={note}>{note}</Caption1>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void send.prepare({})}>
          {t("sendAll")}
        </Button>
        <Button
          disabled={busy || selected.length === 0}
          onClick={() => void send.prepare({ rows: selected })}
        >
          {t("sendSelected", { count: selected.length })}
        </Button>
        {/* Kept in its place (and focusable) so the buttons do not move; active once a row failed. */}
        <Button
          disabledFocusable={busy || counts.failed === 0}
          onClick={() => void send.prepare({ onlyFailed: true })}
        >
          {t("retryFailed", { count: counts.failed })}
        </Button>
        <Button
          disabledFocusable={busy || counts.changedRows.length === 0}
          onClick={() => void send.prepare({ onlyWithClient: true })}
        >
          {t("updateChanged", { count: counts.changedRows.length })}
        </Button>
      </div>
      <ChangedSinceSent
        changes={changes}
        profile={session.profile}
        firstRow={view.firstRow}
        more={counts.changedRows.length - changes.length}
      />
      {state.kind === "preparing" && <Spinner size="tiny" label={t("preparing")} />}
      {state.kind === "summary" && (
        <SendSummary
          plan={state.plan}
          profile={session.profile}
          firstRow={view.firstRow}
          changed={state.changed}
          invite={send.invite}
          createSimilar={send.createSimilar}
          onCreateSimilar={send.setCreateSimilar}
          updateEdited={send.updateEdited}
          onUpdateEdited={send.setUpdateEdited}
          onConfirm={() => void send.confirm()}
          onCancel={send.cancel}
        />
      )}
      {state.kind === "sending" && (
        <div className={styles.section}>
          <ProgressBar
            value={state.progress.total ? done(state.progress) / state.progress.total : 0}
            aria-label={t("sending", { done: done(state.progress), total: state.progress.total })}
          />
          <Text role="status">
            {t("sending", { done: done(state.progress), total: state.progress.total })}
          </Text>
          <Button onClick={send.cancel}>{t("cancelSend")}</Button>
        </div>
      )}
      <div ref={outcome} tabIndex={-1}>
        {state.kind === "done" && (
          <MessageBar
            intent={
              state.report.failed ||
              state.report.cancelled ||
              state.report.changed ||
              state.report.unplaced.length
                ? "warning"
                : "success"
            }
          >
            <MessageBarBody>
              {t(state.report.cancelled ? "sendCancelled" : "sendDone", {
                created: state.report.created,
                failed: state.report.failed,
                skipped: state.report.skipped,
              })}
              {state.report.updated > 0 && (
                <> {t("sendUpdated", { count: state.report.updated })}</>
              )}
              {state.report.conflicts.length > 0 && (
                <> {t("loadConflicts", { count: state.report.conflicts.length })}</>
              )}
              {state.report.changed > 0 && (
                <> {t("sendRowsChanged", { count: state.report.changed })}</>
              )}
              {state.report.unplaced.length > 0 && (
                <>
                  {" "}
                  {t("sendUnplaced", {
                    list: state.report.unplaced
                      .map((client) => `${client.companyName} (${client.clientId})`)
                      .join(", "),
                  })}
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{t("sendFailed", { reason: state.reason })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ConflictGroup
        conflicts={conflicts.conflicts}
        profile={session.profile}
        firstRow={view.firstRow}
        headerLang={session.geometry?.mapping.headerLang ?? "fr"}
        busy={conflicts.busy}
        note={conflicts.note}
        onApply={(conflict, choices, row) => void conflicts.settle(conflict, choices, row)}
      />
      <BanqupActions
        state={sync.state}
        selected={selected}
        disabled={state.kind === "preparing" || state.kind === "sending"}
        onStart={(action, rows) => void sync.start(action, rows)}
        onCancel={sync.cancel}
      />
    </section>
  );
}

function done(progress: SendProgress): number {
  return progress.created + progress.updated + progress.failed + progress.skipped;
}
