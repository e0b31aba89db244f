import * as React from "react";
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { describeProblem, type PlatformFile, type Profile } from "../core";
import { describeError, openAsNewWorkbook, type CreateWorkbook, type LiveSession } from "../excel";
import { ExportWhere } from "./ExportWhere";
import { useLanguage } from "./i18n";
import type { NewWorkbookPlace } from "./services";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // The rows left out scroll in their own area: the pane keeps its height.
  leftOut: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "160px",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

type ExportState =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "done"; lines: number; leftOut: PlatformFile["leftOut"]; bytes: Uint8Array }
  | { kind: "nothing"; leftOut: PlatformFile["leftOut"] }
  | { kind: "failed"; reason: string };

/**
 * "Export for the Banqup import page": the rows valid once their certain fixes are applied, in
 * the platform's own file, opened as a new workbook for the user to save and upload on
 * Banqup's "Importer des clients" page. Signed in or not: the page needs no API access.
 */
export function ExportPanel({
  session,
  profile,
  createWorkbook,
  newWorkbookPlace,
}: {
  session: LiveSession;
  profile: Profile;
  /** Undefined where Excel cannot open a new workbook for an add-in. */
  createWorkbook: CreateWorkbook | undefined;
  /** Where the new workbook shows; undefined where it cannot be seen (offered to download). */
  newWorkbookPlace?: NewWorkbookPlace;
}) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const [state, setState] = React.useState<ExportState>({ kind: "idle" });
  const result = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.kind !== "idle" && state.kind !== "working") result.current?.focus();
  }, [state]);

  const exportFile = async () => {
    if (!createWorkbook) return;
    setState({ kind: "working" });
    try {
      const file = session.platformFile();
      if (!file || file.lines.length === 0)
        return setState({ kind: "nothing", leftOut: file?.leftOut ?? [] });
      // The file writer comes with the first export, not with the pane.
      const { platformXlsx } = await import("../core/platform-xlsx");
      const bytes = await platformXlsx(file);
      await openAsNewWorkbook(createWorkbook, bytes);
      setState({ kind: "done", lines: file.lines.length, leftOut: file.leftOut, bytes });
    } catch (error) {
      setState({ kind: "failed", reason: describeError(error) });
    }
  };

  const leftOut = state.kind === "done" || state.kind === "nothing" ? state.leftOut : [];
  const firstRow = session.rows?.firstRow ?? 0;
  return (
    <section aria-labelledby="export-title" className={styles.section}>
      <Subtitle2 as="h2" id="export-title">
        {t("exportTitle")}
      </Subtitle2>
      <Caption1>{t("exportIntro")}</Caption1>
      {createWorkbook ? (
        <Button disabled={state.kind === "working"} onClick={() => void exportFile()}>
          {t("exportButton")}
        </Button>
      ) : (
        <Caption1>{t("exportUnavailable")}</Caption1>
      )}
      {state.kind === "working" && <Spinner size="tiny" label={t("working")} />}
      <div ref={result} tabIndex={-1} role="status" aria-live="polite">
        {state.kind === "done" && (
          <MessageBar intent={state.leftOut.length > 0 ? "warning" : "success"}>
            <MessageBarBody>
              {t("exportDone", { lines: state.lines, left: state.leftOut.length })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "done" && <ExportWhere place={newWorkbookPlace} bytes={state.bytes} />}
        {state.kind === "nothing" && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("exportNothing")}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{t("exportFailed", { reason: state.reason })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {leftOut.length > 0 && (
        <ul className={styles.leftOut} aria-label={t("exportLeftOut", { count: leftOut.length })}>
          {leftOut.map(({ row, problems }) => (
            <li key={row}>
              <Link
                as="button"
                onClick={() => void session.goTo(row - firstRow, problems[0]!.field)}
              >
                {t("goTo", { row })}
              </Link>{" "}
              <Caption1>
                {describeProblem(problems[0]!, lang, profile)}
                {problems.length > 1 && ` ${t("exportMore", { count: problems.length - 1 })}`}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
