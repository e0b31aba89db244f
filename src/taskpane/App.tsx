import * as React from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { PROFILES, UI_LANGUAGES, type ProfileId, type UiLang } from "../core";
import type { ExcelRun, HostRequirements, TemplateInfo } from "../excel";
import { ColumnsHelp } from "./ColumnsHelp";
import { useLiveSession } from "./hooks/useLiveSession";
import { useWorkbook } from "./hooks/useWorkbook";
import { LanguageContext, type Translate } from "./i18n";
import { LivePanel } from "./LivePanel";
import { RegionPicker } from "./RegionPicker";
import { SendPanel } from "./SendPanel";
import { SetupPanel } from "./SetupPanel";
import type { PartnerConnection } from "./connection";
import { useConnection } from "./hooks/useConnection";
import { fetchTemplateCatalog } from "./templates";
import { translate } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  status: { color: tokens.colorNeutralForeground3 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const LANGUAGE_NAMES: Record<UiLang, string> = { fr: "Français", nl: "Nederlands", en: "English" };

/** What the pane talks to: Excel (absent in a plain browser) and the partner API. */
export interface PaneServices {
  run?: ExcelRun;
  /** Which Excel API sets the host supports (Office.context.requirements). */
  requirements?: HostRequirements;
  apiUrl?: string;
  /** Sign-in and the API client; absent where the pane cannot reach the partner API. */
  connection?: PartnerConnection;
  /** The partner's templates, when they come from elsewhere than the signed-in connection. */
  fetchTemplates?: () => Promise<TemplateInfo[]>;
  /** "Check this Excel" (development builds only). */
  selfCheck?: boolean;
}

// Loaded on demand, and built only into development builds (webpack sets SELF_CHECK there).
const SelfCheckPanel =
  process.env.SELF_CHECK === "1" ? React.lazy(() => import("./SelfCheckPanel")) : undefined;

export interface AppProps {
  initialLanguage: UiLang;
  initialRegion?: ProfileId;
  /** Whether Office.js is connected to a workbook (false in a plain browser). */
  inExcel: boolean;
  services?: PaneServices;
}

export function App({
  initialLanguage,
  initialRegion = "be",
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
        {inExcel && services.run ? (
          <Workbook run={services.run} services={services} initialRegion={initialRegion} />
        ) : (
          <Preview initialRegion={initialRegion} />
        )}
      </main>
    </LanguageContext.Provider>
  );
}

/** Outside Excel: the columns and rules of each region's template. */
function Preview({ initialRegion }: { initialRegion: ProfileId }) {
  const [region, setRegion] = React.useState<ProfileId>(initialRegion);
  return (
    <LanguageContext.Consumer>
      {({ lang, t }) => (
        <>
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
          <ColumnsHelp profile={PROFILES[region]} />
        </>
      )}
    </LanguageContext.Consumer>
  );
}

/** Inside Excel: region once per workbook, then the client area and its live checks. */
function Workbook({
  run,
  services,
  initialRegion,
}: {
  run: ExcelRun;
  services: PaneServices;
  initialRegion: ProfileId;
}) {
  const styles = useStyles();
  const { lang, t } = React.useContext(LanguageContext);
  const { memory, setRegion, setArea } = useWorkbook(run);
  const [changingRegion, setChangingRegion] = React.useState(false);
  const region = memory?.region;
  const profile = PROFILES[region ?? initialRegion];
  const live = useLiveSession(
    region ? run : undefined,
    profile,
    memory?.area,
    services.requirements
  );
  const { connection } = services;
  const auth = useConnection(connection);
  const partner = auth.state.kind === "signedIn" ? auth.state.partner : undefined;
  const mismatch = partner !== undefined && region !== undefined && partner.region !== region;
  const fetchTemplates =
    services.fetchTemplates ??
    (partner && connection && !mismatch
      ? () => fetchTemplateCatalog(connection.client(profile.id))
      : undefined);

  if (!memory) return <Spinner label={t("working")} />;
  if (!region || changingRegion)
    return (
      <RegionPicker
        initial={region ?? initialRegion}
        onChoose={(next) => {
          setChangingRegion(false);
          if (next !== region) void setArea(undefined).then(() => setRegion(next));
        }}
      />
    );
  return (
    <>
      <div className={styles.line}>
        <Text>{t("regionNow", { region: profile.name[lang] })}</Text>
        <Button size="small" onClick={() => setChangingRegion(true)}>
          {t("regionChange")}
        </Button>
      </div>
      <Caption1 className={styles.status}>
        {t("partnerApi", { url: connection?.apiUrl ?? services.apiUrl ?? "—" })}
      </Caption1>
      <div className={styles.line} role="status">
        {auth.state.kind === "signedIn" ? (
          <>
            <Text>
              {t("signedInAs", {
                partner: auth.state.partner.name,
                region: PROFILES[auth.state.partner.region].name[lang],
              })}
            </Text>
            <Button size="small" onClick={auth.signOut}>
              {t("signOut")}
            </Button>
          </>
        ) : auth.state.kind === "signingIn" ? (
          <Spinner size="tiny" label={t("signingIn")} />
        ) : (
          <>
            <Text>{t("notSignedIn")}</Text>
            {connection && (
              <Button size="small" appearance="primary" onClick={() => void auth.signIn()}>
                {t("signIn")}
              </Button>
            )}
          </>
        )}
      </div>
      {auth.state.kind === "signedOut" && auth.state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{t("signInFailed", { reason: auth.state.error })}</MessageBarBody>
        </MessageBar>
      )}
      {auth.state.kind === "signedOut" && auth.state.cancelled && (
        <MessageBar intent="info">
          <MessageBarBody>{t("signInCancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {mismatch && partner && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("regionMismatch", {
              workbook: profile.name[lang],
              partner: partner.name,
              partnerRegion: PROFILES[partner.region].name[lang],
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Divider />
      {!memory.area ? (
        <>
          <SetupPanel run={run} profile={profile} onArea={(spec) => void setArea(spec)} />
          <Divider />
          <ColumnsHelp profile={profile} />
        </>
      ) : live.session ? (
        <>
          <LivePanel
            session={live.session}
            profile={profile}
            busy={live.busy}
            problem={live.problem}
            catalog={memory.catalog ?? []}
            fetchTemplates={fetchTemplates}
          />
          {partner && connection && !mismatch && (
            <>
              <Divider />
              <SendPanel
                session={live.session}
                connection={connection}
                partner={partner}
                region={profile.id}
              />
            </>
          )}
          <Divider />
          <Button onClick={() => void setArea(undefined)}>{t("changeArea")}</Button>
          {services.selfCheck && SelfCheckPanel && (
            <React.Suspense fallback={<Spinner size="tiny" label={t("working")} />}>
              <Divider />
              <SelfCheckPanel
                run={run}
                profile={profile}
                requirements={services.requirements ?? { isSetSupported: () => false }}
              />
            </React.Suspense>
          )}
        </>
      ) : live.problem ? (
        <Button onClick={() => void setArea(undefined)}>{t("changeArea")}</Button>
      ) : (
        <Spinner label={t("checking")} />
      )}
    </>
  );
}
