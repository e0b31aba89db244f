import {
  duplicateSets,
  type DuplicateSet,
  type LiveSheet,
  type LiveSummary,
  type Problem,
  type ProblemGroup,
  type Profile,
  type RowSnapshot,
} from "../core";
import { parseSpans } from "./address";
import { dataRowCount, firstDataRow, type AreaGeometry } from "./area";
import type { TemplateInfo } from "./catalog";
import type { SessionProblem } from "./session-problem";
import type { StrayRows } from "./strays";

/** What the pane needs about the selected cell. */
export interface SelectionInfo {
  address: { row: number; column: number };
  /** The data row (0-based index) and field under the cursor, when it is in the area. */
  index?: number;
  field?: string;
  /** Data rows covered by the selection, clipped to the area. */
  rows: number[];
}

/** A group of problems as the pane lists it, with one of its rows' problems as the example. */
export interface ProblemGroupView extends ProblemGroup {
  example?: Problem;
}

/**
 * What the pane shows of a session, made at most once per change (a round of checking, a
 * selection, a write starting or ending) and never changed after: the pane renders from it
 * through useSyncExternalStore. Fixes it offers carry the rows they were computed from.
 */
export interface SessionView {
  summary: LiveSummary;
  /** Rows with problems that certain fixes alone would repair. */
  fixableRows: number;
  groups: readonly ProblemGroupView[];
  /** Valid values worth a second look (likely typos), grouped as problems are. */
  warningGroups: readonly ProblemGroupView[];
  /** Rows that are one company, set by set: copies, or rows to choose between. */
  duplicates: readonly DuplicateSet[];
  /** The sheet row number of data row 0. */
  firstRow: number;
  selection: SelectionInfo | undefined;
  /** The selected cell's problems and warnings, and the row as they were computed from it. */
  selected:
    { row: RowSnapshot; problems: readonly Problem[]; warnings: readonly Problem[] } | undefined;
  /** The selected rows that hold a client, as they are now. */
  selectedRows: readonly RowSnapshot[];
  strays: StrayRows | undefined;
  problem: SessionProblem | undefined;
  busy: boolean;
  catalog: readonly TemplateInfo[] | undefined;
}

/** What a view is made from: the session as it is at that moment. */
export interface ViewSource {
  live: LiveSheet | undefined;
  selection: SelectionInfo | undefined;
  strays: StrayRows | undefined;
  problem: SessionProblem | undefined;
  busy: boolean;
  catalog: readonly TemplateInfo[] | undefined;
}

type Verdicts = Pick<
  SessionView,
  "summary" | "groups" | "warningGroups" | "fixableRows" | "duplicates"
>;

/**
 * Keeps the view until something changes, and tells the pane when it does. The verdicts'
 * part (groups of every row) is kept until the next round, so a selection costs no regrouping.
 */
export class ViewStore {
  private readonly listeners = new Set<() => void>();
  private view: SessionView | undefined;
  private verdicts: Verdicts | undefined;

  constructor(private readonly source: () => ViewSource) {}

  /** Calls `listener` after every change of the view (useSyncExternalStore's subscribe). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The view as it is now; the same object until something changes. */
  get = (): SessionView => {
    this.view ??= this.make();
    return this.view;
  };

  /** Something the pane shows changed; `verdicts` when a round may have changed them. */
  changed(verdicts: boolean): void {
    if (verdicts) this.verdicts = undefined;
    this.view = undefined;
    for (const listener of this.listeners) listener();
  }

  private make(): SessionView {
    const source = this.source();
    const live = source.live;
    this.verdicts ??= verdictsOf(live);
    const { selection } = source;
    const index = selection?.index;
    const row = index === undefined ? undefined : live?.snapshot(index);
    const selected =
      row && selection?.field
        ? {
            row,
            problems: (live?.problemsOf(row.index) ?? []).filter(
              (p) => p.field === selection.field
            ),
            warnings: (live?.warningsOf(row.index) ?? []).filter(
              (w) => w.field === selection.field
            ),
          }
        : undefined;
    return Object.freeze({
      ...this.verdicts,
      firstRow: live?.firstRow ?? 0,
      selection,
      selected,
      selectedRows: (selection?.rows ?? []).flatMap((i) => live?.snapshot(i) ?? []),
      strays: source.strays,
      problem: source.problem,
      busy: source.busy,
      catalog: source.catalog,
    });
  }
}

function verdictsOf(live: LiveSheet | undefined): Verdicts {
  return {
    summary: live?.summary() ?? { rows: 0, valid: 0, invalid: 0 },
    fixableRows: live?.fixableRows() ?? 0,
    duplicates: live ? duplicateSets(live) : [],
    groups: (live?.problemGroups() ?? []).map((group) => ({
      ...group,
      example: live?.problemsOf(group.rows[0]!).find((problem) => problem.code === group.code),
    })),
    warningGroups: (live?.warningGroups() ?? []).map((group) => ({
      ...group,
      example: live
        ?.warningsOf(group.rows[0]!)
        .find((warning) => warning.code === group.code && warning.field === group.field),
    })),
  };
}

/** The selection at an address Excel reported, placed in the area's rows and fields. */
export function selectionAt(
  address: string,
  geometry: AreaGeometry | undefined,
  profile: Profile
): SelectionInfo | undefined {
  const span = parseSpans(address)[0];
  if (!span) return undefined;
  const info: SelectionInfo = { address: { row: span.top, column: span.left }, rows: [] };
  if (!geometry) return info;
  const first = firstDataRow(geometry);
  const count = dataRowCount(geometry);
  const top = Math.max(span.top, first);
  const bottom = Math.min(span.bottom, first + count - 1);
  for (let row = top; row <= bottom; row++) info.rows.push(row - first);
  if (span.top >= first && span.top < first + count) {
    info.index = span.top - first;
    const relative = span.left - geometry.firstColumn;
    const position = geometry.mapping.columns.indexOf(relative);
    if (position >= 0) info.field = profile.fields[position]!.key;
  }
  return info;
}
