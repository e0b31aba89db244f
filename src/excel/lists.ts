import {
  dropDownValues,
  fieldHeader,
  type FieldDef,
  type HeaderLang,
  type Profile,
  type UiLang,
} from "../core";
import { columnLetters, sheetReference } from "./address";
import type { TemplateInfo } from "./catalog";
import { LISTS_SHEET } from "./names";
import { queueHiddenSheet } from "./hidden-sheet";

/** Each drop-down has its own column of the lists sheet, values from row 2. */
const LIST_COLUMNS = ["countries", "locales", "yesNo", "configurationTemplates"] as const;
type ListKind = (typeof LIST_COLUMNS)[number];
/** More names than any partner has templates: the column is cleared this far on refresh. */
const MAX_LIST_LENGTH = 1000;

export function listValues(
  field: FieldDef,
  headerLang: HeaderLang,
  catalog: readonly TemplateInfo[]
): readonly string[] {
  return field.list === "configurationTemplates"
    ? catalog.map((template) => template.name)
    : dropDownValues(field, headerLang);
}

/** The formula a list validation points at; undefined for an empty list. */
function listSource(kind: ListKind, length: number): string | undefined {
  if (length === 0) return undefined;
  const column = columnLetters(LIST_COLUMNS.indexOf(kind));
  return `=${sheetReference(LISTS_SHEET)}!$${column}$2:$${column}$${length + 1}`;
}

/**
 * Writes every list the profile's drop-downs use into the lists sheet (created very hidden
 * when missing). Values are text-formatted first: "1000" must stay the text a user picks.
 */
export function queueListsWrite(
  context: Excel.RequestContext,
  listsExists: boolean,
  profile: Profile,
  headerLang: HeaderLang,
  catalog: readonly TemplateInfo[]
): void {
  const sheet = listsExists
    ? context.workbook.worksheets.getItem(LISTS_SHEET)
    : queueHiddenSheet(context, LISTS_SHEET, true);
  for (const field of profile.fields) {
    if (!field.list) continue;
    const values = listValues(field, headerLang, catalog);
    const index = LIST_COLUMNS.indexOf(field.list);
    const column = sheet.getRangeByIndexes(0, index, MAX_LIST_LENGTH + 1, 1);
    column.values = [
      [field.list],
      ...Array.from({ length: MAX_LIST_LENGTH }, (_, i) => [values[i] ?? ""]),
    ];
  }
}

/**
 * Drop-downs and input messages on the area's columns, from the first data row to the
 * bottom of the sheet so rows typed below a table get them too. A drop-down suggests and
 * never blocks (no error alert): the highlight explains what is wrong and offers the fix.
 */
export function queueColumnValidation(
  sheet: Excel.Worksheet,
  profile: Profile,
  columns: readonly (number | undefined)[],
  firstRow: number,
  lang: HeaderLang,
  catalog: readonly TemplateInfo[],
  /** The language of the input messages; none on a sheet the user brought. */
  promptLang?: UiLang
): void {
  profile.fields.forEach((field, i) => {
    const column = columns[i];
    if (column === undefined || (!field.list && !promptLang)) return;
    const range = sheet.getRange(
      `${columnLetters(column)}${firstRow + 1}:${columnLetters(column)}1048576`
    );
    range.dataValidation.clear();
    const source = field.list
      ? listSource(field.list, listValues(field, lang, catalog).length)
      : undefined;
    if (source) range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    range.dataValidation.errorAlert = {
      showAlert: false,
      style: "Information",
      title: "",
      message: "",
    };
    if (promptLang) {
      range.dataValidation.prompt = {
        showPrompt: true,
        title: clip(fieldHeader(field, promptLang), 32),
        message: clip(field.help[promptLang], 255),
      };
    }
  });
}

/** Excel caps an input message's title at 32 characters and its text at 255. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
