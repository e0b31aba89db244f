import * as React from "react";
import { Button, Caption1, Link, mergeClasses, Text } from "@fluentui/react-components";
import { describeGroup, fieldHeader } from "../../core";
import type { ProblemGroupView } from "../../excel";
import { useLanguage } from "../i18n";
import { fieldOf, type PanelProps } from "./panel-props";
import { usePanelStyles } from "../panel-styles";

/** Rows a group lists before "show all". */
const ROWS_LISTED = 5;

/**
 * One kind of problem, or of warning, in one column: its heading, words true of all its rows,
 * links to its rows, and where a certain fix exists (a problem's, or a value to write as the
 * list writes it), "fix all like this".
 */
export function GroupItem({
  group,
  session,
  view,
  profile,
  kind,
  onFixAll,
}: Omit<PanelProps, "write"> & {
  group: ProblemGroupView;
  /**
   * Problems list their first rows and the rest on request; warnings list every row in a
   * scrolling area of their own.
   */
  kind: "problem" | "warning";
  /** "Fix all like this", with the item's height when clicked; none where nothing is certain. */
  onFixAll?: (height: number) => void;
}) {
  const { lang, t } = useLanguage();
  const styles = usePanelStyles();
  const [expanded, setExpanded] = React.useState(kind === "warning");
  const shown = expanded ? group.rows : group.rows.slice(0, ROWS_LISTED);
  // Named by its visible heading: a screen reader says what the eye reads, never a code.
  const headingId = React.useId();
  const item = React.useRef<HTMLLIElement>(null);
  return (
    <li aria-labelledby={headingId} ref={item}>
      <Text weight="semibold" block id={headingId}>
        {fieldHeader(fieldOf(profile, group.field), lang)} ·{" "}
        {t("rowsAffected", { count: group.rows.length })}
      </Text>
      {group.example && <Caption1 block>{describeGroup(group.example, lang, profile)}</Caption1>}
      <div className={mergeClasses(styles.rows, expanded && styles.allRows)}>
        {shown.map((index) => (
          <Link key={index} as="button" onClick={() => void session.goTo(index, group.field)}>
            {t("goTo", { row: view.firstRow + index })}
          </Link>
        ))}
      </div>
      {(kind === "problem" || (group.fixable > 0 && onFixAll)) && (
        <div className={styles.rows}>
          {kind === "problem" && group.rows.length > ROWS_LISTED && (
            <Button size="small" appearance="subtle" onClick={() => setExpanded(!expanded)}>
              {expanded ? t("showFewerRows") : t("showAllRows", { count: group.rows.length })}
            </Button>
          )}
          {group.fixable > 0 && onFixAll && (
            <Button
              size="small"
              disabledFocusable={view.busy}
              onClick={() => onFixAll(item.current?.offsetHeight ?? 0)}
            >
              {t("fixAll", { count: group.fixable })}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
