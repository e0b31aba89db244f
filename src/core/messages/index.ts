import { countryName } from "../countries";
import { fieldHeader, type Profile, type UiLang } from "../profile";
import type { Params } from "../rules";
import { en, type MessageKey } from "./en";
import { formatMessage, type MessageValue } from "./format";
import { fr } from "./fr";
import { HEADINGS } from "./headings";
import { nl } from "./nl";

export const CATALOGS: Readonly<Record<UiLang, Record<MessageKey, string>>> = { en, fr, nl };

/** What a problem says: the field it is on, its stable code and the values its message needs. */
export interface ProblemText {
  field: string;
  code: string;
  params?: Params;
}

/**
 * The message of a problem in a UI language. Messages are looked up by the field's rule kind
 * and reason ("beVatNumber.checksum"), then by the reason alone ("required").
 */
export function describeProblem(problem: ProblemText, lang: UiLang, profile: Profile): string {
  return describe(problem, lang, profile, CATALOGS[lang]);
}

/**
 * What a group of problems sharing a field and a code is called: said of every row of the
 * group (no row's own value), with the parameters the rule gives them all.
 */
export function describeGroup(problem: ProblemText, lang: UiLang, profile: Profile): string {
  return describe(problem, lang, profile, GROUP_CATALOGS[lang]);
}

/** Each catalog with its headings in place of the messages that name one row's value. */
const GROUP_CATALOGS: Readonly<Record<UiLang, Record<MessageKey, string>>> = {
  en: { ...en, ...HEADINGS.en },
  fr: { ...fr, ...HEADINGS.fr },
  nl: { ...nl, ...HEADINGS.nl },
};

function describe(
  problem: ProblemText,
  lang: UiLang,
  profile: Profile,
  catalog: Record<MessageKey, string>
): string {
  const field = profile.fields.find((candidate) => candidate.key === problem.field);
  const reason = problem.code.slice(problem.code.indexOf(".") + 1);
  const kind = field?.rule.kind;
  // A code no catalog knows comes from the partner API (`x.notInRegion`, `schema.type`): its own
  // words, in its params' `detail`, say more than the code would.
  const detail = problem.params?.detail;
  const template =
    (kind && catalog[`${kind}.${reason}` as MessageKey]) ??
    catalog[reason as MessageKey] ??
    (typeof detail === "string" && detail.trim() !== "" ? "{detail}" : catalog.refused);
  const params: Record<string, MessageValue> = { ...problem.params };
  if (typeof params.countryCode === "string")
    params.country = countryName(params.countryCode, lang);
  if (field) params.header = fieldHeader(field, lang);
  return formatMessage(template, lang, params);
}

export { HEADINGS } from "./headings";
export { formatMessage, messageParameters, type MessageParams } from "./format";
