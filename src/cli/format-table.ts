import { describeProblem, fieldHeader, type Problem, type Profile, type UiLang } from "../core";

type Summary = (rows: number, problems: number, fixes: number) => string;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const LABELS: Record<
  UiLang,
  { row: string; column: string; problem: string; fix: string; summary: Summary }
> = {
  en: {
    row: "Row",
    column: "Column",
    problem: "Problem",
    fix: "fix",
    summary: (rows, problems, fixes) =>
      `${plural(rows, "row", "rows")} checked, ` +
      (problems === 0
        ? "no problems."
        : `${plural(problems, "problem", "problems")} (${fixes} with a fix).`),
  },
  fr: {
    row: "Ligne",
    column: "Colonne",
    problem: "Problème",
    fix: "correction",
    summary: (rows, problems, fixes) =>
      `${plural(rows, "ligne vérifiée", "lignes vérifiées")}, ` +
      (problems === 0
        ? "aucun problème."
        : `${plural(problems, "problème", "problèmes")} (${fixes} avec une correction).`),
  },
  nl: {
    row: "Rij",
    column: "Kolom",
    problem: "Probleem",
    fix: "correctie",
    summary: (rows, problems, fixes) =>
      `${plural(rows, "rij", "rijen")} gecontroleerd, ` +
      (problems === 0
        ? "geen problemen."
        : `${plural(problems, "probleem", "problemen")} (${fixes} met een correctie).`),
  },
};

/** A readable table for a terminal: one problem a line, its fix on the line below. */
export function formatTable(
  profile: Profile,
  rowCount: number,
  problems: Problem[],
  lang: UiLang
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
  lines.push(
    labels.summary(rowCount, problems.length, problems.filter((p) => p.fix !== null).length)
  );
  return lines.join("\n");
}
