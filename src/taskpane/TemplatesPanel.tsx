import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import type { Profile } from "../core";
import { descriptionIn, type LiveSession, type SessionView, type TemplateInfo } from "../excel";
import { useLanguage } from "./i18n";
import { useSessionView } from "./hooks/useLiveSession";
import type { TemplateCatalog } from "./hooks/useTemplateCatalog";
import { useWrites } from "./hooks/useWrites";
import { usePanelStyles } from "./panel-styles";
import { UndoableMessage } from "./UndoableMessage";
import { describeWrite } from "./write-outcome";

export interface TemplatesPanelProps {
  session: LiveSession;
  profile: Profile;
  /** The templates the workbook knew when the pane opened. */
  catalog: TemplateInfo[];
  templates: TemplateCatalog;
}

/**
 * The Templates tab: the partner's configuration templates, what each does, one applied to the
 * selected rows, and fetching them again.
 */
export function TemplatesPanel({ session, profile, catalog, templates }: TemplatesPanelProps) {
  const view = useSessionView(session);
  const { write, undo, feedback } = useWrites(session);
  const field = profile.fields.find((f) => f.list === "configurationTemplates");
  return (
    <>
      <UndoableMessage feedback={feedback} describe={describeWrite} onUndo={() => void undo()} />
      {field && (
        <TemplateList
          view={view}
          write={write}
          field={field.key}
          catalog={catalog}
          templates={templates}
        />
      )}
    </>
  );
}

function TemplateList({
  view,
  write,
  field,
  catalog: initial,
  templates,
}: {
  view: SessionView;
  write: ReturnType<typeof useWrites>["write"];
  /** The column that names a row's template. */
  field: string;
  catalog: TemplateInfo[];
  templates: TemplateCatalog;
}) {
  const { lang, t } = useLanguage();
  const styles = usePanelStyles();
  const catalog = view.catalog ?? initial;
  const [chosen, setChosen] = React.useState("");
  const { refresh, refreshing, failure } = templates;
  // Only rows that hold a client: a template alone would make an empty row invalid.
  const rows = view.selectedRows;
  const name = chosen || catalog[0]?.name || "";

  return (
    <section aria-labelledby="templates-title" className={styles.section}>
      <Subtitle2 as="h2" id="templates-title">
        {t("templatesTitle")}
      </Subtitle2>
      {catalog.length === 0 && <Caption1>{t("templatesNone")}</Caption1>}
      <ul className={styles.list}>
        {catalog.map((template) => (
          <li key={template.id}>
            <Text weight="semibold" block>
              {template.name}
            </Text>
            {descriptionIn(template, lang) && (
              <Caption1 block>{descriptionIn(template, lang)}</Caption1>
            )}
            <Caption1 block>
              {t("templateUsers", { list: template.users.join(", ") || t("nobody") })}
            </Caption1>
            <Caption1 block>
              {t("templateIntegrations", {
                list: template.integrations.join(", ") || t("noIntegrations"),
              })}
            </Caption1>
          </li>
        ))}
      </ul>
      {catalog.length > 0 && (
        <div className={styles.rows}>
          <Select
            aria-label={t("chooseTemplate")}
            value={name}
            onChange={(_event, data) => setChosen(data.value)}
          >
            {catalog.map((template) => (
              <option key={template.id} value={template.name}>
                {template.name}
              </option>
            ))}
          </Select>
          <Button
            disabled={rows.length === 0}
            onClick={() => void write(rows.map((row) => ({ row, field, value: name })))}
          >
            {t("applyTemplate", { count: rows.length })}
          </Button>
        </div>
      )}
      {refresh ? (
        <Button disabled={refreshing} onClick={() => void refresh()}>
          {refreshing ? t("working") : t("refreshTemplates")}
        </Button>
      ) : (
        <Caption1>{t("signInToRefresh")}</Caption1>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{t("refreshFailed", { reason: failure })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
