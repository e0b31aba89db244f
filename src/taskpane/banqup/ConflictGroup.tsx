import * as React from "react";
import { MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import type { HeaderLang, Profile } from "../../core";
import type { Conflict } from "../../send";
import type { SettledNote } from "../hooks/useConflicts";
import { useLanguage } from "../i18n";
import { usePanelStyles } from "../panel-styles";
import { ConflictCard } from "./ConflictCard";

/** "Changed in Banqup too": each row changed in both places, and what the last choice did. */
export function ConflictGroup({
  conflicts,
  profile,
  firstRow,
  headerLang,
  busy,
  note,
  onApply,
}: {
  conflicts: readonly Conflict[];
  profile: Profile;
  /** The sheet row number of data row 0. */
  firstRow: number;
  headerLang: HeaderLang;
  /** The client whose row's choices are being applied. */
  busy: string | undefined;
  note: SettledNote | undefined;
  onApply: (
    conflict: Conflict,
    choices: ReadonlyMap<string, "sheet" | "banqup" | "leave">,
    row: number
  ) => void;
}): React.JSX.Element | null {
  const styles = usePanelStyles();
  const { t } = useLanguage();
  if (conflicts.length === 0 && !note) return null;
  return (
    <section aria-labelledby="conflicts-title" className={styles.section}>
      {conflicts.length > 0 && (
        <>
          <Subtitle2 as="h3" id="conflicts-title">
            {t("conflictsTitle", { count: conflicts.length })}
          </Subtitle2>
          <Text>{t("conflictsIntro")}</Text>
        </>
      )}
      <div role="status">{note && <SettledMessage note={note} />}</div>
      {conflicts.map((conflict) => {
        const row = firstRow + conflict.row.index;
        return (
          <ConflictCard
            key={`${conflict.clientId}:${conflict.current.version}`}
            conflict={conflict}
            profile={profile}
            row={row}
            headerLang={headerLang}
            busy={busy !== undefined}
            onApply={(choices) => onApply(conflict, choices, row)}
          />
        );
      })}
    </section>
  );
}

function SettledMessage({ note }: { note: SettledNote }) {
  const { t } = useLanguage();
  const { row, settlement } = note;
  const [intent, text] =
    settlement.kind === "settled"
      ? (["success", t("settledDone", { row, version: settlement.version })] as const)
      : settlement.kind === "partly"
        ? (["info", t("settledPartly", { row })] as const)
        : settlement.kind === "left"
          ? (["info", t("settledLeft", { row })] as const)
          : settlement.kind === "again"
            ? (["warning", t("settledAgain", { row })] as const)
            : settlement.kind === "rowChanged"
              ? (["warning", t("settledRowChanged", { row })] as const)
              : (["error", t("settledFailed", { row, reason: settlement.reason })] as const);
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
