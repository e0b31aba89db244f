import { parseArgs } from "node:util";
import {
  describeProblem,
  getProfile,
  isProfileId,
  isUiLang,
  PROFILE_IDS,
  UI_LANGUAGES,
  uiLanguageOf,
  validateSheet,
  type Problem,
  type UiLang,
} from "../core";
import { formatTable } from "./format-table";
import { readSheet, UnusableInput } from "./read-sheet";

const USAGE = `usage: npm run --silent check-file -- --profile ${PROFILE_IDS.join("|")} [--json] [--lang ${UI_LANGUAGES.join("|")}] FILE`;

/** Exit codes: 0 no problems, 1 problems found, 2 the input cannot be used. */
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
      options: { profile: { type: "string" }, json: { type: "boolean" }, lang: { type: "string" } },
    });
  } catch (error) {
    err(`validate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { profile: profileId, json, lang = defaultLanguage() } = options.values;
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
  const profile = getProfile(profileId);
  let validation;
  try {
    validation = validateSheet(profile, await readSheet(file));
  } catch (error) {
    if (error instanceof UnusableInput) {
      err(`validate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (!validation) {
    err(
      `validate: ${file}: no header row found (expected column names such as “${profile.fields[0]!.headers[lang]}”)`
    );
    return 2;
  }
  const { rows, problems, warnings } = validation;
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
        rows: rows.length,
        problems: problems.map(described),
        // Likely typos in valid values: said, but they do not change the exit code.
        warnings: warnings.map(described),
      })
    );
  } else {
    out(formatTable(profile, rows.length, problems, lang, warnings));
  }
  return problems.length > 0 ? 1 : 0;
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
