/** The rules engine: pure TypeScript, no Office, no DOM, no network. */
export * from "./profile";
export * from "./profiles";
export * from "./rules";
export * from "./problem";
export * from "./validate";
export * from "./headers";
export * from "./messages";
export { cellText, foldForLookup, type Cell } from "./text";
export { countryNameIndex } from "./countries";
export { languageNameIndex } from "./languages";
export * from "./live";
export * from "./registry";
export * from "./platform-file";
export * from "./lists";
export { canonicalJson, rowPrint } from "./canonical-json";
export { suggestEmailDomain } from "./email";
export * from "./row-fixes";
