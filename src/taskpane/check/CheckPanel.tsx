import { Caption1, Spinner } from "@fluentui/react-components";
import type { Profile } from "../../core";
import type { LiveSession } from "../../excel";
import type { PaneWork } from "../banqup/work";
import { useLanguage } from "../i18n";
import { useSessionView } from "../hooks/useLiveSession";
import type { RegistryLookup } from "../hooks/useRegistryCheck";
import type { ServerCheck } from "../hooks/useServerCheck";
import { useWrites } from "../hooks/useWrites";
import { RegistryPanel } from "../RegistryPanel";
import { SessionMessage } from "../SessionMessage";
import { UndoableMessage } from "../UndoableMessage";
import { describeWrite } from "../write-outcome";
import { BanqupCheckPanel } from "./BanqupCheckPanel";
import { Count } from "./Count";
import { DuplicatesPanel } from "./DuplicatesPanel";
import { ProblemList } from "./ProblemList";
import { SelectionPanel } from "./SelectionPanel";
import { StrayRowsMessage } from "./StrayRowsMessage";
import { usePanelStyles } from "../panel-styles";
import { WarningList } from "./WarningList";

export interface CheckPanelProps {
  session: LiveSession;
  profile: Profile;
  /** Asks the registries (signed in, and a profile with a registry); undefined otherwise. */
  registryLookup?: RegistryLookup;
  /** Asks Banqup's own verdict (signed in); undefined otherwise. */
  serverCheck?: ServerCheck;
  /** Signed in: the selected row's changes since it was sent are read from Banqup. */
  banqup?: PaneWork;
}

/**
 * The Check tab: counts, the selected cell, Banqup's verdict, problems by column, the
 * registries, warnings.
 */
export function CheckPanel({
  session,
  profile,
  registryLookup,
  serverCheck,
  banqup,
}: CheckPanelProps) {
  const view = useSessionView(session);
  const { busy, problem, summary } = view;
  const { t } = useLanguage();
  const styles = usePanelStyles();
  const { write, undo, feedback } = useWrites(session);
  return (
    <>
      {problem && <SessionMessage problem={problem} />}
      <StrayRowsMessage session={session} view={view} />
      <UndoableMessage feedback={feedback} describe={describeWrite} onUndo={() => void undo()} />
      <section aria-label={t("problemsTitle")} className={styles.section}>
        <div className={styles.counts} role="status" aria-live="polite">
          <Count label={t("rowsCount")} value={summary.rows} />
          <Count label={t("validCount")} value={summary.valid} />
          <Count label={t("invalidCount")} value={summary.invalid} />
          {busy && <Spinner size="tiny" label={t("checking")} />}
        </div>
        {view.fixableRows > 0 && (
          <Caption1>{t("fixableRows", { count: view.fixableRows })}</Caption1>
        )}
      </section>
      <SelectionPanel
        session={session}
        view={view}
        profile={profile}
        write={write}
        banqup={banqup}
      />
      {serverCheck && <BanqupCheckPanel session={session} view={view} serverCheck={serverCheck} />}
      {/* Above the problem list, however long: seen right after the first paste. */}
      {profile.registry && <RegistryPanel session={session} view={view} lookup={registryLookup} />}
      <DuplicatesPanel session={session} view={view} profile={profile} />
      <ProblemList session={session} view={view} profile={profile} write={write} />
      <WarningList session={session} view={view} profile={profile} write={write} />
    </>
  );
}
