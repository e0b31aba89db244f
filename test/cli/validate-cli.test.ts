import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { getProfile } from "../../src/core";
import { runCli as run } from "./run-cli";
import { detectDelimiter } from "../../src/cli/read-sheet";
import { VALID } from "../../testkit/judge";

const dir = mkdtempSync(join(tmpdir(), "validate-cli-"));
const be = getProfile("be");
const ma = getProfile("ma");

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const csvCell = (value: unknown) =>
  /[",;\n]/.test(String(value ?? ""))
    ? `"${String(value).replace(/"/g, '""')}"`
    : String(value ?? "");
const csv = (rows: unknown[][], sep = ",") =>
  rows.map((row) => row.map(csvCell).join(sep)).join("\r\n") + "\r\n";
const beHeaders = be.fields.map((f) => f.headers.fr);
const beRow = (changes: Record<string, unknown> = {}) =>
  be.fields.map((f) => ({ ...VALID.be, ...changes })[f.key]);

describe("validate CLI: JSON output", () => {
  it("prints exactly one JSON object with sheet row numbers, codes, messages and fixes; exit 1", async () => {
    const path = file(
      "be.csv",
      csv([
        beHeaders,
        beRow(),
        beRow({ vatNumber: "BE 0123 456 749", enterpriseNumber: "" }),
        beRow({ enterpriseNumber: "0123456748", vatNumber: "" }),
      ])
    );
    const { code, stdout } = await run("--profile", "be", "--json", "--lang", "en", path);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      profile: "be",
      rows: 3,
      warnings: [],
      problems: [
        {
          row: 3,
          field: "vatNumber",
          code: "vatNumber.format",
          message: expect.stringContaining("BE and 10 digits"),
          fix: "BE0123456749",
        },
        {
          row: 4,
          field: "enterpriseNumber",
          code: "enterpriseNumber.checksum",
          message: expect.stringContaining("does not exist"),
          fix: null,
        },
      ],
    });
  });
  it("exits 0 with no problems", async () => {
    const path = file("clean.csv", csv([beHeaders, beRow()]));
    const { code, stdout } = await run("--profile", "be", "--json", path);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ profile: "be", rows: 1, problems: [], warnings: [] });
  });
  it("prints no terminal control sequence from a cell (ESC, bidi overrides)", async () => {
    const hostile = "\u001b]0;pwned\u0007\u001b[31mred\u202egnp.exe";
    const path = file("hostile.csv", csv([beHeaders, beRow({ contactEmail: hostile })]));
    const { code, stdout } = await run("--profile", "be", "--lang", "en", path);
    expect(code).toBe(1);
    expect(stdout).toContain("red");
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    expect(stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  });
  it("lists likely typos as warnings, which do not change the exit code", async () => {
    const path = file("typo.csv", csv([beHeaders, beRow({ contactEmail: "sophie@gmail.con" })]));
    const json = await run("--profile", "be", "--json", "--lang", "en", path);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).warnings).toEqual([
      {
        row: 2,
        field: "contactEmail",
        code: "contactEmail.domainTypo",
        message: "“sophie@gmail.con” looks like a typo: did you mean sophie@gmail.com?",
        fix: null,
      },
    ]);
    const table = await run("--profile", "be", "--lang", "en", path);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("1 value to check (likely typos, the rows stay valid):");
    expect(table.stdout).toContain("did you mean sophie@gmail.com?");
  });
  it("writes messages in the chosen language", async () => {
    const path = file("lang.csv", csv([beHeaders, beRow({ country: "belgique" })]));
    const fr = JSON.parse((await run("--profile", "be", "--json", "--lang", "fr", path)).stdout);
    const nl = JSON.parse((await run("--profile", "be", "--json", "--lang", "nl", path)).stdout);
    expect(fr.problems[0]).toMatchObject({
      code: "country.name",
      fix: "BE",
      message: "Indiquez le code pays à deux lettres, pas le nom.",
    });
    expect(nl.problems[0].message).toBe("Schrijf de landcode van twee letters, niet de naam.");
  });
});

describe("validate CLI: CSV input", () => {
  const rows = [beHeaders, beRow({ companyName: "Dupont; Fils & Cie", mandate: "Non" })];
  it.each([
    ["comma", csv(rows, ",")],
    ["semicolon", csv(rows, ";")],
    ["semicolon with a UTF-8 BOM", "\uFEFF" + csv(rows, ";")],
  ])("reads %s", async (_name, content) => {
    const path = file(`${_name.replace(/\W/g, "-")}.csv`, content);
    const { code, stdout } = await run("--profile", "be", "--json", path);
    expect(JSON.parse(stdout)).toMatchObject({ rows: 1, problems: [] });
    expect(code).toBe(0);
  });
  it("honours Excel's 'sep=' first line, which is not a row", async () => {
    const path = file("sep.csv", "sep=;\r\n" + csv([beHeaders, beRow({ iban: "BE00" })], ";"));
    const { stdout } = await run("--profile", "be", "--json", path);
    expect(JSON.parse(stdout).problems).toEqual([
      expect.objectContaining({ row: 2, code: "iban.invalid" }),
    ]);
  });
  it("reads Windows-1252 text (Excel's CSV on Windows)", async () => {
    const text = csv([beHeaders, beRow({ companyName: "Société Générale" })], ";");
    const path = file("cp1252.csv", Buffer.from(text, "latin1"));
    const { stdout } = await run("--profile", "be", "--json", path);
    expect(JSON.parse(stdout)).toMatchObject({ rows: 1, problems: [] });
  });
  it("finds translated headers in any order; a missing optional column is fine, a missing required one is one problem", async () => {
    const keep = ma.fields.filter((f) => f.key !== "iban" && f.key !== "city").reverse();
    const path = file(
      "ma.csv",
      csv([
        keep.map((f) => `${f.headers.en}${f.required ? "*" : ""}`),
        keep.map((f) => VALID.ma[f.key]),
        keep.map((f) => VALID.ma[f.key]),
      ])
    );
    const { code, stdout } = await run("--profile", "ma", "--json", path);
    const result = JSON.parse(stdout);
    expect(result.rows).toBe(2);
    expect(result.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [1, "city.missingColumn"],
      [2, "ice.duplicate"],
      [3, "ice.duplicate"],
    ]);
    expect(code).toBe(1);
  });
  it("checks 10,000 identical rows with a JSON answer under 10 MB, every row told", async () => {
    const path = file(
      "same.csv",
      csv([beHeaders, ...Array.from({ length: 10_000 }, () => beRow())])
    );
    const { code, stdout } = await run("--profile", "be", "--json", "--lang", "en", path);
    expect(code).toBe(1);
    expect(Buffer.byteLength(stdout)).toBeLessThan(10_000_000);
    const result = JSON.parse(stdout);
    expect(result.problems).toHaveLength(20_000);
    expect(result.problems.at(-1)).toMatchObject({
      row: 10_001,
      code: "vatNumber.duplicate",
      message:
        "The same value is on rows 2, 3, and 4 (and 9996 more): each client must appear once.",
    });
  });
  it("detects the delimiter from the first lines, ignoring separators inside quotes", () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(";");
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
  });
});

describe("validate CLI: xlsx input", () => {
  it("reads the first sheet, with number, hyperlink, formula and rich-text cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clients");
    workbook.addWorksheet("Other").addRow(["ignored"]);
    sheet.addRow(["Import de clients"]);
    sheet.addRow(beHeaders);
    const row = beRow({ enterpriseNumber: 403019261 }) as ExcelJS.CellValue[];
    const emailColumn = be.fields.findIndex((f) => f.key === "contactEmail");
    row[emailColumn] = {
      text: "marie.dupont@dupont.be",
      hyperlink: "mailto:marie.dupont@dupont.be",
    };
    row[0] = { richText: [{ text: "Boulangerie " }, { text: "Dupont", font: { bold: true } }] };
    row[be.fields.findIndex((f) => f.key === "houseNumber")] = { formula: "6*2", result: 12 };
    sheet.addRow(row);
    const path = join(dir, "clients.xlsx");
    await workbook.xlsx.writeFile(path);
    const { code, stdout } = await run("--profile", "be", "--json", path);
    expect(JSON.parse(stdout)).toEqual({
      profile: "be",
      rows: 1,
      warnings: [],
      problems: [
        {
          row: 3,
          field: "enterpriseNumber",
          code: "enterpriseNumber.leadingZero",
          message: expect.any(String),
          fix: "0403019261",
        },
      ],
    });
    expect(code).toBe(1);
  });
});

describe("validate CLI: unusable input exits 2 with one clear line", () => {
  it.each([
    ["a missing file", () => join(dir, "nope.xlsx"), /no such file/],
    ["a broken .xlsx", () => file("broken.xlsx", "this is not a zip"), /not a readable \.xlsx/],
    [
      "a binary file",
      () => file("image.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
      /not a spreadsheet/,
    ],
    ["an old .xls", () => file("old.xls", "whatever"), /\.xls format is not supported/],
    ["a sheet without a header row", () => file("noheader.csv", "a,b,c\n1,2,3\n"), /no header row/],
  ])("%s", async (_name, makePath, message) => {
    const { code, stdout, stderr } = await run("--profile", "be", "--json", makePath());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(1);
  });
  it.each([
    [["--json", "x.csv"]],
    [["--profile", "fr", "x.csv"]],
    [["--profile", "be", "--lang", "de", "x.csv"]],
    [["--profile", "be"]],
    [["--profile", "be", "--bogus", "x.csv"]],
  ])("bad arguments %j", async (args) => {
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run --silent check-file/);
  });
});

describe("the npm script, as a user runs it", () => {
  const npm = (args: string[]) =>
    spawnSync("npm", ["run", "--silent", "check-file", "--", ...args], {
      encoding: "utf8",
      cwd: join(__dirname, "../.."),
    });
  it("prints JSON only on stdout and exits 1 on problems", () => {
    const path = file("npm.csv", csv([beHeaders, beRow({ iban: "be68 5390 0754 7034" })]));
    const result = npm(["--profile", "be", "--json", path]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: "iban",
        code: "iban.format",
        fix: "BE68539007547034",
      }),
    ]);
  });
  it("prints a readable table without --json", () => {
    const path = file("table.csv", csv([beHeaders, beRow({ contactLocale: "FR_be" })]));
    const result = npm(["--profile", "be", "--lang", "fr", path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Langue du contact");
    expect(result.stdout).toContain("→ correction: fr-BE");
    expect(result.stdout).toContain("1 ligne vérifiée, 1 problème (1 avec une correction).");
  });
  it("exits 2 on a missing file", () => {
    const result = npm(["--profile", "ma", join(dir, "missing.csv")]);
    expect(result.status).toBe(2);
    expect(
      result.stderr
        .trim()
        .split("\n")
        .filter((l) => !l.includes("npm warn"))
    ).toHaveLength(1);
  });
});
