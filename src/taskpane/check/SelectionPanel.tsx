import * as React from "react";
import { Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import { describeProblem } from "../../core";
import { cellAddress } from "../../excel";
import { useLanguage } from "../i18n";
import type { PanelProps } from "./panel-props";
import { RowFillButton } from "./RowFillButton";
import { usePanelStyles } from "../panel-styles";
import type { PaneWork } from "../banqup/work";
import { useSelectedChangedRow } from "../hooks/useSelectedChangedRow";

// Reading a client from Banqup comes with sending's code: a chunk loaded when first needed.
const SelectedChanges = React.lazy(() => import("./SelectedChanges"));

/** The selected cell: its problems with their fix, its warnings with their suggestion. */
export function SelectionPanel({
  session,
  view,
  profile,
  write,
  banqup,
}: PanelProps & {
  /** Signed in: a row sent before shows what changed in it since (its client is read). */
  banqup?: PaneWork;
}) {
  const { lang, t } = useLanguage();
  const styles = usePanelStyles();
  const { selection, busy } = view;
  const index = selection?.index;
  const problems = view.selected?.problems ?? [];
  const warnings = view.selected?.warnings ?? [];
  // The row the fixes shown were computed from: a click writes only where it still is.
  const row = view.selected?.row;
  const sent = useSelectedChangedRow(session, banqup ? row?.index : undefined, view.summary);
  return (
    <section aria-labelledby="selection-title" className={styles.section}>
      <Subtitle2 as="h2" id="selection-title">
        {index === undefined || !selection?.field
          ? t("selectedTitle")
          : `${t("selectedTitle")} · ${cellAddress(selection.address.row, selection.address.column)}`}
      </Subtitle2>
      {index === undefined || !selection?.field ? (
        <Caption1>{t("selectedNone")}</Caption1>
      ) : (
        <>
          {problems.length === 0 && warnings.length === 0 && <Caption1>{t("cellOk")}</Caption1>}
          {problems.map((p) => (
            <div key={p.code} className={styles.rows}>
              <Text>{describeProblem(p, lang, profile)}</Text>
              {p.fix !== null && row && (
                <Button
                  size="small"
                  appearance="primary"
                  disabledFocusable={busy}
                  onClick={() => void write([{ row, field: p.field, value: p.fix! }])}
                >
                  {t("fix", { value: p.fix })}
                </Button>
              )}
            </div>
          ))}
          <RowFillButton session={session} index={index} busy={busy} write={write} />
          {warnings.map((w) => (
            <div key={w.code} className={styles.rows}>
              <Text>
                {t("warningLabel")} {describeProblem(w, lang, profile)}
              </Text>
              {w.fix !== null && row && (
                // Understood as it is, written as the list writes it: a certain fix.
                <Button
                  size="small"
                  disabledFocusable={busy}
                  onClick={() => void write([{ row, field: w.field, value: w.fix! }])}
                >
                  {t("fix", { value: w.fix })}
                </Button>
              )}
              {typeof w.params?.suggestion === "string" && row && (
                // A suggestion, not a certain fix: offered here, one cell at a time, never in bulk.
                <Button
                  size="small"
                  disabledFocusable={busy}
                  onClick={() =>
                    void write([{ row, field: w.field, value: String(w.params!.suggestion) }])
                  }
                >
                  {t("useSuggestion", { value: String(w.params.suggestion) })}
                </Button>
              )}
            </div>
          ))}
          {banqup && sent.length > 0 && (
            <React.Suspense fallback={null}>
              <SelectedChanges
                banqup={banqup}
                row={sent}
                profile={profile}
                firstRow={view.firstRow}
              />
            </React.Suspense>
          )}
        </>
      )}
    </section>
  );
}
