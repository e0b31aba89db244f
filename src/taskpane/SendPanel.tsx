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
import { useSessionView } from "./hooks/useLiveSession";

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
  const send = useSend({ session, connection, partnerId: partner.id, region, lang });
  const { state } = send;
  const selected = useSessionView(session).selection?.rows ?? [];
  const busy = state.kind === "preparing" || state.kind === "sending";
  const notes = session.profile.fields.flatMap((field) => field.sendNote?.[lang] ?? []);
  const toCreate =
    state.kind === "summary"
      ? state.plan.counts.create + (send.createSimilar ? state.plan.counts.similar : 0)
      : 0;

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
        <Button disabled={busy} onClick={() => void send.prepare({ onlyFailed: true })}>
          {t("retryFailed")}
        </Button>
      </div>
      {state.kind === "preparing" && <Spinner size="tiny" label={t("preparing")} />}
      {state.kind === "summary" && (
        <div role="region" aria-label={t("summaryTitle")} className={styles.section}>
          <Text weight="semibold">{t("summaryTitle")}</Text>
          {state.changed && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("sendSheetChanged")}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.counts}>
            <li>{t("summaryCreate", { count: state.plan.counts.create })}</li>
            <li>{t("summaryInvalid", { count: state.plan.counts.invalid })}</li>
            <li>{t("summaryExists", { count: state.plan.counts.exists })}</li>
            {state.plan.counts.similar > 0 && (
              <li>{t("summarySimilar", { count: state.plan.counts.similar })}</li>
            )}
            <li>{t("summaryCreated", { count: state.plan.counts.created })}</li>
            {state.plan.counts.edited > 0 && (
              <li>{t("summaryEdited", { count: state.plan.counts.edited })}</li>
            )}
          </ul>
          {state.plan.counts.similar > 0 && (
            <Checkbox
              checked={send.createSimilar}
              onChange={(_event, data) => send.setCreateSimilar(data.checked === true)}
              label={t("createSimilar")}
            />
          )}
          {toCreate === 0 && <Text>{t("nothingToSend")}</Text>}
          <div className={styles.actions}>
            {toCreate > 0 && (
              <Button appearance="primary" onClick={() => void send.confirm()}>
                {t("confirmSend", { count: toCreate })}
              </Button>
            )}
            <Button onClick={send.cancel}>{t("cancelSend")}</Button>
          </div>
        </div>
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
    </section>
  );
}

function done(progress: { created: number; failed: number; skipped: number }): number {
  return progress.created + progress.failed + progress.skipped;
}
