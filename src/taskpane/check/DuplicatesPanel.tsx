import { Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { Profile } from "../../core";
import type { LiveSession, SessionView } from "../../excel";
import { useLanguage } from "../i18n";
import { useRowDeletes } from "../hooks/useRowDeletes";
import { usePanelStyles } from "../panel-styles";
import { UndoableMessage } from "../UndoableMessage";
import { describeDelete } from "./delete-outcome";
import { DuplicateCompare } from "./DuplicateCompare";

/** Companies on differing rows shown side by side; the rest are counted. */
const SETS_SHOWN = 3;

/**
 * Companies on several rows, which are all held back until one row is left: copies deleted in
 * one click (the first row of each stays), differing rows compared so the user picks the one
 * to keep. Every deletion can be undone.
 */
export function DuplicatesPanel({
  session,
  view,
  profile,
}: {
  session: LiveSession;
  view: SessionView;
  profile: Profile;
}) {
  const { t } = useLanguage();
  const styles = usePanelStyles();
  const { remove, undo, feedback } = useRowDeletes(session);
  const rows = session.rows;
  const sets = view.duplicates;
  if (!rows || (sets.length === 0 && !feedback)) return null;
  const copies = sets
    .filter((set) => set.differing.length === 0)
    .flatMap((set) => set.rows.slice(1));
  const differing = sets.filter((set) => set.differing.length > 0);
  const removeRows = (indexes: number[]) =>
    void remove(indexes.flatMap((index) => rows.snapshot(index) ?? []));
  return (
    <section aria-labelledby="duplicates-title" className={styles.section}>
      <Subtitle2 as="h2" id="duplicates-title">
        {t("duplicatesTitle")}
      </Subtitle2>
      <UndoableMessage feedback={feedback} describe={describeDelete} onUndo={() => void undo()} />
      {copies.length > 0 && (
        <div className={styles.rows}>
          <Text>{t("duplicateCopies", { count: copies.length })}</Text>
          <Button
            size="small"
            appearance="primary"
            disabledFocusable={view.busy}
            onClick={() => removeRows(copies)}
          >
            {t("keepFirst", { count: copies.length })}
          </Button>
        </div>
      )}
      {differing.slice(0, SETS_SHOWN).map((set) => (
        <DuplicateCompare
          key={set.rows[0]}
          set={set}
          rows={rows}
          firstRow={view.firstRow}
          profile={profile}
          busy={view.busy}
          onKeep={(kept) => removeRows(set.rows.filter((index) => index !== kept))}
        />
      ))}
      {differing.length > SETS_SHOWN && (
        <Caption1>{t("moreDuplicateSets", { count: differing.length - SETS_SHOWN })}</Caption1>
      )}
    </section>
  );
}
