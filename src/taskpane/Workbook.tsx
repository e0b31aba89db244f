import * as React from "react";
import {
  Button,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Partner } from "../api";
import { PROFILES, type Profile, type ProfileId } from "../core";
import type { AreaSpec, ExcelRun, WorkbookMemory } from "../excel";
import type { PaneServices } from "./services";
import { ColumnsHelp } from "./ColumnsHelp";
import type { PartnerConnection } from "./connection";
import { useConnection, useLoadedConnection } from "./hooks/useConnection";
import { useTemplateCatalog } from "./hooks/useTemplateCatalog";
import type { RegistryLookup } from "./hooks/useRegistryCheck";
import type { ServerCheck } from "./hooks/useServerCheck";
import { useLiveSession } from "./hooks/useLiveSession";
import { useWorkbook } from "./hooks/useWorkbook";
import { useWarmNameIndexes } from "./hooks/useWarmNameIndexes";
import { useLanguage } from "./i18n";
import { ExportPanel } from "./ExportPanel";
import { CheckPanel } from "./check/CheckPanel";
import { SessionMessage } from "./SessionMessage";
import { TemplatesPanel } from "./TemplatesPanel";
import { RegionPicker } from "./RegionPicker";
import { SetupPanel } from "./SetupPanel";
import { fetchTemplateCatalog, refreshCatalog } from "./templates";

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground3 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

// Sending is loaded when a signed-in partner can send, not with the pane's first screen.
const SendPanel = React.lazy(() =>
  import("./SendPanel").then((module) => ({ default: module.SendPanel }))
);

// Loaded on demand, and built only into development builds (webpack sets SELF_CHECK there).
const SelfCheckPanel =
  process.env.SELF_CHECK === "1" ? React.lazy(() => import("./SelfCheckPanel")) : undefined;

/**
 * Inside Excel: the region once per workbook, who is signed in, then the client area and its
 * live checks. Loaded after the pane's first screen (it carries the Excel code).
 */
export default function Workbook({
  run,
  services,
  initialRegion,
}: {
  run: ExcelRun;
  services: PaneServices;
  initialRegion: ProfileId;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const { memory, setRegion, setArea } = useWorkbook(run);
  useWarmNameIndexes();
  const [changingRegion, setChangingRegion] = React.useState(false);
  // Focus moves to each new step only once the user took one here: a pane opening beside
  // the grid never takes the focus from it.
  const [acted, setActed] = React.useState(false);
  const chooseArea = React.useCallback(
    (spec: AreaSpec | undefined) => {
      setActed(true);
      return setArea(spec);
    },
    [setArea]
  );
  const region = memory?.region;
  const profile = PROFILES[region ?? initialRegion];
  const { connection, loadError } = useLoadedConnection(
    services.connection,
    services.loadConnection
  );
  const auth = useConnection(connection, lang);
  const partner = auth.state.kind === "signedIn" ? auth.state.partner : undefined;
  const mismatch = partner !== undefined && region !== undefined && partner.region !== region;

  if (!memory) return <Spinner label={t("working")} />;
  if (!region || changingRegion)
    return (
      <RegionPicker
        initial={region ?? initialRegion}
        onChoose={(next) => {
          setActed(true);
          setChangingRegion(false);
          if (next !== region) void setArea(undefined).then(() => setRegion(next));
        }}
      />
    );
  return (
    <>
      <div className={styles.line}>
        <Text>{t("regionNow", { region: profile.name[lang] })}</Text>
        <Button size="small" appearance="subtle" onClick={() => setChangingRegion(true)}>
          {t("regionChange")}
        </Button>
      </div>
      <SignInBar auth={auth} canSignIn={connection !== undefined} loadError={loadError} />
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
      <ClientArea
        run={run}
        services={services}
        profile={profile}
        memory={memory}
        setArea={chooseArea}
        moveFocus={acted}
        sender={partner && connection && !mismatch ? { partner, connection } : undefined}
      />
      <Caption1 className={styles.status}>
        {t("partnerApi", { url: connection?.apiUrl ?? services.apiUrl ?? "—" })}
      </Caption1>
    </>
  );
}

/** Who is signed in, with the button to sign in or out, and why the last try failed. */
function SignInBar({
  auth,
  canSignIn,
  loadError,
}: {
  auth: ReturnType<typeof useConnection>;
  canSignIn: boolean;
  loadError: string | undefined;
}) {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const { state } = auth;
  const failure = (state.kind === "signedOut" && state.error) || loadError;
  return (
    <>
      <div className={styles.line} role="status">
        {state.kind === "signedIn" ? (
          <>
            <Text>
              {t("signedInAs", {
                partner: state.partner.name,
                region: PROFILES[state.partner.region].name[lang],
              })}
            </Text>
            <Button size="small" appearance="subtle" onClick={auth.signOut}>
              {t("signOut")}
            </Button>
          </>
        ) : state.kind === "signingIn" ? (
          <Spinner size="tiny" label={t("signingIn")} />
        ) : (
          <>
            <Text>{t("notSignedIn")}</Text>
            {canSignIn && (
              <Button size="small" appearance="primary" onClick={() => void auth.signIn()}>
                {t("signIn")}
              </Button>
            )}
          </>
        )}
      </div>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{t("signInFailed", { reason: failure })}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "signedOut" && state.cancelled && (
        <MessageBar intent="info">
          <MessageBarBody>{t("signInCancelled")}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The steps of the work, one tab each, so that each fits the pane's height. */
type PaneTab = "check" | "templates" | "send";

/** The client area: choosing it, then its live checks, templates and sending, a tab each. */
function ClientArea({
  run,
  services,
  profile,
  memory,
  setArea,
  moveFocus,
  sender,
}: {
  run: ExcelRun;
  services: PaneServices;
  profile: Profile;
  memory: WorkbookMemory;
  setArea: (spec: AreaSpec | undefined) => Promise<void>;
  /** Whether a new step takes the focus (the user acted in this pane). */
  moveFocus: boolean;
  /** Who can send: a signed-in partner of the workbook's region. */
  sender?: { partner: Partner; connection: PartnerConnection };
}) {
  const { lang, t } = useLanguage();
  const [tab, setTab] = React.useState<PaneTab>("check");
  const { session, failure } = useLiveSession(run, profile, memory.area, services.requirements);
  const connection = sender?.connection;
  const partnerId = sender?.partner.id;
  // Signed in: the work with Banqup a selected row's changes since it was sent need.
  const banqup = React.useMemo(
    () =>
      session && connection && partnerId
        ? { session, connection, partnerId, region: profile.id, lang }
        : undefined,
    [session, connection, partnerId, profile.id, lang]
  );
  // One function per sign-in: a new one means "fetch the templates now".
  const fetchTemplates = React.useMemo(
    () =>
      services.fetchTemplates ??
      (connection ? () => fetchTemplateCatalog(connection.client(profile.id)) : undefined),
    [services.fetchTemplates, connection, profile.id]
  );
  const templates = useTemplateCatalog(session, fetchTemplates);
  // The registries are asked through the partner API, signed in, where the profile has one.
  const registryLookup = React.useMemo<RegistryLookup | undefined>(
    () =>
      !profile.registry
        ? undefined
        : (services.registryLookup ??
          (connection
            ? async (numbers, options) => {
                const { lookupCompanies } = await import("../api/registry");
                return lookupCompanies(connection.client(profile.id), numbers, options);
              }
            : undefined)),
    [services.registryLookup, connection, profile]
  );
  // Banqup's own verdict, signed in: the dry run of creates, through the send's code.
  const serverCheck = React.useMemo<ServerCheck | undefined>(
    () =>
      connection && session
        ? async (options) => {
            const { checkWithBanqup } = await import("../send");
            const client = connection.client(profile.id);
            // Template names are judged against the partner's list as it is now.
            await refreshCatalog(session, client);
            return checkWithBanqup({
              ...options,
              session,
              client,
              region: profile.id,
              catalog: session.catalog ?? [],
            });
          }
        : undefined,
    [connection, session, profile.id]
  );
  // The client area replaces the setup step: the focus goes to its tabs once it is there.
  const firstTab = React.useRef<HTMLButtonElement>(null);
  const ready = session !== undefined;
  React.useEffect(() => {
    if (ready && moveFocus) firstTab.current?.focus();
  }, [ready, moveFocus]);

  if (!memory.area)
    return (
      <>
        <SetupPanel
          run={run}
          profile={profile}
          onArea={(spec) => void setArea(spec)}
          takeFocus={moveFocus}
        />
        <Divider />
        <ColumnsHelp profile={profile} />
      </>
    );
  if (!session)
    return failure ? (
      <>
        <SessionMessage problem={failure} />
        <Button onClick={() => void setArea(undefined)}>{t("changeArea")}</Button>
      </>
    ) : (
      <Spinner label={t("checking")} />
    );
  const hasTemplates = profile.fields.some((field) => field.list === "configurationTemplates");
  return (
    <>
      <TabList
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as PaneTab)}
        size="small"
      >
        <Tab value="check" ref={firstTab}>
          {t("tabCheck")}
        </Tab>
        {hasTemplates && <Tab value="templates">{t("tabTemplates")}</Tab>}
        <Tab value="send">{t("tabSend")}</Tab>
      </TabList>
      {tab === "check" && (
        <CheckPanel
          session={session}
          profile={profile}
          registryLookup={registryLookup}
          serverCheck={serverCheck}
          banqup={banqup}
        />
      )}
      {tab === "templates" && (
        <TemplatesPanel
          session={session}
          profile={profile}
          catalog={memory.catalog ?? []}
          templates={templates}
        />
      )}
      {tab === "check" && (
        <>
          <Divider />
          <Button size="small" appearance="subtle" onClick={() => void setArea(undefined)}>
            {t("changeArea")}
          </Button>
          {services.selfCheck && SelfCheckPanel && (
            // A development tool: closed until asked for, so the pane keeps its height.
            <details>
              <summary>{t("selfCheckTitle")}</summary>
              <React.Suspense fallback={<Spinner size="tiny" label={t("working")} />}>
                <SelfCheckPanel
                  run={run}
                  profile={profile}
                  requirements={services.requirements ?? { isSetSupported: () => false }}
                />
              </React.Suspense>
            </details>
          )}
        </>
      )}
      {tab === "send" && (
        <>
          {sender ? (
            <React.Suspense fallback={<Spinner size="tiny" label={t("working")} />}>
              <SendPanel
                session={session}
                connection={sender.connection}
                partner={sender.partner}
                region={profile.id}
              />
            </React.Suspense>
          ) : (
            <Text>{t("signInToSend")}</Text>
          )}
          <Divider />
          <ExportPanel
            session={session}
            profile={profile}
            createWorkbook={services.createWorkbook}
            newWorkbookPlace={services.newWorkbookPlace}
          />
        </>
      )}
    </>
  );
}
