import { parseArgs } from "node:util";
import { writeFile } from "node:fs/promises";
import {
  describeProblem,
  formatMessage,
  getProfile,
  isProfileId,
  isUiLang,
  platformFile,
  PROFILE_IDS,
  sheetRows,
  UI_LANGUAGES,
  uiLanguageOf,
  validateSheet,
  type Cell,
  type Problem,
  type Profile,
  type UiLang,
} from "../core";
import { platformXlsx } from "../core/platform-xlsx";
import { formatTable } from "./format-table";
import { readSheet, UnusableInput } from "./read-sheet";

const USAGE = `usage: npm run --silent check-file -- --profile ${PROFILE_IDS.join("|")} [--json] [--lang ${UI_LANGUAGES.join("|")}] [--export OUT.xlsx] FILE`;

/** What an export says it did, in the terminal's language. */
const EXPORTED: Record<UiLang, string> = {
  en: "{lines, plural, one {# row} other {# rows}} written to {file}, the Banqup import page's file{left, plural, =0 {.} one {; # row left out, listed below: fix it and export again.} other {; # rows left out, listed below: fix them and export again.}}",
  fr: "{lines, plural, one {# ligne écrite} other {# lignes écrites}} dans {file}, le fichier de la page d'import de Banqup{left, plural, =0 {.} one {; # ligne laissée de côté, ci-dessous : corrigez-la et exportez à nouveau.} other {; # lignes laissées de côté, ci-dessous : corrigez-les et exportez à nouveau.}}",
  nl: "{lines, plural, one {# rij} other {# rijen}} geschreven naar {file}, het bestand voor de importpagina van Banqup{left, plural, =0 {.} one {; # rij weggelaten, hieronder: verbeter ze en exporteer opnieuw.} other {; # rijen weggelaten, hieronder: verbeter ze en exporteer opnieuw.}}",
};

/**
 * Exit codes: 0 no problems, 1 problems found, 2 the input cannot be used. With --export:
 * 0 every row went into the file, 1 some were left out, 2 the input or the output failed.
 */
export async function main(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void
): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
        export: { type: "string" },
      },
    });
  } catch (error) {
    err(`validate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { profile: profileId, json, lang = defaultLanguage(), export: exportPath } = options.values;
  const [file, ...extra] = options.positionals;
  if (!profileId || !isProfileId(profileId)) {
    err(`validate: --profile must be one of ${PROFILE_IDS.join(", ")}\n${USAGE}`);
    return 2;
  }
  if (!isUiLang(lang)) {
    err(`validate: --lang must be one of ${UI_LANGUAGES.join(", ")}\n${USAGE}`);
    return 2;
  }
  if (!file || extra.length > 0) {
    err(`validate: give exactly one .xlsx or .csv file\n${USAGE}`);
    return 2;
  }
  if (exportPath !== undefined && !/\.xlsx$/i.test(exportPath)) {
    err(`validate: --export names the .xlsx file to write, not ${exportPath}\n${USAGE}`);
    return 2;
  }
  const profile = getProfile(profileId);
  let sheet: Cell[][];
  try {
    sheet = await readSheet(file);
  } catch (error) {
    if (error instanceof UnusableInput) {
      err(`validate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const noHeaderRow = () =>
    `validate: ${file}: no header row found (expected column names such as “${profile.fields[0]!.headers[lang]}”)`;
  if (exportPath !== undefined)
    return exportPlatformFile(profile, sheet, exportPath, {
      json: !!json,
      lang,
      out,
      err,
      noHeaderRow,
    });
  const validation = validateSheet(profile, sheet);
  if (!validation) {
    err(noHeaderRow());
    return 2;
  }
  const { rowCount, problems, warnings } = validation;
  if (json) {
    const described = (problem: Problem) => ({
      row: problem.row,
      field: problem.field,
      code: problem.code,
      message: describeProblem(problem, lang, profile),
      fix: problem.fix,
    });
    out(
      JSON.stringify({
        profile: profile.id,
        rows: rowCount,
        problems: problems.map(described),
        // Likely typos in valid values: said, but they do not change the exit code.
        warnings: warnings.map(described),
      })
    );
  } else {
    out(formatTable(profile, rowCount, problems, lang, warnings));
  }
  return problems.length > 0 ? 1 : 0;
}

/**
 * Writes the Banqup import page's file: the rows valid once their certain fixes are applied;
 * the others are left out and listed (on stderr, or in the JSON), never written half-right.
 */
async function exportPlatformFile(
  profile: Profile,
  sheet: Cell[][],
  path: string,
  io: {
    json: boolean;
    lang: UiLang;
    out: (text: string) => void;
    err: (text: string) => void;
    noHeaderRow: () => string;
  }
): Promise<number> {
  const rows = sheetRows(profile, sheet);
  if (!rows) {
    io.err(io.noHeaderRow());
    return 2;
  }
  const file = platformFile(profile, rows.options, rows.inputs());
  try {
    await writeFile(path, await platformXlsx(file));
  } catch (error) {
    io.err(`validate: cannot write ${path}: ${(error as Error).message}`);
    return 2;
  }
  const problems = file.leftOut.flatMap((row) => row.problems);
  if (io.json) {
    io.out(
      JSON.stringify({
        profile: profile.id,
        file: path,
        exported: file.lineRows,
        leftOut: file.leftOut.map((row) => ({
          row: row.row,
          problems: row.problems.map((problem) => ({
            field: problem.field,
            code: problem.code,
            message: describeProblem(problem, io.lang, profile),
          })),
        })),
      })
    );
  } else {
    io.out(
      formatMessage(EXPORTED[io.lang], io.lang, {
        lines: file.lines.length,
        file: path,
        left: file.leftOut.length,
      })
    );
    if (problems.length > 0)
      io.err(formatTable(profile, file.lines.length + file.leftOut.length, problems, io.lang));
  }
  return file.leftOut.length > 0 ? 1 : 0;
}

/** The terminal's language when it is one of ours, else English. */
function defaultLanguage(): UiLang {
  return uiLanguageOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`)
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`validate: unexpected error: ${(error as Error).message}\n`);
      process.exitCode = 2;
    }
  );
}
