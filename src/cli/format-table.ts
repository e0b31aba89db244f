import {
  describeProblem,
  fieldHeader,
  formatMessage,
  type Problem,
  type Profile,
  type UiLang,
} from "../core";

const LABELS: Record<
  UiLang,
  {
    row: string;
    column: string;
    problem: string;
    fix: string;
    summary: string;
    warnings: string;
  }
> = {
  en: {
    row: "Row",
    column: "Column",
    problem: "Problem",
    fix: "fix",
    summary:
      "{rows, plural, one {# row} other {# rows}} checked, {problems, plural, =0 {no problems.} one {# problem ({fixes} with a fix).} other {# problems ({fixes} with a fix).}}",
    warnings:
      "{count, plural, one {# value to check} other {# values to check}} (likely typos, the rows stay valid):",
  },
  fr: {
    row: "Ligne",
    column: "Colonne",
    problem: "Problème",
    fix: "correction",
    summary:
      "{rows, plural, one {# ligne vérifiée} other {# lignes vérifiées}}, {problems, plural, =0 {aucun problème.} one {# problème ({fixes} avec une correction).} other {# problèmes ({fixes} avec une correction).}}",
    warnings:
      "{count, plural, one {# valeur à vérifier} other {# valeurs à vérifier}} (fautes de frappe probables, les lignes restent valides) :",
  },
  nl: {
    row: "Rij",
    column: "Kolom",
    problem: "Probleem",
    fix: "correctie",
    summary:
      "{rows, plural, one {# rij} other {# rijen}} gecontroleerd, {problems, plural, =0 {geen problemen.} one {# probleem ({fixes} met een correctie).} other {# problemen ({fixes} met een correctie).}}",
    warnings:
      "{count, plural, one {# waarde na te kijken} other {# waarden na te kijken}} (waarschijnlijke tikfouten, de rijen blijven geldig):",
  },
};

/** A readable table for a terminal: one problem a line, its fix on the line below. */
export function formatTable(
  profile: Profile,
  rowCount: number,
  problems: Problem[],
  lang: UiLang,
  warnings: readonly Problem[] = []
): string {
  const labels = LABELS[lang];
  const header = (key: string) => {
    const field = profile.fields.find((candidate) => candidate.key === key);
    return field ? fieldHeader(field, lang) : key;
  };
  const lines: string[] = [];
  if (problems.length > 0) {
    const rowWidth = Math.max(labels.row.length, ...problems.map((p) => String(p.row).length));
    const columnWidth = Math.max(
      labels.column.length,
      ...problems.map((p) => header(p.field).length)
    );
    const line = (row: string, column: string, text: string) =>
      `${row.padEnd(rowWidth)}  ${column.padEnd(columnWidth)}  ${text}`;
    lines.push(line(labels.row, labels.column, labels.problem));
    for (const problem of problems) {
      lines.push(
        line(
          String(problem.row),
          header(problem.field),
          `${describeProblem(problem, lang, profile)} [${problem.code}]`
        )
      );
      if (problem.fix !== null) lines.push(line("", "", `→ ${labels.fix}: ${problem.fix}`));
    }
    lines.push("");
  }
  if (warnings.length > 0) {
    lines.push(formatMessage(labels.warnings, lang, { count: warnings.length }));
    for (const warning of warnings)
      lines.push(
        `${warning.row}  ${header(warning.field)}  ${describeProblem(warning, lang, profile)}`
      );
    lines.push("");
  }
  const fixes = problems.filter((p) => p.fix !== null).length;
  lines.push(
    formatMessage(labels.summary, lang, { rows: rowCount, problems: problems.length, fixes })
  );
  return lines.map(forTerminal).join("\n");
}

/**
 * Cell text as a terminal may print it: control characters (ESC sequences that recolour,
 * move the cursor or retitle the window, bells, carriage returns) and bidirectional overrides
 * (which reorder what is shown) become spaces. The file's text cannot act on the terminal.
 */
function forTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, " ");
}
