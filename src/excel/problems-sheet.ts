import {
  cellText,
  describeProblem,
  fieldHeader,
  problemCells,
  type ProblemGroup,
  type UiLang,
} from "../core";
import { cellAddress } from "./address";
import { cellBytes, syncInGroups } from "./payload";
import { freeSheetName } from "./import-table";
import type { LiveSession } from "./session";

/** Row, column, value, message, link: widths in points that fit what each holds. */
const COLUMN_WIDTHS = [40, 120, 140, 320, 60];

/** One problem as the Problems sheet lists it. */
interface ProblemLine {
  /** 0-based sheet row and column of the cell. */
  row: number;
  column: number;
  header: string;
  value: string;
  message: string;
}

/**
 * Writes the problems to a new sheet, for a colleague or for later: sheet row, column, value,
 * message, and a link to the cell. Values are written as text (a value starting with "=" is
 * never a formula, "0123" keeps its zero); links are HYPERLINK formulas, one write for all.
 * Returns the new sheet's name, and shows it.
 */
async function writeProblemsSheet(
  context: Excel.RequestContext,
  areaSheet: string,
  title: string,
  headers: readonly [string, string, string, string, string],
  lines: readonly ProblemLine[]
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = freeSheetName(
    title,
    sheets.items.map((sheet) => sheet.name)
  );
  const sheet = sheets.add(name);
  sheet.getRange("A:D").numberFormat = "@" as unknown as string[][];
  sheet.getRange("A1:E1").values = [[...headers]];
  const target = areaSheet.replace(/'/g, "''");
  const numbered = lines.map((line, index) => ({ line, index }));
  await syncInGroups(
    context,
    numbered,
    ({ line }) => cellBytes(line.value) + cellBytes(line.message) + 2 * cellBytes(target) + 64,
    (group) => {
      const top = group[0]!.index + 1;
      const cells = group.map(({ line }) => {
        const address = cellAddress(line.row, line.column);
        return [
          String(line.row + 1),
          line.header,
          line.value,
          line.message,
          `=HYPERLINK("#'${target}'!${address}","${address}")`,
        ];
      });
      sheet.getRangeByIndexes(top, 0, cells.length, 5).formulas = cells;
    }
  );
  COLUMN_WIDTHS.forEach((points, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = points;
  });
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  await context.sync();
  return name;
}

/** The words of the Problems sheet, in the pane's language: its name and its headers. */
export interface ProblemsSheetWords {
  title: string;
  headers: readonly [string, string, string, string, string];
}

/**
 * Lists every problem of the groups on a new sheet, in sheet order, with each cell's value as
 * it is now and a link to it. Returns the sheet's name ("" when the area is not read yet).
 */
export async function listProblemsOnSheet(
  session: LiveSession,
  groups: readonly ProblemGroup[],
  lang: UiLang,
  words: ProblemsSheetWords
): Promise<string> {
  const { profile, rows } = session;
  const lines: ProblemLine[] = problemCells(groups, profile).flatMap(({ index, field }) => {
    const at = session.cellOf(index, field);
    const position = profile.fields.findIndex((candidate) => candidate.key === field);
    if (!at || position < 0) return [];
    const value = cellText(rows?.cellsOf(index)?.[position]);
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
  return session.excel((context, { geometry }) =>
    geometry
      ? writeProblemsSheet(context, geometry.sheet, words.title, words.headers, lines)
      : Promise.resolve("")
  );
}
