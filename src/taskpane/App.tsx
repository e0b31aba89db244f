import * as React from "react";
import {
  Badge,
  Caption1,
  Divider,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { fieldHeader, PROFILES, UI_LANGUAGES, type ProfileId, type UiLang } from "../core";
import { translate, type StringKey } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
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
  status: { color: tokens.colorNeutralForeground3 },
});

const LANGUAGE_NAMES: Record<UiLang, string> = { fr: "Français", nl: "Nederlands", en: "English" };

export interface AppProps {
  initialLanguage: UiLang;
  initialRegion?: ProfileId;
  /** Whether Office.js is connected to a workbook (false in a plain browser). */
  inExcel: boolean;
}

export function App({
  initialLanguage,
  initialRegion = "be",
  inExcel,
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<UiLang>(initialLanguage);
  const [region, setRegion] = React.useState<ProfileId>(initialRegion);
  const t = (key: StringKey, params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const profile = PROFILES[region];
  const requiredCount = profile.fields.filter((field) => field.required).length;

  return (
    <main className={styles.root} lang={lang}>
      <header>
        <Title3 as="h1">{t("title")}</Title3>
        <Text block>{t("subtitle")}</Text>
      </header>
      <Caption1 className={styles.status} role="status">
        {inExcel ? t("inExcel") : t("previewMode")}
      </Caption1>
      <Field label={t("language")}>
        <Select value={lang} onChange={(_event, data) => setLang(data.value as UiLang)}>
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("region")}>
        <RadioGroup
          value={region}
          onChange={(_event, data) => setRegion(data.value as ProfileId)}
          layout="horizontal"
        >
          {Object.values(PROFILES).map((candidate) => (
            <Radio key={candidate.id} value={candidate.id} label={candidate.name[lang]} />
          ))}
        </RadioGroup>
      </Field>
      <Divider />
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
    </main>
  );
}
