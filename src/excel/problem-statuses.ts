import {
  fieldHeader,
  fieldPositions,
  uiLanguageOf,
  type LiveSheet,
  type Problem,
  type UiLang,
} from "../core";
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
  const headers = live.profile.fields.map((field) =>
    fieldHeader(field, geometry.mapping.headerLang)
  );
  const positions = fieldPositions(live.profile);
  // Rows with problems in the same columns say the same words: made once per set of columns
  // and count (a paste of 10,000 rows has a few dozen), not once per row.
  const made = new Map<string, string>();
  const changes: { index: number; text: string }[] = [];
  // forEach: it skips the rows not read, and allocates nothing per row (10,000 on a paste).
  read.forEach((now, index) => {
    if (now !== "" && !isProblemsStatus(now)) return;
    // Most rows: valid, with an empty status, and nothing to do.
    const invalid = !live.isEmpty(index) && live.hasProblems(index);
    if (!invalid && now === "") return;
    const text = invalid ? wordsFor(live.problemsOf(index), positions, headers, lang, made) : "";
    if (text !== now) changes.push({ index, text });
  });
  return changes;
}

/**
 * A row's problems in words: the columns in the sheet's order, each named once (a field the
 * API named that the profile has not, last, by its name). `made` holds the words made so far,
 * by the count and the columns' positions.
 */
function wordsFor(
  problems: readonly Problem[],
  positions: ReadonlyMap<string, number>,
  headers: readonly string[],
  lang: UiLang,
  made: Map<string, string>
): string {
  if (problems.length === 0) return "";
  const known: number[] = [];
  const others: string[] = [];
  for (const { field } of problems) {
    const position = positions.get(field);
    if (position === undefined) {
      if (!others.includes(field)) others.push(field);
    } else if (!known.includes(position)) known.push(position);
  }
  known.sort((a, b) => a - b);
  const named = () => [...known.map((position) => headers[position]!), ...others];
  // Fields the profile has not (named by the API) are rare: their words are not kept.
  if (others.length > 0) return problemsStatus(problems.length, named(), lang);
  const key = `${problems.length}:${known.join(",")}`;
  let words = made.get(key);
  if (words === undefined) {
    words = problemsStatus(problems.length, named(), lang);
    made.set(key, words);
  }
  return words;
}

/** The line of an empty status cell, shared: most rows of a paste between changed ones. */
const NO_TEXT: readonly string[] = Object.freeze([""]);

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
    const values: (readonly string[])[] = [];
    for (let index = first; index <= last; index++) {
      const text = texts[index] ?? read[index] ?? "";
      values.push(text === "" ? NO_TEXT : [text]);
    }
    sheet.getRangeByIndexes(
      firstDataRow(geometry) + first,
      geometry.firstColumn + geometry.statusColumn!,
      values.length,
      1
    ).values = values as string[][];
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
