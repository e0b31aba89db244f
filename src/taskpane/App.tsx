import * as React from "react";
import {
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { PROFILE_IDS, UI_LANGUAGES, type ProfileId, type UiLang } from "../core";
import { LanguageContext, type Translate } from "./i18n";
import { outsideExcelScreen, workbookScreen } from "./screens";
import type { PaneServices } from "./services";
import { loadStrings, translate } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  status: { color: tokens.colorNeutralForeground3 },
  footer: { marginTop: tokens.spacingVerticalXS },
  title: { margin: 0 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const LANGUAGE_NAMES: Record<UiLang, string> = { fr: "Français", nl: "Nederlands", en: "English" };

export interface AppProps {
  initialLanguage: UiLang;
  initialRegion?: ProfileId;
  /** Whether Office.js is connected to a workbook (false in a plain browser). */
  inExcel: boolean;
  services?: PaneServices;
}

export function App({
  initialLanguage,
  initialRegion = PROFILE_IDS[0]!,
  inExcel,
  services = {},
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<UiLang>(initialLanguage);
  const t: Translate = React.useCallback((key, params) => translate(lang, key, params), [lang]);
  const language = React.useMemo(() => ({ lang, t }), [lang, t]);

  return (
    <LanguageContext.Provider value={language}>
      <main className={styles.root} lang={lang}>
        <header>
          {/* Office's own title bar already names the add-in: a small heading is enough. */}
          <Text as="h1" weight="semibold" size={400} className={styles.title}>
            {t("title")}
          </Text>
          {!inExcel && (
            <>
              <Text block>{t("subtitle")}</Text>
              <Caption1 className={styles.status} role="status">
                {t("previewMode")}
              </Caption1>
            </>
          )}
        </header>
        {inExcel && services.run ? (
          <workbookScreen.Screen
            fallback={<Spinner label={t("working")} />}
            run={services.run}
            services={services}
            initialRegion={initialRegion}
          />
        ) : (
          <outsideExcelScreen.Screen
            fallback={<Spinner label={t("working")} />}
            initialRegion={initialRegion}
          />
        )}
        {/* Chosen once, seldom changed: at the bottom, out of the way of the work. */}
        <footer className={styles.footer}>
          <Field label={t("language")} orientation="horizontal" size="small">
            <Select
              size="small"
              value={lang}
              onChange={(_event, data) => {
                // Its words first (a chunk of their own), then the pane in that language; if
                // they cannot be downloaded, the pane stays as it is.
                const next = data.value as UiLang;
                loadStrings(next).then(
                  () => setLang(next),
                  () => undefined
                );
              }}
            >
              {UI_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </Select>
          </Field>
        </footer>
      </main>
    </LanguageContext.Provider>
  );
}
