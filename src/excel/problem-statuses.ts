import { fieldHeader, uiLanguageOf, type LiveSheet } from "../core";
import { firstDataRow, type AreaGeometry } from "./area";
import { isProblemsStatus, problemsStatus } from "./status";

/** Texts by data row index; a row without one has no entry (a hole, skipped by forEach). */
export type RowTexts = string[];

/**
 * The status texts a round changes so that each row it read states its problems in words in
 * its status cell (or nothing once it has none): only cells that are empty or hold such words,
 * never a send's status. `read` is the status cells of the rows read in this round: a row
 * only judged again (a duplicate elsewhere changed) keeps its words until it is read.
 */
export function problemStatusChanges(
  live: LiveSheet,
  geometry: AreaGeometry,
  read: Readonly<RowTexts>
): { index: number; text: string }[] {
  if (geometry.statusColumn === undefined) return [];
  // The sheet's headers are in its language; a German one gets English words.
  const lang = uiLanguageOf(geometry.mapping.headerLang);
  const headers = live.profile.fields.map((field) => ({
    key: field.key,
    header: fieldHeader(field, geometry.mapping.headerLang),
  }));
  const changes: { index: number; text: string }[] = [];
  // forEach: it skips the rows not read, and allocates nothing per row (10,000 on a paste).
  read.forEach((now, index) => {
    if (now !== "" && !isProblemsStatus(now)) return;
    // Most rows: valid, with an empty status, and nothing to do.
    const invalid = !live.isEmpty(index) && live.hasProblems(index);
    if (!invalid && now === "") return;
    const problems = invalid ? live.problemsOf(index) : [];
    // The columns in the sheet's order, each named once (a field the API named that the
    // profile has not, last, by its name).
    const fields = new Set(problems.map((problem) => problem.field));
    const named = headers.filter(({ key }) => fields.delete(key)).map(({ header }) => header);
    named.push(...fields);
    const text = problems.length ? problemsStatus(problems.length, named, lang) : "";
    if (text !== now) changes.push({ index, text });
  });
  return changes;
}

/**
 * Queues status texts (problem words, a created row's "in step" or not) in as few writes as
 * possible: from the first row changed to the last, one range, the rows between written with
 * the text they were read with (`read`: the status cells read in this round), and a new range
 * only past a row not read. A paste of 10,000 rows, every other one with problems, is one
 * write, not 5,000.
 */
export function queueStatusRuns(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  changes: readonly { index: number; text: string }[],
  read: Readonly<RowTexts>
): void {
  if (geometry.statusColumn === undefined || changes.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const texts: RowTexts = [];
  for (const change of changes) texts[change.index] = change.text;
  const sorted = changes.map((change) => change.index).sort((a, b) => a - b);
  const write = (first: number, last: number) => {
    const values: string[][] = [];
    for (let index = first; index <= last; index++)
      values.push([texts[index] ?? read[index] ?? ""]);
    sheet.getRangeByIndexes(
      firstDataRow(geometry) + first,
      geometry.firstColumn + geometry.statusColumn!,
      values.length,
      1
    ).values = values;
  };
  let first = sorted[0]!;
  let last = first;
  for (let k = 1; k < sorted.length; k++) {
    const index = sorted[k]!;
    let bridged = true;
    for (let between = last + 1; between < index && bridged; between++)
      bridged = read[between] !== undefined;
    if (!bridged) {
      write(first, last);
      first = index;
    }
    last = index;
  }
  write(first, last);
}
