import type { Profile } from "../core";
import { cellAddress, LAST_ROW } from "./address";
import { areaWidth, firstDataRow, type AreaGeometry } from "./area";
import { highlightFormula, isCurrentRule, namesChecksSheet } from "./highlight";
import { CHECKS_SHEET, HIGHLIGHT } from "./names";

/**
 * What a plain paste (Ctrl+V of cells copied elsewhere) does to the presentation the add-in
 * set up: the pasted cells take the source's number format (identifier columns lose "@"),
 * lose the drop-downs, and the highlight rule is split around them, so invalid pasted cells
 * would stay unpainted. Rules also pile up when the area is set up again. A health check
 * reads what the workbook really has, instead of trusting a record of what was done, and
 * repairs it. It runs on opening and after changes that may be pastes (several cells).
 */

/** Above this many rows the text format is restored without being read first (a huge paste). */
const FORMAT_PROBE_ROWS = 20_000;

export interface HealthScope {
  geometry: AreaGeometry;
  profile: Profile;
  /** Sheet rows whose formats and drop-downs to check; the whole data when absent. */
  rows?: { top: number; bottom: number };
  /** The add-in's own template (identifier columns are text-formatted there). */
  template: boolean;
  /** The fields whose column has a drop-down (a list with values). */
  dropDowns: ReadonlySet<string>;
  /** The sheet the highlight keys are in. */
  checksSheet: string;
}

/** What the check found broken and queued for repair. */
export interface Repairs {
  /** The highlight rule was missing, split, outdated or doubled, and was replaced. */
  rule: boolean;
  /** An older rule was found (its keys were written for it): every key must be rewritten. */
  outdatedRule: boolean;
  /** Identifier columns whose text format was restored on the checked rows. */
  textColumns: number[];
  /** Signs that formats were pasted: drop-downs and input messages must be applied again. */
  formatsPasted: boolean;
}

interface RuleItem {
  item: Excel.ConditionalFormat;
  rule: Excel.ConditionalFormatRule;
  range: Excel.Range;
}

/**
 * The conditional formats of a sheet, read in two requests: their kinds first (loading a
 * custom rule's formula across rules of other kinds fails, office-js #2180), then the formula
 * and range of each custom one.
 */
export class RuleSurvey {
  private readonly formats: Excel.ConditionalFormatCollection;
  private rules: RuleItem[] = [];

  constructor(context: Excel.RequestContext, sheet: string) {
    this.formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    this.formats.load("items/type");
  }

  /** Once the kinds are synced: queues the formulas and ranges of the custom rules. */
  queueDetails(): void {
    this.rules = this.formats.items
      .filter((item) => item.type === "Custom")
      .map((item) => {
        const rule = item.custom.rule;
        rule.load("formula");
        const range = item.getRangeOrNullObject();
        range.load("rowIndex, columnIndex, rowCount, columnCount");
        return { item, rule, range };
      });
  }

  /** Once the details are synced: the rules that read this checks sheet's keys. */
  ours(checksSheet: string): RuleItem[] {
    return this.rules.filter((rule) => namesChecksSheet(rule.rule.formula, checksSheet));
  }
}

/**
 * Whether the rules read are exactly one highlight rule of today's kind over the area's
 * columns, from the first data row to the sheet's end.
 */
export function oneRuleOverArea(ours: readonly RuleItem[], geometry: AreaGeometry): boolean {
  const only = ours.length === 1 ? ours[0]! : undefined;
  const top = firstDataRow(geometry);
  return (
    only !== undefined &&
    isCurrentRule(only.rule.formula) &&
    !only.range.isNullObject &&
    only.range.rowIndex === top &&
    only.range.rowCount === LAST_ROW - top + 1 &&
    only.range.columnIndex === geometry.firstColumn &&
    only.range.columnCount === areaWidth(geometry)
  );
}

/**
 * Phase one, queued with a round's reads: the sheet's conditional formats (their kinds only:
 * loading a custom rule's formula across rules of other kinds fails, office-js #2180), the
 * number formats of identifier columns and the drop-downs' kinds on the checked rows.
 */
export class HealthCheck {
  private readonly rules: RuleSurvey;
  /** The identifier columns, and their formats read as one block (columns from `left`). */
  private readonly textColumns: number[] = [];
  private textRead?: { left: number; range: Excel.Range };
  private readonly listReads: Excel.DataValidation[] = [];
  private readonly top: number;
  private readonly bottom: number;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly scope: HealthScope
  ) {
    const { geometry, profile } = scope;
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    this.rules = new RuleSurvey(context, geometry.sheet);
    this.top = Math.max(scope.rows?.top ?? 0, firstDataRow(geometry));
    // The rows changed may reach past the area as it was before the change (a paste under
    // a table grows it): they are checked too.
    this.bottom = scope.rows?.bottom ?? geometry.lastRow;
    const rows = this.bottom - this.top + 1;
    if (rows < 1) return;
    profile.fields.forEach((field, i) => {
      const relative = geometry.mapping.columns[i];
      if (relative === undefined) return;
      const column = geometry.firstColumn + relative;
      if (field.identifier && scope.template) this.textColumns.push(column);
      if (scope.dropDowns.has(field.key))
        this.listReads.push(
          sheet.getRangeByIndexes(this.top, column, rows, 1).dataValidation.load("type")
        );
    });
    if (this.textColumns.length === 0 || rows > FORMAT_PROBE_ROWS) return;
    // One block from the first identifier column to the last, the columns between included:
    // a response of many one-cell rows costs the add-in more to read than one of wider rows.
    const left = Math.min(...this.textColumns);
    const width = Math.max(...this.textColumns) - left + 1;
    const range = sheet.getRangeByIndexes(this.top, left, rows, width).load("numberFormat");
    this.textRead = { left, range };
  }

  /**
   * Phase two, once phase one is synced: queues the formulas and ranges of the custom rules,
   * to ride with the round's next request.
   */
  ruleDetails(): () => void {
    return () => this.rules.queueDetails();
  }

  /** Once phase two is synced: queues the repairs and says what they were. */
  queueRepairs(): Repairs {
    const { geometry } = this.scope;
    const { checksSheet } = this.scope;
    const ours = this.rules.ours(checksSheet);
    const healthy = oneRuleOverArea(ours, geometry);
    const repairs: Repairs = {
      rule: !healthy,
      outdatedRule: ours.some((rule) => !isCurrentRule(rule.rule.formula)),
      textColumns: [],
      formatsPasted: false,
    };
    if (!healthy) {
      for (const rule of ours) rule.item.delete();
      queueHighlightRule(this.context, geometry, checksSheet);
    }
    // Keys of older rules were text in a text-formatted sheet; today's keep their type.
    if (repairs.outdatedRule)
      this.context.workbook.worksheets.getItem(checksSheet).getRange().numberFormat =
        "General" as unknown as string[][];
    const sheet = this.context.workbook.worksheets.getItem(geometry.sheet);
    const formats = this.textRead?.range.numberFormat as string[][] | undefined;
    for (const column of this.textColumns) {
      const at = column - (this.textRead?.left ?? 0);
      if (formats && formats.every((line) => line[at] === "@")) continue;
      repairs.textColumns.push(column);
      sheet.getRangeByIndexes(this.top, column, this.bottom - this.top + 1, 1).numberFormat =
        "@" as unknown as string[][];
    }
    const listsBroken = this.listReads.some((validation) => validation.type !== "List");
    // A rule split around some cells, or formats replaced there, is what a paste of formats
    // leaves: the drop-downs and input messages went with them.
    repairs.formatsPasted =
      listsBroken || repairs.textColumns.length > 0 || ours.some((rule) => rule.range.isNullObject);
    return repairs;
  }
}

/** The highlight rule over the area's columns, from the first data row to the sheet's end. */
export function queueHighlightRule(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  checksSheet = CHECKS_SHEET
): void {
  const top = firstDataRow(geometry);
  const range = context.workbook.worksheets
    .getItem(geometry.sheet)
    .getRangeByIndexes(top, geometry.firstColumn, LAST_ROW - top + 1, areaWidth(geometry));
  const format = range.conditionalFormats.add("Custom");
  format.custom.rule.formula = highlightFormula(
    cellAddress(top, geometry.firstColumn),
    checksSheet
  );
  format.custom.format.fill.color = HIGHLIGHT.fill;
  format.custom.format.font.color = HIGHLIGHT.font;
  // Colour is not enough: a colour-blind user, a black-and-white printout or a grey screen
  // loses the fill. Bold text keeps the cell apart in grey; a dashed box survives any printer
  // and is unlike the continuous borders people draw themselves (WCAG 1.4.1).
  format.custom.format.font.bold = true;
  for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
    const border = format.custom.format.borders.getItem(side);
    border.style = HIGHLIGHT.border;
    border.color = HIGHLIGHT.font;
  }
}
