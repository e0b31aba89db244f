/** The rules engine: pure TypeScript, no Office, no DOM, no network. */
export {
  type FieldDef,
  fieldHeader,
  fieldPositions,
  HEADER_LANGUAGES,
  type HeaderLang,
  isUiLang,
  platformHeaderOf,
  type Profile,
  type ProfileId,
  UI_LANGUAGES,
  type UiLang,
  uiLanguageOf,
} from "./profile";
export { profileSchema } from "./profile-schema";
export { getProfile, isProfileId, PROFILE_IDS, profileIdForLocale, PROFILES } from "./profiles";
export { compileRule, Failure, type FieldChecker } from "./rules";
export { type Problem } from "./problem";
export { unionAscending } from "./ascending";
export {
  type RowInput,
  sheetRows,
  type ValidateOptions,
  validateSheet,
  Validator,
} from "./validate";
export {
  absentFields,
  type ColumnMapping,
  findColumns,
  headerKey,
  mapHeaderRow,
  type MappingOverrides,
} from "./headers";
export {
  CATALOGS,
  describeGroup,
  describeProblem,
  formatMessage,
  HEADINGS,
  messageParameters,
  type MessageParams,
} from "./messages";
export { LiveSheet, type LiveSummary, type RowSnapshot } from "./live";
export type { ProblemGroup } from "./problem-groups";
export { sameCells } from "./same-cells";
export { type DuplicateSet, duplicateSets } from "./duplicate-sets";
export {
  companyNameKey,
  isRegistryFillCode,
  type RegistryAnswer,
  sameCompanyName,
} from "./registry";
export { type PlatformFile, platformFile } from "./platform-file";
export { dropDownValues } from "./lists";
export { type CellPlace, certainFixes, problemCells, registryFills, sheetOrder } from "./row-fixes";
export { type Cell, cellText, foldForLookup } from "./text";
export { countryNameIndex } from "./countries";
export { languageNameIndex } from "./languages";
export { canonicalJson, rowPrint } from "./canonical-json";
export { sha256Hex } from "./sha256";
export { suggestEmailDomain } from "./email";
export {
  type FieldDifference,
  fieldDifferences,
  type MergeChoice,
  mergeValues,
  type RowValues,
  sheetTextOf,
} from "./merge";
