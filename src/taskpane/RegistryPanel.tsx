import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import type { LiveSession, SessionView } from "../excel";
import { useLanguage } from "./i18n";
import { useRegistryCheck, type RegistryLookup } from "./hooks/useRegistryCheck";

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * "Check against the registries": one line in the check tab (the pane's height is precious),
 * progress and Cancel while it runs, then what it did. What the registries said shows in the
 * "To check" list, where each finding can be acted on.
 */
export function RegistryPanel({
  session,
  view,
  lookup,
}: {
  session: LiveSession;
  view: SessionView;
  /** Undefined when signed out. */
  lookup: RegistryLookup | undefined;
}) {
  const { t } = useLanguage();
  const styles = useStyles();
  const { progress, outcome, check, cancel } = useRegistryCheck(session, lookup);
  const selected = view.selection?.rows ?? [];
  // Recounted with each view: the numbers change as rows are typed.
  const all = React.useMemo(() => session.registryNumbers().length, [session, view]);
  const inSelection = React.useMemo(
    () => (selected.length > 0 ? session.registryNumbers(selected).length : 0),
    [session, selected]
  );

  if (!lookup) return <Caption1>{t("registrySignIn")}</Caption1>;
  return (
    <section aria-label={t("registryTitle")} className={styles.section}>
      {progress ? (
        <>
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
          <div className={styles.line}>
            <Caption1 role="status">{t("registryChecking", progress)}</Caption1>
            <Button size="small" onClick={cancel}>
              {t("cancelSend")}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.line}>
          <Tooltip content={t("registryIntro")} relationship="description">
            <Button size="small" disabled={all === 0} onClick={() => void check()}>
              {t("registryCheckAll", { count: all })}
            </Button>
          </Tooltip>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button
                size="small"
                appearance="subtle"
                icon={<MoreHorizontalRegular />}
                aria-label={t("registryTitle")}
              />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem disabled={inSelection === 0} onClick={() => void check(selected)}>
                  {t("registryCheckSelected", { count: inSelection })}
                </MenuItem>
                <MenuItem disabled={all === 0} onClick={() => void check(undefined, true)}>
                  {t("registryAgain")}
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      )}
      {outcome && <RegistryOutcomeMessage outcome={outcome} again={check} />}
    </section>
  );
}

function RegistryOutcomeMessage({
  outcome,
  again,
}: {
  outcome: NonNullable<ReturnType<typeof useRegistryCheck>["outcome"]>;
  again: ReturnType<typeof useRegistryCheck>["check"];
}) {
  const { t } = useLanguage();
  switch (outcome.kind) {
    case "done":
      return (
        <>
          {/* In the colour of the worst that was found: success only when every number is active. */}
          <MessageBar intent={outcome.unknown + outcome.unchecked > 0 ? "warning" : "success"}>
            <MessageBarBody>
              {t("registryDone", {
                numbers: outcome.numbers,
                active: outcome.active,
                unknown: outcome.unknown,
                unchecked: outcome.unchecked,
                shared: outcome.shared,
              })}
            </MessageBarBody>
          </MessageBar>
          {outcome.peppol && <Text>{t("registryPeppolCounts", { ...outcome.peppol })}</Text>}
        </>
      );
    case "cancelled":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t("registryCancelled", outcome)}</MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error">
          <MessageBarBody>{t("registryFailed", { reason: outcome.reason })}</MessageBarBody>
        </MessageBar>
      );
    case "nothing":
      return <Caption1>{t("registryNothing")}</Caption1>;
    case "allKnown":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t("registryAllKnown", { count: outcome.count })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void again(outcome.rows, true)}>
              {t("registryAgain")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
  }
}
