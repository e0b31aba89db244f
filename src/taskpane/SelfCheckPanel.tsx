import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Profile } from "../core";
import {
  describeError,
  runSelfCheck,
  type ExcelRun,
  type HostRequirements,
  type SelfCheckResult,
} from "../excel";
import { useLanguage } from "./i18n";

const SCENARIOS = 6;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Check this Excel", in development builds: runs the self-check on a scratch sheet and lists
 * what held in this Excel. docs/device-checks.md says how to use it and what a person checks.
 */
export default function SelfCheckPanel({
  run,
  profile,
  requirements,
}: {
  run: ExcelRun;
  profile: Profile;
  requirements: HostRequirements;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useLanguage();
  const [results, setResults] = React.useState<SelfCheckResult[]>([]);
  const [running, setRunning] = React.useState(false);
  const [failure, setFailure] = React.useState<string>();

  const start = async () => {
    setRunning(true);
    setResults([]);
    setFailure(undefined);
    try {
      await runSelfCheck({
        run,
        profile,
        requirements,
        onResult: (result) => setResults((done) => [...done, result]),
      });
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="self-check-title" className={styles.section}>
      <Subtitle2 as="h2" id="self-check-title">
        {t("selfCheckTitle")}
      </Subtitle2>
      <Caption1>{t("selfCheckHint")}</Caption1>
      <Button disabled={running} onClick={() => void start()}>
        {t("selfCheckRun")}
      </Button>
      {running && (
        <Spinner
          size="tiny"
          label={t("selfCheckRunning", { done: results.length, total: SCENARIOS })}
        />
      )}
      {results.length > 0 && (
        <ul className={styles.list} aria-label={t("selfCheckTitle")}>
          {results.map((result) => (
            <li key={result.id} data-outcome={result.outcome}>
              <Text>
                {t(`check_${result.id}`)} —{" "}
                {result.outcome === "held"
                  ? t("selfCheckHeld")
                  : t(result.outcome === "failed" ? "selfCheckFailed" : "selfCheckSkipped", {
                      detail: result.detail ?? "",
                    })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {failure && <Text>{t("selfCheckFailed", { detail: failure })}</Text>}
    </section>
  );
}
