import { Button, Subtitle2 } from "@fluentui/react-components";
import { certainFixes, isRegistryFillCode, registryFills } from "../../core";
import { useLanguage } from "../i18n";
import { GroupItem } from "./GroupItem";
import { groupKey, type PanelProps } from "./panel-props";
import { usePanelStyles } from "../panel-styles";

/** Valid values worth a second look: listed apart from the problems, rows reachable. */
export function WarningList({ session, view, profile, write }: PanelProps) {
  const { t } = useLanguage();
  const styles = usePanelStyles();
  if (view.warningGroups.length === 0) return null;
  const fillGroups = view.warningGroups.filter((group) => isRegistryFillCode(group.code));
  const fillRows = [...new Set(fillGroups.flatMap((group) => group.rows))];
  return (
    <section aria-labelledby="warnings-title" className={styles.section}>
      <div className={styles.headingRow}>
        <Subtitle2 as="h2" id="warnings-title">
          {t("warningsTitle")}
        </Subtitle2>
        {fillRows.length > 0 && (
          <Button
            size="small"
            disabledFocusable={view.busy}
            onClick={() => void write(registryFills(session.rows, fillRows))}
          >
            {t("registryFillAll", {
              count: fillGroups.reduce((sum, group) => sum + group.rows.length, 0),
            })}
          </Button>
        )}
      </div>
      <ul className={styles.list}>
        {view.warningGroups.map((group) => (
          <GroupItem
            key={groupKey(group)}
            kind="warning"
            group={group}
            session={session}
            view={view}
            profile={profile}
            onFixAll={() => void write(certainFixes(session.rows, [group]))}
          />
        ))}
      </ul>
    </section>
  );
}
