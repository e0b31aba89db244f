import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Subtitle2,
} from "@fluentui/react-components";
import { certainFixes, fieldHeader } from "../../core";
import type { ProblemGroupView } from "../../excel";
import { useLanguage } from "../i18n";
import { ActionOutcome, type SheetActionOutcome } from "./ActionOutcome";
import { GroupItem } from "./GroupItem";
import { fieldOf, groupKey, type PanelProps } from "./panel-props";
import { ProblemSteps } from "./ProblemSteps";
import { SheetActions } from "./SheetActions";
import { GROUPS_SHARE, usePanelStyles } from "../panel-styles";
import { useWholeItems } from "../hooks/useWholeItems";

/**
 * The problems grouped by column and kind, with "fix everything certain", the steps from
 * problem to problem, and the sheet actions.
 */
export function ProblemList({ session, view, profile, write }: PanelProps) {
  const { lang, t } = useLanguage();
  const styles = usePanelStyles();
  const { groups } = view;
  const [fixed, setFixed] = React.useState<FixedPlace[]>([]);
  const [outcome, setOutcome] = React.useState<SheetActionOutcome>();
  const fixable = groups.reduce((sum, group) => sum + group.fixable, 0);
  const list = useWholeItems<HTMLUListElement>(GROUPS_SHARE);
  if (view.summary.rows > 0 && groups.length === 0)
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t("noProblems")}</MessageBarBody>
      </MessageBar>
    );
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="problems-title" className={styles.section}>
      {/* One line: the heading, previous/next problem, and the sheet actions' menu. */}
      <div className={styles.headingRow}>
        <Subtitle2 as="h2" id="problems-title">
          {t("problemsTitle")}
        </Subtitle2>
        <ProblemSteps session={session} view={view} profile={profile} />
        <SheetActions session={session} view={view} onOutcome={setOutcome} />
      </div>
      <ActionOutcome outcome={outcome} />
      {fixable > 1 && (
        <Button
          appearance="primary"
          size="small"
          disabledFocusable={view.busy}
          onClick={() => void write(certainFixes(session.rows, groups))}
        >
          {t("fixEverything", { count: fixable })}
        </Button>
      )}
      {/* Once the pointer has left the list, nothing moves under it: fixed places shrink to
          their one line. */}
      <ul
        ref={list}
        className={mergeClasses(styles.list, styles.groups)}
        onPointerLeave={() => setFixed(released)}
      >
        {withFixedPlaces(groups, fixed).map((item, position) =>
          "group" in item ? (
            <GroupItem
              key={groupKey(item.group)}
              kind="problem"
              group={item.group}
              session={session}
              view={view}
              profile={profile}
              onFixAll={(height) => {
                setFixed((places) => [
                  ...places.filter((place) => place.key !== groupKey(item.group)),
                  { key: groupKey(item.group), field: item.group.field, position, height },
                ]);
                void write(certainFixes(session.rows, [item.group]));
              }}
            />
          ) : (
            <li
              key={item.key}
              className={styles.fixedPlace}
              style={item.height > 0 ? { minHeight: item.height } : undefined}
            >
              <Caption1>
                {t("groupFixed", { column: fieldHeader(fieldOf(profile, item.field), lang) })}
              </Caption1>
            </li>
          )
        )}
      </ul>
    </section>
  );
}

/**
 * Where a group stood when its "fix all" was clicked, and how tall it was. Its place stays in
 * the list (saying it was fixed) so that the groups under it do not move under the pointer;
 * its height is let go when the pointer leaves the list (0: let go).
 */
interface FixedPlace {
  key: string;
  field: string;
  position: number;
  height: number;
}

/** The places without the height they kept (the same list when none kept any). */
function released(places: FixedPlace[]): FixedPlace[] {
  return places.some((place) => place.height > 0)
    ? places.map((place) => ({ ...place, height: 0 }))
    : places;
}

/** The groups, with the places of fixed groups kept where they were (until they come back). */
function withFixedPlaces(
  groups: readonly ProblemGroupView[],
  fixed: readonly FixedPlace[]
): ({ group: ProblemGroupView } | FixedPlace)[] {
  const present = new Set(groups.map(groupKey));
  const items: ({ group: ProblemGroupView } | FixedPlace)[] = groups.map((group) => ({ group }));
  const places = fixed.filter((place) => !present.has(place.key));
  for (const place of [...places].sort((a, b) => a.position - b.position))
    items.splice(Math.min(place.position, items.length), 0, place);
  return items;
}
