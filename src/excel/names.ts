import type { UiLang } from "../core";

/** Names the add-in gives to what it creates in a workbook. */
export const TABLE_NAME = "BanqupClients";
/** Drop-down sources: country codes, locales, yes/no, the partner's templates. Very hidden. */
export const LISTS_SHEET = "BanqupLists";
/**
 * The highlight keys: for each invalid cell of the data, the same address here holds "!" and
 * the value judged invalid. A conditional format paints a data cell only while it still holds
 * that value, so an edited cell loses its highlight before the add-in has looked at it.
 */
export const CHECKS_SHEET = "BanqupChecks";

/** Which idempotency key each created client was created with (see status.ts). Very hidden. */
export const LEDGER_SHEET = "BanqupSent";

/** What the public registries said of each company number (see registry-memory.ts). Very hidden. */
export const REGISTRY_SHEET = "BanqupRegistry";

export const SETTINGS = {
  region: "banqup.region",
  area: "banqup.area",
  templates: "banqup.templates",
} as const;

/** The sheet the template is inserted into, in the user's language. */
export const TEMPLATE_SHEET_TITLE: Readonly<Record<UiLang, string>> = {
  fr: "Clients Banqup",
  nl: "Banqup-klanten",
  en: "Banqup clients",
};

/**
 * Excel's "light red fill with dark red text", in bold, in a dashed box of the same red: the
 * box and the bold tell an invalid cell without its colours (see queueHighlightRule).
 */
export const HIGHLIGHT = { fill: "#FFC7CE", font: "#9C0006", border: "Dash" } as const;
