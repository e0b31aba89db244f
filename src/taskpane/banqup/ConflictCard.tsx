import * as React from "react";
import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  fieldHeader,
  sheetTextOf,
  type HeaderLang,
  type MergeChoice,
  type Profile,
} from "../../core";
import type { Conflict } from "../../send";
import { useLanguage } from "../i18n";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  values: { display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
});

/**
 * One row changed in the sheet and in Banqup: for each field that differs, both values and
 * the three choices (keep the sheet's, take Banqup's, leave it), then Apply. Leaving is the
 * default: nothing is overwritten that the user did not choose.
 */
export function ConflictCard({
  conflict,
  profile,
  row,
  headerLang,
  busy,
  onApply,
}: {
  conflict: Conflict;
  profile: Profile;
  /** The sheet row number of the conflict's row. */
  row: number;
  headerLang: HeaderLang;
  busy: boolean;
  onApply: (choices: ReadonlyMap<string, MergeChoice>) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useLanguage();
  const [choices, setChoices] = React.useState<ReadonlyMap<string, MergeChoice>>(new Map());
  const headingId = `conflict-${conflict.clientId}`;
  const shown = (value: unknown) => {
    const text = sheetTextOf(value as string | boolean | undefined, headerLang);
    return text === "" ? t("conflictEmpty") : text;
  };
  return (
    <div role="group" aria-labelledby={headingId} className={styles.card}>
      <Text weight="semibold" id={headingId}>
        {t("conflictRow", { row, name: conflict.companyName })}
      </Text>
      {conflict.differences.map((difference) => {
        const field = profile.fields[difference.position]!;
        return (
          <Field key={difference.field} label={fieldHeader(field, headerLang)}>
            <div className={styles.values}>
              <Text>{t("conflictSheet", { value: shown(difference.sheet) })}</Text>
              <Text>{t("conflictBanqup", { value: shown(difference.banqup) })}</Text>
            </div>
            <RadioGroup
              value={choices.get(difference.field) ?? "leave"}
              disabled={busy}
              onChange={(_event, data) =>
                setChoices((current) =>
                  new Map(current).set(difference.field, data.value as MergeChoice)
                )
              }
            >
              <Radio value="sheet" label={t("keepSheet")} />
              <Radio value="banqup" label={t("takeBanqup")} />
              <Radio value="leave" label={t("leaveIt")} />
            </RadioGroup>
          </Field>
        );
      })}
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => onApply(choices)}>
          {t("conflictApply")}
        </Button>
      </div>
    </div>
  );
}
