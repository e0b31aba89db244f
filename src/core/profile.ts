import { FIELD_DEFAULTS, type HeaderLang } from "./profile-basics";
import type { FieldDef, Profile, ProfileInput } from "./profile-schema";

export {
  HEADER_LANGUAGES,
  type HeaderLang,
  isUiLang,
  UI_LANGUAGES,
  type UiLang,
  uiLanguageOf,
} from "./profile-basics";
export type { FieldDef, Profile, ProfileId, RegistrySpec, RuleSpec } from "./profile-schema";

/** A profile with its fields' defaults filled in, as the schema would (the tests compare). */
export function defineProfile(data: ProfileInput): Profile {
  return {
    ...data,
    fields: data.fields.map((field) => ({
      ...field,
      unique: field.unique ?? FIELD_DEFAULTS.unique,
      identifier: field.identifier ?? FIELD_DEFAULTS.identifier,
      aliases: field.aliases ?? [...FIELD_DEFAULTS.aliases],
      width: field.width ?? FIELD_DEFAULTS.width,
    })),
  };
}

const positionsByFields = new WeakMap<readonly FieldDef[], ReadonlyMap<string, number>>();

/**
 * Each field's position in a row's cells (profile order), by its key. Made once per list of
 * fields: a change of the sheet asks for it every round.
 */
export function fieldPositions(profile: Pick<Profile, "fields">): ReadonlyMap<string, number> {
  let positions = positionsByFields.get(profile.fields);
  if (!positions) {
    positions = new Map(profile.fields.map((field, i) => [field.key, i]));
    positionsByFields.set(profile.fields, positions);
  }
  return positions;
}

/** The header the platform's own import template gives this column (in French). */
export function platformHeaderOf(field: FieldDef): string {
  return field.platformHeader ?? field.headers.fr;
}

export function fieldHeader(field: FieldDef, lang: HeaderLang): string {
  return field.headers[lang] ?? field.headers.en;
}
