import { fieldHeader, uiLanguageOf, type LiveSheet } from "../core";
import { firstDataRow, type AreaGeometry } from "./area";
import { isProblemsStatus, problemsStatus } from "./status";

/**
 * The status texts a round changes so that each row it read states its problems in words in
 * its status cell (or nothing once it has none): only cells that are empty or hold such words,
 * never a send's status. `read` is the status cells of the rows read in this round: a row
 * only judged again (a duplicate elsewhere changed) keeps its words until it is read.
 */
export function problemStatusChanges(
  live: LiveSheet,
  geometry: AreaGeometry,
  read: ReadonlyMap<number, string>
): { index: number; text: string }[] {
  if (geometry.statusColumn === undefined) return [];
  // The sheet's headers are in its language; a German one gets English words.
  const lang = uiLanguageOf(geometry.mapping.headerLang);
  const order = new Map(live.profile.fields.map((field, i) => [field.key, i]));
  const changes: { index: number; text: string }[] = [];
  for (const [index, now] of read) {
    if (now !== "" && !isProblemsStatus(now)) continue;
    const problems = live.isEmpty(index) ? [] : live.problemsOf(index);
    const fields = [...new Set(problems.map((problem) => problem.field))].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)
    );
    const headers = fields.map((key) => {
      const field = live.profile.fields.find((candidate) => candidate.key === key);
      return field ? fieldHeader(field, geometry.mapping.headerLang) : key;
    });
    const text = problems.length ? problemsStatus(problems.length, headers, lang) : "";
    if (text === now) continue;
    changes.push({ index, text });
  }
  return changes;
}

/**
 * Queues status texts (problem words, a created row's "in step" or not), one write per run of
 * neighbouring rows: a paste of 10,000 rows with problems costs a few ranges, not 10,000.
 */
export function queueStatusRuns(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  changes: readonly { index: number; text: string }[]
): void {
  if (geometry.statusColumn === undefined || changes.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const sorted = [...changes].sort((a, b) => a.index - b.index);
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]!.index === sorted[i - 1]!.index + 1) continue;
    const run = sorted.slice(start, i);
    sheet.getRangeByIndexes(
      firstDataRow(geometry) + run[0]!.index,
      geometry.firstColumn + geometry.statusColumn,
      run.length,
      1
    ).values = run.map((change) => [change.text]);
    start = i;
  }
}
