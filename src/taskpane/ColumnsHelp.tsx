import * as React from "react";
import { Badge, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { fieldHeader, type Profile } from "../core";
import { useLanguage } from "./i18n";

const useStyles = makeStyles({
  columns: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  columnTitle: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The template's columns with their rules: what the input messages in Excel say too. */
export function ColumnsHelp({ profile }: { profile: Profile }): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const requiredCount = profile.fields.filter((field) => field.required).length;
  return (
    <section aria-labelledby="columns-title">
      <Subtitle2 as="h2" id="columns-title">
        {t("columns")}
      </Subtitle2>
      <Caption1 block>
        {t("columnCount", { count: profile.fields.length, required: requiredCount })}
      </Caption1>
      <ul className={styles.columns}>
        {profile.fields.map((field) => (
          <li key={field.key} className={styles.column}>
            <span className={styles.columnTitle}>
              <Text weight="semibold">{fieldHeader(field, lang)}</Text>
              <Badge appearance={field.required ? "filled" : "outline"} size="small">
                {field.required ? t("required") : t("optional")}
              </Badge>
            </span>
            <Caption1>{field.help[lang]}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
