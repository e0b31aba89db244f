import * as React from "react";
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, MoreHorizontalRegular } from "@fluentui/react-icons";
import {
  cellText,
  describeGroup,
  describeProblem,
  fieldHeader,
  isRegistryFillCode,
  type ProblemGroup,
  type Profile,
} from "../core";
import {
  cellAddress,
  describeError,
  showOnlyRowsWithProblems,
  writeProblemsSheet,
  type LiveSession,
  type ProblemGroupView,
  type ProblemLine,
  type SessionProblem,
  type SessionView,
  type TemplateInfo,
} from "../excel";
import { useLanguage } from "./i18n";
import { useSessionView } from "./hooks/useLiveSession";
import type { TemplateCatalog } from "./hooks/useTemplateCatalog";
import { useWrites, type WriteFeedback } from "./hooks/useWrites";
import type { RegistryLookup } from "./hooks/useRegistryCheck";
import { registryFills, RegistryPanel } from "./RegistryPanel";

const ROWS_LISTED = 5;

const useStyles = makeStyles({
  counts: { display: "flex", gap: tokens.spacingHorizontalL },
  count: { display: "flex", flexDirection: "column" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  rows: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The groups scroll in their own area: the pane itself never grows past its window.
  groups: { maxHeight: "32vh", overflowY: "auto" },
  // Every row of a large group, scrolling inside its own area rather than the pane.
  allRows: { maxHeight: "160px", overflowY: "auto" },
  headingRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  fixedPlace: { color: tokens.colorPaletteGreenForeground1 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface LivePanelProps {
  session: LiveSession;
  profile: Profile;
  /** The pane's tab this panel fills: checking the rows, or the configuration templates. */
  part: "check" | "templates";
  templates: TemplateCatalog;
  catalog: TemplateInfo[];
  /** Asks the registries (signed in, and a profile with a registry); undefined otherwise. */
  registryLookup?: RegistryLookup;
}

/** The live view of the client area: counts, problems by column, the selected cell, templates. */
export function LivePanel(props: LivePanelProps): React.JSX.Element {
  const { session } = props;
  const view = useSessionView(session);
  const { busy, problem, summary } = view;
  const { t } = useLanguage();
  const styles = useStyles();
  const { write, undo, feedback } = useWrites(session);
  const templatesField = props.profile.fields.find((f) => f.list === "configurationTemplates");
  if (props.part === "templates")
    return (
      <>
        <WriteMessage feedback={feedback} onUndo={() => void undo()} />
        {templatesField && (
          <TemplatesPanel
            view={view}
            write={write}
            field={templatesField.key}
            catalog={props.catalog}
            templates={props.templates}
          />
        )}
      </>
    );
  return (
    <>
      {problem && <SessionMessage problem={problem} />}
      <StrayRowsMessage session={session} view={view} />
      <WriteMessage feedback={feedback} onUndo={() => void undo()} />
      <section aria-label={t("problemsTitle")} className={styles.section}>
        <div className={styles.counts} role="status" aria-live="polite">
          <Count label={t("rowsCount")} value={summary.rows} />
          <Count label={t("validCount")} value={summary.valid} />
          <Count label={t("invalidCount")} value={summary.invalid} />
          {busy && <Spinner size="tiny" label={t("checking")} />}
        </div>
        {view.fixableRows > 0 && (
          <Caption1>{t("fixableRows", { count: view.fixableRows })}</Caption1>
        )}
      </section>
      <SelectionPanel session={session} view={view} profile={props.profile} write={write} />
      <ProblemList session={session} view={view} profile={props.profile} write={write} />
      {props.profile.registry && (
        <RegistryPanel session={session} view={view} lookup={props.registryLookup} />
      )}
      <WarningList session={session} view={view} profile={props.profile} write={write} />
    </>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  const styles = useStyles();
  return (
    <span className={styles.count}>
      <Text size={600} weight="semibold">
        {value}
      </Text>
      <Caption1>{label}</Caption1>
    </span>
  );
}

/** Rows typed under the table that it did not take in: said, and taken in on request. */
function StrayRowsMessage({ session, view }: { session: LiveSession; view: SessionView }) {
  const { t } = useLanguage();
  const [manual, setManual] = React.useState(false);
  const strays = view.strays;
  if (!strays) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {t("straysFound", {
          first: strays.top + 1,
          last: strays.top + strays.count,
          count: strays.count,
        })}{" "}
        {manual ? (
          t("straysHowTo")
        ) : (
          <Link
            as="button"
            onClick={() => void session.includeStrays().then((done) => setManual(!done))}
          >
            {t("straysInclude")}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function WriteMessage({ feedback, onUndo }: { feedback: WriteFeedback; onUndo: () => void }) {
  const { t } = useLanguage();
  // The message takes the focus: it says what just changed, and its Undo is one key away.
  const message = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (feedback) message.current?.focus();
  }, [feedback]);
  if (!feedback) return null;
  const intent =
    feedback.kind === "failed"
      ? "error"
      : feedback.kind === "written" || (feedback.kind === "undone" && feedback.kept === 0)
        ? "success"
        : "warning";
  return (
    <MessageBar intent={intent} ref={message} tabIndex={-1}>
      <MessageBarBody>
        {feedback.kind === "failed"
          ? t("writeFailed", { reason: feedback.reason })
          : feedback.kind === "written"
            ? t("cellsWritten", { count: feedback.count })
            : feedback.kind === "undone"
              ? t("writesUndone", { restored: feedback.restored, kept: feedback.kept })
              : t("writesNotMade", { count: feedback.count })}
      </MessageBarBody>
      {feedback.kind === "written" && (
        <MessageBarActions>
          <Button size="small" onClick={onUndo}>
            {t("undo")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function SessionMessage({ problem }: { problem: SessionProblem }) {
  const { t } = useLanguage();
  const text =
    problem.kind === "areaMissing"
      ? t("areaMissing")
      : problem.kind === "headerMissing"
        ? t("headerMissing")
        : t("excelError", { code: problem.code ?? "—" });
  return (
    <MessageBar intent="error">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * Every row's problem that matches a group and has a certain fix: what "fix all" writes, each
 * with the row it was computed from (written only where that row still is as it was).
 */
function fixesOf(session: LiveSession, groups: readonly ProblemGroup[]) {
  // One snapshot per row: a row with fixes in several columns is one compare-and-set write.
  const wanted = new Map<number, Set<string>>();
  for (const group of groups)
    for (const index of group.rows) {
      const keys = wanted.get(index) ?? new Set<string>();
      keys.add(`${group.field}\u0000${group.code}`);
      wanted.set(index, keys);
    }
  return [...wanted].flatMap(([index, keys]) => {
    const row = session.snapshot(index);
    if (!row) return [];
    return session
      .problemsOf(index)
      .filter((p) => keys.has(`${p.field}\u0000${p.code}`) && p.fix !== null)
      .map((p) => ({ row, field: p.field, value: p.fix! }));
  });
}

/**
 * What the panels below read: the session's view (while the sheet is written or checked,
 * `view.busy`, fixes wait: no double writes), and the session to act on.
 */
interface PanelProps {
  session: LiveSession;
  view: SessionView;
  profile: Profile;
  write: ReturnType<typeof useWrites>["write"];
}

function ProblemList({ session, view, profile, write }: PanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { groups } = view;
  const [fixed, setFixed] = React.useState<FixedPlace[]>([]);
  const [outcome, setOutcome] = React.useState<SheetActionOutcome>();
  const fixable = groups.reduce((sum, group) => sum + group.fixable, 0);
  if (view.summary.rows > 0 && groups.length === 0)
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t("noProblems")}</MessageBarBody>
      </MessageBar>
    );
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="problems-title" className={styles.section}>
      {/* One line: the heading, previous/next problem, and the sheet actions' menu. */}
      <div className={styles.headingRow}>
        <Subtitle2 as="h2" id="problems-title">
          {t("problemsTitle")}
        </Subtitle2>
        <ProblemSteps session={session} view={view} profile={profile} />
        <SheetActions session={session} view={view} profile={profile} onOutcome={setOutcome} />
      </div>
      <ActionOutcome outcome={outcome} />
      {fixable > 1 && (
        <Button
          appearance="primary"
          size="small"
          disabledFocusable={view.busy}
          onClick={() => void write(fixesOf(session, groups))}
        >
          {t("fixEverything", { count: fixable })}
        </Button>
      )}
      <ul className={mergeClasses(styles.list, styles.groups)}>
        {withFixedPlaces(groups, fixed).map((item, position) =>
          "group" in item ? (
            <ProblemGroupItem
              key={groupKey(item.group)}
              group={item.group}
              session={session}
              view={view}
              profile={profile}
              write={write}
              onFixAll={(height) =>
                setFixed((places) => [
                  ...places.filter((place) => place.key !== groupKey(item.group)),
                  { key: groupKey(item.group), field: item.group.field, position, height },
                ])
              }
            />
          ) : (
            <li key={item.key} className={styles.fixedPlace} style={{ minHeight: item.height }}>
              <Caption1>
                {t("groupFixed", { column: fieldHeader(fieldOf(profile, item.field), lang) })}
              </Caption1>
            </li>
          )
        )}
      </ul>
    </section>
  );
}

/**
 * Where a group stood when its "fix all" was clicked, and how tall it was. Its place stays in
 * the list (saying it was fixed) so that the groups under it do not move under the pointer.
 */
interface FixedPlace {
  key: string;
  field: string;
  position: number;
  height: number;
}

const groupKey = (group: { field: string; code: string }) => `${group.field}:${group.code}`;

const fieldOf = (profile: Profile, key: string) =>
  profile.fields.find((candidate) => candidate.key === key)!;

/** The groups, with the places of fixed groups kept where they were (until they come back). */
function withFixedPlaces(
  groups: readonly ProblemGroupView[],
  fixed: readonly FixedPlace[]
): ({ group: ProblemGroupView } | FixedPlace)[] {
  const present = new Set(groups.map(groupKey));
  const items: ({ group: ProblemGroupView } | FixedPlace)[] = groups.map((group) => ({ group }));
  const places = fixed.filter((place) => !present.has(place.key));
  for (const place of [...places].sort((a, b) => a.position - b.position))
    items.splice(Math.min(place.position, items.length), 0, place);
  return items;
}

/** Every problem cell in sheet order: row, then the profile's column order. */
type CellPlace = { index: number; field?: string };

/** Sheet order of cells: by row, then the profile's column order (no column comes first). */
function sheetOrder(profile: Profile): (a: CellPlace, b: CellPlace) => number {
  const order = new Map(profile.fields.map((field, i) => [field.key, i]));
  const column = (cell: CellPlace) =>
    cell.field === undefined ? -1 : (order.get(cell.field) ?? 0);
  return (a, b) => a.index - b.index || column(a) - column(b);
}

function problemCells(view: SessionView, profile: Profile): { index: number; field: string }[] {
  const cells = new Map<string, { index: number; field: string }>();
  for (const group of view.groups)
    for (const index of group.rows)
      cells.set(`${index}:${group.field}`, { index, field: group.field });
  return [...cells.values()].sort(sheetOrder(profile));
}

/**
 * The next and previous problem from the selected cell, in sheet order, with a shortcut
 * (Alt+Down, Alt+Up) anywhere in the pane: every problem is reachable without the list.
 */
function ProblemSteps({ session, view, profile }: Omit<PanelProps, "write">) {
  const { t } = useLanguage();
  const step = React.useCallback(
    (direction: 1 | -1) => {
      const cells = problemCells(view, profile);
      if (cells.length === 0) return;
      const compare = sheetOrder(profile);
      const at = view.selection;
      const here = (cell: CellPlace) =>
        at?.index === undefined
          ? -1
          : Math.sign(compare(cell, { index: at.index, field: at.field }));
      const target =
        direction === 1
          ? (cells.find((cell) => here(cell) > 0) ?? cells[0]!)
          : ([...cells].reverse().find((cell) => here(cell) < 0) ?? cells[cells.length - 1]!);
      void session.goTo(target.index, target.field);
    },
    [session, view, profile]
  );
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      step(event.key === "ArrowDown" ? 1 : -1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [step]);
  return (
    <span>
      <StepButton label={t("previousProblem")} shortcut="Alt+ArrowUp" onClick={() => step(-1)}>
        <ArrowUpRegular />
      </StepButton>
      <StepButton label={t("nextProblem")} shortcut="Alt+ArrowDown" onClick={() => step(1)}>
        <ArrowDownRegular />
      </StepButton>
    </span>
  );
}

/** An icon button named by its tooltip, with its keyboard shortcut announced. */
function StepButton({
  label,
  shortcut,
  onClick,
  children,
}: {
  label: string;
  shortcut: string;
  onClick: () => void;
  children: React.JSX.Element;
}) {
  return (
    <Tooltip content={label} relationship="label">
      <Button
        size="small"
        appearance="subtle"
        icon={children}
        aria-keyshortcuts={shortcut}
        onClick={onClick}
      />
    </Tooltip>
  );
}

/** What the last sheet action did: a sheet listed, rows hidden or shown, or why it failed. */
type SheetActionOutcome = { text: string; error?: undefined } | { error: string } | undefined;

/**
 * Actions on the sheet, in a menu (one line at 350 px): every problem listed on a sheet of
 * its own, with links to the cells (to share or keep); only the rows with problems shown, or
 * all again. Hiding is two plain actions rather than a toggle: the rows stay hidden in the
 * workbook after the pane closes, and the pane cannot know what the user unhid by hand.
 */
function SheetActions({
  session,
  view,
  profile,
  onOutcome,
}: Omit<PanelProps, "write"> & { onOutcome: (outcome: SheetActionOutcome) => void }) {
  const { lang, t } = useLanguage();
  const attempt = async (action: () => Promise<string>) => {
    onOutcome(undefined);
    try {
      onOutcome({ text: await action() });
    } catch (error) {
      onOutcome({ error: describeError(error) });
    }
  };
  const list = async () => {
    const geometry = session.geometry;
    if (!geometry) return "";
    const lines: ProblemLine[] = problemCells(view, profile).flatMap(({ index, field }) => {
      const at = session.cellOf(index, field);
      const position = profile.fields.findIndex((candidate) => candidate.key === field);
      if (!at || position < 0) return [];
      const value = cellText(session.rows?.cellsOf(index)?.[position]);
      return session
        .problemsOf(index)
        .filter((problem) => problem.field === field)
        .map((problem) => ({
          row: at.row,
          column: at.column,
          header: fieldHeader(profile.fields[position]!, lang),
          value,
          message: describeProblem(problem, lang, profile),
        }));
    });
    const sheet = await session.excel((context) =>
      writeProblemsSheet(
        context,
        geometry.sheet,
        t("problemsSheet"),
        [
          t("problemsRow"),
          t("problemsColumn"),
          t("problemsValue"),
          t("problemsMessage"),
          t("problemsLink"),
        ],
        lines
      )
    );
    return t("problemsListed", { sheet });
  };
  const show = async (only: boolean) => {
    const shown = await showOnlyRowsWithProblems(session, only);
    return only ? t("onlyProblemRowsShown", { count: shown }) : t("allRowsShown");
  };
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />}>
          {t("sheetActions")}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void attempt(list)}>{t("listProblems")}</MenuItem>
          <MenuItem onClick={() => void attempt(() => show(true))}>
            {t("showOnlyProblemRows")}
          </MenuItem>
          <MenuItem onClick={() => void attempt(() => show(false))}>
            {t("showAllSheetRows")}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function ActionOutcome({ outcome }: { outcome: SheetActionOutcome }) {
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

/** One kind of problem in one column: its rows (all of them, on request) and its fix. */
function ProblemGroupItem({
  group,
  session,
  view,
  profile,
  write,
  onFixAll,
}: PanelProps & {
  group: ProblemGroupView;
  /** Called with the item's height when its "fix all" is clicked. */
  onFixAll: (height: number) => void;
}) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const [expanded, setExpanded] = React.useState(false);
  const field = fieldOf(profile, group.field);
  const { example } = group;
  const shown = expanded ? group.rows : group.rows.slice(0, ROWS_LISTED);
  // Named by its visible heading: a screen reader says what the eye reads, never a code.
  const headingId = React.useId();
  const item = React.useRef<HTMLLIElement>(null);
  return (
    <li aria-labelledby={headingId} ref={item}>
      <Text weight="semibold" block id={headingId}>
        {fieldHeader(field, lang)} · {t("rowsAffected", { count: group.rows.length })}
      </Text>
      {example && <Caption1 block>{describeGroup(example, lang, profile)}</Caption1>}
      <div className={mergeClasses(styles.rows, expanded && styles.allRows)}>
        {shown.map((index) => (
          <Link key={index} as="button" onClick={() => void session.goTo(index, group.field)}>
            {t("goTo", { row: view.firstRow + index })}
          </Link>
        ))}
      </div>
      <div className={styles.rows}>
        {group.rows.length > ROWS_LISTED && (
          <Button size="small" appearance="subtle" onClick={() => setExpanded(!expanded)}>
            {expanded ? t("showFewerRows") : t("showAllRows", { count: group.rows.length })}
          </Button>
        )}
        {group.fixable > 0 && (
          <Button
            size="small"
            disabledFocusable={view.busy}
            onClick={() => {
              onFixAll(item.current?.offsetHeight ?? 0);
              void write(fixesOf(session, [group]));
            }}
          >
            {t("fixAll", { count: group.fixable })}
          </Button>
        )}
      </div>
    </li>
  );
}

function SelectionPanel({ session, view, profile, write }: PanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  const { selection, busy } = view;
  const index = selection?.index;
  const problems = view.selected?.problems ?? [];
  const warnings = view.selected?.warnings ?? [];
  // The row the fixes shown were computed from: a click writes only where it still is.
  const row = view.selected?.row;
  return (
    <section aria-labelledby="selection-title" className={styles.section}>
      <Subtitle2 as="h2" id="selection-title">
        {index === undefined || !selection?.field
          ? t("selectedTitle")
          : `${t("selectedTitle")} · ${cellAddress(selection.address.row, selection.address.column)}`}
      </Subtitle2>
      {index === undefined || !selection?.field ? (
        <Caption1>{t("selectedNone")}</Caption1>
      ) : (
        <>
          {problems.length === 0 && warnings.length === 0 && <Caption1>{t("cellOk")}</Caption1>}
          {problems.map((p) => (
            <div key={p.code} className={styles.rows}>
              <Text>{describeProblem(p, lang, profile)}</Text>
              {p.fix !== null && row && (
                <Button
                  size="small"
                  appearance="primary"
                  disabledFocusable={busy}
                  onClick={() => void write([{ row, field: p.field, value: p.fix! }])}
                >
                  {t("fix", { value: p.fix })}
                </Button>
              )}
            </div>
          ))}
          <RowFillButton session={session} index={index} busy={busy} write={write} />
          {warnings.map((w) => (
            <div key={w.code} className={styles.rows}>
              <Text>
                {t("warningLabel")} {describeProblem(w, lang, profile)}
              </Text>
              {typeof w.params?.suggestion === "string" && row && (
                // A suggestion, not a certain fix: offered here, one cell at a time, never in bulk.
                <Button
                  size="small"
                  disabledFocusable={busy}
                  onClick={() =>
                    void write([{ row, field: w.field, value: String(w.params!.suggestion) }])
                  }
                >
                  {t("useSuggestion", { value: String(w.params.suggestion) })}
                </Button>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** The selected row's empty cells the registry can fill, in one click. */
function RowFillButton({
  session,
  index,
  busy,
  write,
}: Pick<PanelProps, "session" | "write"> & { index: number; busy: boolean }) {
  const { t } = useLanguage();
  const fills = registryFills(session, [index]);
  if (fills.length === 0) return null;
  return (
    <Button size="small" disabledFocusable={busy} onClick={() => void write(fills)}>
      {t("registryFillRow", { count: fills.length })}
    </Button>
  );
}

/** Valid values worth a second look: listed apart from the problems, rows reachable. */
function WarningList({ session, view, profile, write }: PanelProps) {
  const { lang, t } = useLanguage();
  const styles = useStyles();
  if (view.warningGroups.length === 0) return null;
  const fillGroups = view.warningGroups.filter((group) => isRegistryFillCode(group.code));
  const fillRows = [...new Set(fillGroups.flatMap((group) => group.rows))];
  return (
    <section aria-labelledby="warnings-title" className={styles.section}>
      <div className={styles.headingRow}>
        <Subtitle2 as="h2" id="warnings-title">
          {t("warningsTitle")}
        </Subtitle2>
        {fillRows.length > 0 && (
          <Button
            size="small"
            disabledFocusable={view.busy}
            onClick={() => void write(registryFills(session, fillRows))}
          >
            {t("registryFillAll", {
              count: fillGroups.reduce((sum, group) => sum + group.rows.length, 0),
            })}
          </Button>
        )}
      </div>
      <ul className={styles.list}>
        {view.warningGroups.map((group) => (
          <li key={groupKey(group)}>
            <Text weight="semibold" block>
              {fieldHeader(fieldOf(profile, group.field), lang)} ·{" "}
              {t("rowsAffected", { count: group.rows.length })}
            </Text>
            {group.example && (
              <Caption1 block>{describeGroup(group.example, lang, profile)}</Caption1>
            )}
            <div className={mergeClasses(styles.rows, styles.allRows)}>
              {group.rows.map((index) => (
                <Link key={index} as="button" onClick={() => void session.goTo(index, group.field)}>
                  {t("goTo", { row: view.firstRow + index })}
                </Link>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TemplatesPanel({
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
  const { t } = useLanguage();
  const styles = useStyles();
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
            {template.description && <Caption1 block>{template.description}</Caption1>}
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
