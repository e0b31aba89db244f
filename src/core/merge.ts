import type { HeaderLang, Profile } from "./profile";
import { YES_NO, type Normalized } from "./rules";

/** A row's values as judged, one per profile field (undefined: empty). */
export type RowValues = readonly (Normalized | undefined)[];

/**
 * A value as a cell shows it: yes and no in the sheet's header language, everything else as
 * the text it is. Judged again, the text gives the value back.
 */
export function sheetTextOf(value: Normalized | undefined, headerLang: HeaderLang): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return YES_NO[headerLang][value ? 0 : 1];
  return value;
}

/** A field whose value differs between the sheet and Banqup. */
export interface FieldDifference {
  field: string;
  /** The field's position in the profile (and in row values). */
  position: number;
  sheet: Normalized | undefined;
  banqup: Normalized | undefined;
}

/** The fields whose values differ between a row and its client in Banqup. */
export function fieldDifferences(
  profile: Profile,
  sheet: RowValues,
  banqup: RowValues
): FieldDifference[] {
  return profile.fields.flatMap((field, position) => {
    const mine = emptyAsUndefined(sheet[position]);
    const theirs = emptyAsUndefined(banqup[position]);
    return mine === theirs ? [] : [{ field: field.key, position, sheet: mine, banqup: theirs }];
  });
}

function emptyAsUndefined(value: Normalized | undefined): Normalized | undefined {
  return value === "" ? undefined : value;
}

/**
 * What to do with a field that changed in both places: keep the sheet's value (Banqup gets
 * it), take Banqup's (the row gets it), or leave both as they are for now.
 */
export type MergeChoice = "sheet" | "banqup" | "leave";

export interface Merge {
  /** The row's values once the choices are made. */
  sheet: (Normalized | undefined)[];
  /** The client's values once the choices are made. */
  banqup: (Normalized | undefined)[];
  /** Fields the row receives (Banqup's values taken). */
  toSheet: FieldDifference[];
  /** Fields Banqup receives (the sheet's values kept). */
  toBanqup: FieldDifference[];
  /** Every difference was decided: the row and its client agree. */
  settled: boolean;
}

/** Applies one choice per differing field; a field with no choice is left. */
export function mergeValues(
  sheet: RowValues,
  banqup: RowValues,
  differences: readonly FieldDifference[],
  choices: ReadonlyMap<string, MergeChoice>
): Merge {
  const merge: Merge = {
    sheet: [...sheet],
    banqup: [...banqup],
    toSheet: [],
    toBanqup: [],
    settled: true,
  };
  for (const difference of differences) {
    const choice = choices.get(difference.field) ?? "leave";
    if (choice === "sheet") {
      merge.banqup[difference.position] = difference.sheet;
      merge.toBanqup.push(difference);
    } else if (choice === "banqup") {
      merge.sheet[difference.position] = difference.banqup;
      merge.toSheet.push(difference);
    } else merge.settled = false;
  }
  return merge;
}
