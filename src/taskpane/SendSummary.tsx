import * as React from "react";
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { formatMessage, type Profile } from "../core";
import { useLanguage } from "./i18n";
import { sentBy, type PlannedKind, type PlannedRow, type SendPlan } from "../send";

/** Rows listed under a line of the summary; the rest are counted. */
const ROWS_LISTED = 40;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { outlineOffset: "2px" },
});

/**
 * What a send will do, before anything is sent: every consequence (clients created,
 * invitations e-mailed, registrations requested) and every row left out, with why and which.
 * It takes the focus when it appears, so a keyboard or screen-reader user lands on it.
 */
export function SendSummary({
  plan,
  profile,
  firstRow,
  changed,
  invite,
  createSimilar,
  onCreateSimilar,
  updateEdited,
  onUpdateEdited,
  onConfirm,
  onCancel,
}: {
  plan: SendPlan;
  profile: Profile;
  /** The sheet row number of data row 0. */
  firstRow: number;
  changed?: boolean;
  invite: boolean;
  createSimilar: boolean;
  onCreateSimilar: (create: boolean) => void;
  updateEdited: boolean;
  onUpdateEdited: (update: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const heading = React.useRef<HTMLSpanElement>(null);
  React.useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: "nearest" });
  }, [plan]);

  // What the send will request, by the rule the send itself follows (sentBy).
  const sent = plan.rows.filter((row) => sentBy(row, { createSimilar, updateEdited }));
  const creating = sent.filter((row) => row.kind !== "edited");
  // Edited rows whose status names their client can be updated; the others are only counted.
  const updating = sent.filter((row) => row.kind === "edited");
  const consequences = profile.fields.flatMap((field) =>
    field.sendConsequence
      ? [
          {
            text: field.sendConsequence[lang],
            count: creating.filter(
              (row) =>
                (row.input as Record<string, unknown> | undefined)?.[wireName(field)] === true
            ).length,
          },
        ]
      : []
  );
  const rowsOf = (kind: PlannedKind) => plan.rows.filter((row) => row.kind === kind);
  const skipped = (
    [
      ["invalid", "summaryInvalid"],
      ["exists", "summaryExists"],
      ["created", "summaryCreated"],
    ] as const
  ).map(([kind, label]) => ({
    kind,
    label: t(label, { count: plan.counts[kind] }),
    rows: rowsOf(kind),
  }));

  return (
    <div role="region" aria-label={t("summaryTitle")} className={styles.section}>
      <Text weight="semibold" ref={heading} tabIndex={-1} className={styles.heading}>
        {t("summaryTitle")}
      </Text>
      {changed && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("sendSheetChanged")}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.counts}>
        <li>{t("summaryCreate", { count: creating.length })}</li>
        {invite && creating.length > 0 && (
          <li>{t("summaryInvites", { count: creating.length })}</li>
        )}
        {consequences.map(
          ({ text, count }) =>
            count > 0 && <li key={text}>{formatMessage(text, lang, { count })}</li>
        )}
      </ul>
      <OptIn
        label={t("summarySimilar", { count: plan.counts.similar })}
        rows={rowsOf("similar")}
        firstRow={firstRow}
        checked={createSimilar}
        onChange={onCreateSimilar}
        choice={t("createSimilar")}
      />
      <OptIn
        label={t("summaryEdited", { count: plan.counts.edited })}
        rows={rowsOf("edited")}
        firstRow={firstRow}
        checked={updateEdited}
        onChange={onUpdateEdited}
        choice={t("updateEdited")}
      />
      {updating.length > 0 && <Text>{t("summaryUpdate", { count: updating.length })}</Text>}
      {skipped.map(({ kind, label, rows }) =>
        rows.length > 0 ? (
          <RowList key={kind} label={label} rows={rows} firstRow={firstRow} />
        ) : null
      )}
      {creating.length + updating.length === 0 && <Text>{t("nothingToSend")}</Text>}
      <div className={styles.actions}>
        {creating.length + updating.length > 0 && (
          <Button appearance="primary" onClick={onConfirm}>
            {updating.length === 0
              ? t("confirmSend", { count: creating.length })
              : creating.length === 0
                ? t("confirmUpdate", { count: updating.length })
                : t("confirmBoth", { create: creating.length, update: updating.length })}
          </Button>
        )}
        <Button onClick={onCancel}>{t("cancelSend")}</Button>
      </div>
    </div>
  );
}

/** Rows sent only when the user says so: their line, and the box that says it. */
function OptIn({
  label,
  rows,
  firstRow,
  checked,
  onChange,
  choice,
}: {
  label: string;
  rows: PlannedRow[];
  firstRow: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  choice: string;
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <RowList label={label} rows={rows} firstRow={firstRow} />
      <Checkbox
        checked={checked}
        onChange={(_event, data) => onChange(data.checked === true)}
        label={choice}
      />
    </>
  );
}

/** A line of the summary that opens on its rows (a native disclosure: keyboard and readers). */
function RowList({
  label,
  rows,
  firstRow,
}: {
  label: string;
  rows: PlannedRow[];
  firstRow: number;
}) {
  const { t } = useLanguage();
  const numbers = rows.slice(0, ROWS_LISTED).map((row) => firstRow + row.index);
  return (
    <details>
      <summary>{label}</summary>
      <Text>
        {t("summaryRows", { rows: numbers, more: Math.max(0, rows.length - numbers.length) })}
      </Text>
    </details>
  );
}

function wireName(field: Profile["fields"][number]): string {
  return field.apiName ?? field.key;
}
