import { iceFrom } from "./oracles";
import {
  getProfile,
  Validator,
  type Cell,
  type Problem,
  type ProfileId,
  type ValidateOptions,
} from "../src/core";

/** A row that passes every rule of its profile; tests change one or two cells of it. */
export const VALID: Record<ProfileId, Record<string, Cell>> = {
  be: {
    companyName: "Boulangerie Dupont SRL",
    country: "BE",
    contactEmail: "marie.dupont@dupont.be",
    contactFirstName: "Marie",
    contactLastName: "Dupont",
    contactLocale: "fr-BE",
    enterpriseNumber: "0403019261",
    vatNumber: "BE0403019261",
    externalReference: "CL-0042",
    iban: "BE68539007547034",
    street: "Rue Haute",
    houseNumber: "12",
    postalBox: "B3",
    postalCode: "1000",
    city: "Bruxelles",
    mandate: "Oui",
    configurationTemplate: "Standard",
  },
  ma: {
    companyName: "Atlas Négoce SARL",
    address: "12 boulevard Zerktouni",
    postalCode: "20250",
    city: "Casablanca",
    country: "MA",
    ice: iceFrom("0015258670000"),
    taxId: "1234567",
    iban: "MA64011519000001205000534921",
    companyLanguage: "fr",
    contactName: "Youssef Alami",
    contactLanguage: "ar",
    contactEmail: "y.alami@atlas.ma",
  },
};

/** Problems of one row: the profile's valid row with `changes` applied. */
export function judge(
  profileId: ProfileId,
  changes: Record<string, Cell>,
  options: ValidateOptions = {}
): Problem[] {
  const profile = getProfile(profileId);
  const record = { ...VALID[profileId], ...changes };
  const validator = new Validator(profile, options);
  const cells = profile.fields.map((field) => record[field.key]);
  return validator.validateRow({ row: 2, cells })?.problems ?? [];
}

/** Warnings of one row (valid values worth a second look), as `codes` writes them. */
export function warningCodes(profileId: ProfileId, changes: Record<string, Cell>): string[] {
  const profile = getProfile(profileId);
  const record = { ...VALID[profileId], ...changes };
  const cells = profile.fields.map((field) => record[field.key]);
  const validator = new Validator(profile, { listedForms: true });
  return codes(validator.validateRow({ row: 2, cells })?.warnings ?? []);
}

/** The normalized value the row gets for one field, when it is valid. */
export function normalized(profileId: ProfileId, key: string, cell: Cell): unknown {
  const profile = getProfile(profileId);
  const record = { ...VALID[profileId], [key]: cell };
  const result = new Validator(profile).validateRow({
    row: 2,
    cells: profile.fields.map((f) => record[f.key]),
  });
  return result?.values[profile.fields.findIndex((f) => f.key === key)];
}

/** Compact view for assertions: "code→fix" for each problem. */
export function codes(problems: Problem[]): string[] {
  return problems.map((p) => (p.fix === null ? p.code : `${p.code}→${p.fix}`));
}

/** Changes that empty every optional column (which columns are required is pinned in profiles.test). */
export function withoutOptionalColumns(profileId: ProfileId): Record<string, Cell> {
  const optional = getProfile(profileId).fields.filter((field) => !field.required);
  return Object.fromEntries(optional.map((field) => [field.key, ""]));
}

/** The keys of the profile's required columns. */
export function requiredKeys(profileId: ProfileId): string[] {
  return getProfile(profileId)
    .fields.filter((field) => field.required)
    .map((field) => field.key);
}
