import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { cellText, fieldHeader, fieldPositions, type DuplicateSet, type Profile } from "../../core";
import type { SessionRows } from "../../excel";
import { useLanguage } from "../i18n";
import { fieldOf } from "./panel-props";

const useStyles = makeStyles({
  // Wider than the pane with many rows: it scrolls sideways, the pane does not.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "start",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    minWidth: "72px",
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * One company on several rows that differ: the fields that differ, side by side, and a button
 * under each row that keeps it and deletes the others.
 */
export function DuplicateCompare({
  set,
  rows,
  firstRow,
  profile,
  busy,
  onKeep,
}: {
  set: DuplicateSet;
  rows: SessionRows;
  firstRow: number;
  profile: Profile;
  busy: boolean;
  onKeep: (index: number) => void;
}) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const positions = fieldPositions(profile);
  const names = set.differing.map((key) => fieldHeader(fieldOf(profile, key), lang));
  const rowNumbers = set.rows.map((index) => firstRow + index);
  const labelId = React.useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <Text block id={labelId}>
        {t("duplicateDiffers", { rows: rowNumbers.join(", "), fields: names.join(", ") })}
      </Text>
      {/* Focusable, so that a keyboard can scroll it sideways. */}
      <div className={styles.scroller} tabIndex={0} role="region" aria-labelledby={labelId}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell} scope="col">
                {t("problemsColumn")}
              </th>
              {rowNumbers.map((row) => (
                <th key={row} className={styles.cell} scope="col">
                  {t("compareRow", { row })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {set.differing.map((key, f) => (
              <tr key={key}>
                <th className={styles.cell} scope="row">
                  {names[f]}
                </th>
                {set.rows.map((index) => {
                  const text = cellText(rows.cellsOf(index)?.[positions.get(key)!]);
                  return (
                    <td key={index} className={styles.cell}>
                      {text || <span className={styles.empty}>—</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <td className={styles.cell} />
              {set.rows.map((index) => (
                <td key={index} className={styles.cell}>
                  <Button
                    size="small"
                    disabledFocusable={busy}
                    title={t("keepRowHint")}
                    onClick={() => onKeep(index)}
                  >
                    {t("keepRow", { row: firstRow + index })}
                  </Button>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
