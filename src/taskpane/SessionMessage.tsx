import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SessionProblem } from "../excel";
import { useLanguage } from "./i18n";

/** Why the session cannot check the area (no area, no header row, Excel refused). */
export function SessionMessage({ problem }: { problem: SessionProblem }) {
  const { t } = useLanguage();
  const text =
    problem.kind === "areaMissing"
      ? t("areaMissing")
      : problem.kind === "headerMissing"
        ? t("headerMissing")
        : t("excelError", { code: problem.code ?? "—" });
  return (
    <MessageBar intent="error">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
