import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { fieldHeader, type Profile } from "../core";
import {
  columnLetters,
  detectActiveSheet,
  insertTemplate,
  officeErrorCode,
  sheetAreaSpec,
  detectedChoices,
  type ColumnChoices,
  type AreaSpec,
  type DetectedSheet,
  type ExcelRun,
} from "../excel";
import { useLanguage } from "./i18n";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Notice =
  | { kind: "exists"; sheet: string; spec: AreaSpec }
  | { kind: "noHeader" }
  | { kind: "failed"; code: string };

/** No client area yet: insert the template, or map a sheet the user already has. */
export function SetupPanel({
  run,
  profile,
  onArea,
  takeFocus = false,
}: {
  run: ExcelRun;
  profile: Profile;
  onArea: (spec: AreaSpec) => void;
  /** Whether this step takes the focus when it appears (it follows one the user took). */
  takeFocus?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const [working, setWorking] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>();
  const [detected, setDetected] = React.useState<DetectedSheet>();
  const [choices, setChoices] = React.useState<ColumnChoices>({});
  // This step replaces the one before it (the platform question): the focus comes here.
  const step = React.useRef<HTMLElement>(null);
  // On appearing only: later renders do not take the focus back.
  const focusOnAppear = React.useRef(takeFocus);
  React.useEffect(() => {
    if (focusOnAppear.current) step.current?.focus();
  }, []);

  const attempt = async (action: () => Promise<void>) => {
    setWorking(true);
    setNotice(undefined);
    try {
      await action();
    } catch (error) {
      setNotice({ kind: "failed", code: officeErrorCode(error) ?? "—" });
    } finally {
      setWorking(false);
    }
  };

  const insert = () =>
    attempt(async () => {
      const outcome = await insertTemplate(run, profile, lang);
      if (outcome.kind === "exists") setNotice(outcome);
      else onArea(outcome.spec);
    });

  const detect = () =>
    attempt(async () => {
      const found = await detectActiveSheet(run, profile);
      if (!found) {
        setNotice({ kind: "noHeader" });
        return;
      }
      setChoices(detectedChoices(found, profile));
      setDetected(found);
    });

  if (detected)
    return (
      <ColumnMappingForm
        detected={detected}
        profile={profile}
        choices={choices}
        onChoose={(column, key) => setChoices((current) => ({ ...current, [column]: key }))}
        onConfirm={() => onArea(sheetAreaSpec(detected, choices, profile))}
        onCancel={() => setDetected(undefined)}
      />
    );

  return (
    <section aria-labelledby="setup-title" ref={step} tabIndex={-1}>
      <Subtitle2 as="h2" id="setup-title">
        {t("setupTitle")}
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={working} onClick={insert}>
          {t("insertTemplate")}
        </Button>
        <Button disabled={working} onClick={detect}>
          {t("useActiveSheet")}
        </Button>
      </div>
      {working && <Spinner size="tiny" label={t("working")} />}
      {notice && <SetupNotice notice={notice} onUse={onArea} />}
    </section>
  );
}

/** What the last setup step met: the template already there, no header, Excel's refusal. */
function SetupNotice({ notice, onUse }: { notice: Notice; onUse: (spec: AreaSpec) => void }) {
  const { t } = useLanguage();
  if (notice.kind === "exists")
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {t("templateExists", { sheet: notice.sheet })}{" "}
          <Button size="small" onClick={() => onUse(notice.spec)}>
            {t("useExisting")}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  if (notice.kind === "noHeader")
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t("noHeaderFound")}</MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t("excelError", { code: notice.code })}</MessageBarBody>
    </MessageBar>
  );
}

/** A sheet the user brought: which field each of its columns holds, before it is checked. */
function ColumnMappingForm({
  detected,
  profile,
  choices,
  onChoose,
  onConfirm,
  onCancel,
}: {
  detected: DetectedSheet;
  profile: Profile;
  choices: ColumnChoices;
  onChoose: (column: number, key: string | null) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { lang, t } = useLanguage();
  const columnsOf = columnsByField(choices);
  const missing = profile.fields.filter((field) => field.required && !columnsOf.has(field.key));
  const twice = profile.fields.filter((field) => (columnsOf.get(field.key)?.length ?? 0) > 1);
  const form = React.useRef<HTMLElement>(null);
  React.useEffect(() => form.current?.focus(), []);
  return (
    <section aria-labelledby="mapping-title" ref={form} tabIndex={-1}>
      <Subtitle2 as="h2" id="mapping-title">
        {t("mappingTitle", { sheet: detected.sheet, row: detected.headerRow + 1 })}
      </Subtitle2>
      <Caption1 block>{t("mappingHint")}</Caption1>
      <div className={styles.mapping}>
        {detected.headers.map((header, column) => {
          if (!header) return null;
          const samples = detected.samples[column] ?? [];
          const chosen = choices[column];
          const clash = chosen ? (columnsOf.get(chosen)?.length ?? 0) > 1 : false;
          return (
            <Field
              key={column}
              label={t("mappingColumn", { letter: columnLetters(column), header })}
              hint={
                samples.length ? t("mappingSamples", { values: samples.join(" · ") }) : undefined
              }
              validationState={clash ? "warning" : "none"}
            >
              <Select
                value={chosen ?? ""}
                onChange={(_event, data) => onChoose(column, data.value || null)}
              >
                <option value="">{t("notImported")}</option>
                {profile.fields.map((field) => (
                  <option key={field.key} value={field.key}>
                    {fieldHeader(field, lang)}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {twice.map((field) => (
        <MessageBar key={field.key} intent="warning">
          <MessageBarBody>
            {t("mappingTwice", {
              field: fieldHeader(field, lang),
              columns: (columnsOf.get(field.key) ?? []).map(columnLetters),
            })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {missing.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("missingRequired", {
              columns: missing.map((field) => fieldHeader(field, lang)).join(", "),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {/* Two columns for one field would leave one of them unread: not checked until settled. */}
        <Button appearance="primary" disabled={twice.length > 0} onClick={onConfirm}>
          {t("checkSheet")}
        </Button>
        <Button onClick={onCancel}>{t("cancel")}</Button>
      </div>
    </section>
  );
}

/** For each chosen field, the columns chosen for it, left to right. */
function columnsByField(choices: ColumnChoices): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  for (const [column, key] of Object.entries(choices)) {
    if (!key) continue;
    columns.set(key, [...(columns.get(key) ?? []), Number(column)]);
  }
  for (const list of columns.values()) list.sort((a, b) => a - b);
  return columns;
}
