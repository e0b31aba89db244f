import { Caption1 } from "@fluentui/react-components";
import { fieldHeader, sheetTextOf, type Profile } from "../core";
import type { ChangeSinceSent } from "./hooks/useChangesSinceSent";
import { useLanguage } from "./i18n";

/**
 * Rows edited since they were sent, each with what an update would change in Banqup:
 * "Row 5, changed since sent: Municipality/city (Wavre → Ottignies-Louvain-la-Neuve)".
 */
export function ChangedSinceSent({
  changes,
  profile,
  firstRow,
  more,
}: {
  changes: readonly ChangeSinceSent[];
  profile: Profile;
  firstRow: number;
  /** Changed rows not spelled out. */
  more: number;
}) {
  const { lang, t } = useLanguage();
  if (changes.length === 0) return null;
  const text = (value: Parameters<typeof sheetTextOf>[0]) =>
    sheetTextOf(value, lang) || t("emptyValue");
  return (
    <ul aria-label={t("changedSinceSentTitle")} style={{ margin: 0, paddingLeft: 16 }}>
      {changes.map(({ index, differences }) => (
        <li key={index}>
          <Caption1>
            {t("changedSinceSent", {
              row: firstRow + index,
              changes: differences.map(
                (difference) =>
                  `${fieldHeader(profile.fields[difference.position]!, lang)} (${text(difference.banqup)} → ${text(difference.sheet)})`
              ),
            })}
          </Caption1>
        </li>
      ))}
      {more > 0 && (
        <li>
          <Caption1>{t("exportMore", { count: more })}</Caption1>
        </li>
      )}
    </ul>
  );
}
