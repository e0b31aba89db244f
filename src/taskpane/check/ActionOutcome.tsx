import { Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useLanguage } from "../i18n";

/** What the last sheet action did: a sheet listed, rows hidden or shown, or why it failed. */
export type SheetActionOutcome =
  { text: string; error?: undefined } | { error: string } | undefined;

/** Says what the last sheet action did, or why it failed. */
export function ActionOutcome({ outcome }: { outcome: SheetActionOutcome }) {
  const { t } = useLanguage();
  if (!outcome) return null;
  if (outcome.error !== undefined)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t("writeFailed", { reason: outcome.error })}</MessageBarBody>
      </MessageBar>
    );
  return <Caption1 role="status">{outcome.text}</Caption1>;
}
