import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { getProfile } from "../../src/core";
import { runCli as run } from "./run-cli";
import {
  BELGIAN_PLATFORM_HEADERS as SEED_000,
  MOROCCAN_PLATFORM_HEADERS as SEED_001,
} from "../support/platform-headers";
import { VALID } from "../../testkit/judge";

const dir = mkdtempSync(join(tmpdir(), "export-cli-"));
const be = getProfile("be");
const ma = getProfile("ma");

/** Every cell of the first sheet as ExcelJS reads it: its value and its type. */
async function readBack(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const rows: { values: unknown[]; types: ExcelJS.ValueType[]; formats: string[] }[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    const types: ExcelJS.ValueType[] = [];
    const formats: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS's cells, not Office.js proxies */
      const cell = row.getCell(c);
      values.push(cell.value ?? "");
      types.push(cell.type);
      formats.push(cell.numFmt ?? "");
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
    }
    rows.push({ values, types, formats });
  });
  return rows;
}

const csvCell = (value: unknown) =>
  /[",;\n]/.test(String(value ?? ""))
    ? `"${String(value).replace(/"/g, '""')}"`
    : String(value ?? "");
const csvFile = (name: string, rows: unknown[][]) => {
  const path = join(dir, name);
  writeFileSync(path, rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n");
  return path;
};
const beRow = (changes: Record<string, unknown> = {}) =>
  be.fields.map((f) => ({ ...VALID.be, ...changes })[f.key]);

describe("check-file --export: the Banqup import page's file", () => {
  it("writes the platform's headers and order, text cells, fixes applied, and leaves out invalid rows", async () => {
    // An export from accounting software: other headers (Dutch), messy values.
    const input = csvFile("messy.csv", [
      be.fields.map((f) => f.headers.nl),
      beRow({
        enterpriseNumber: "0403.019.261",
        vatNumber: "BE 0403 019 261",
        country: "belgique",
        mandate: "ja",
      }),
      beRow({
        companyName: '=HYPERLINK("x")',
        enterpriseNumber: "",
        vatNumber: "",
        externalReference: "+32-REF",
        contactEmail: "a@dupont.be",
        mandate: "",
      }),
      beRow({ contactEmail: "jan@acme", enterpriseNumber: "0123456749", vatNumber: "" }),
      beRow({ postalCode: "999", enterpriseNumber: "0202239951", vatNumber: "" }),
    ]);
    const out = join(dir, "import.xlsx");
    const { code, stdout, stderr } = await run(
      "--profile",
      "be",
      "--lang",
      "en",
      "--export",
      out,
      input
    );
    expect(code).toBe(1);
    expect(stdout).toBe(
      `2 rows written to ${out}, the Banqup import page's file; 2 rows left out, listed below: fix them and export again.`
    );
    // The rows left out, with what is still wrong, as the check lists problems.
    expect(stderr).toMatch(/^4 +Contact email +“jan@acme” is not a valid e-mail address/m);
    expect(stderr).toMatch(/^5 +Postal code /m);

    const rows = await readBack(out);
    expect(rows[0]!.values).toEqual(SEED_000);
    expect(rows).toHaveLength(3);
    const [first, second] = [rows[1]!, rows[2]!];
    const at = (line: typeof first, key: string) =>
      line.values[be.fields.findIndex((f) => f.key === key)];
    // Certain fixes applied; leading zeros kept; the platform's Oui/Non.
    expect(at(first, "enterpriseNumber")).toBe("0403019261");
    expect(at(first, "vatNumber")).toBe("BE0403019261");
    expect(at(first, "country")).toBe("BE");
    expect(at(first, "mandate")).toBe("Oui");
    expect(at(first, "configurationTemplate")).toBe("Standard");
    // Values that look like formulas stay text.
    expect(at(second, "companyName")).toBe('=HYPERLINK("x")');
    expect(at(second, "externalReference")).toBe("+32-REF");
    for (const line of [first, second])
      line.types.forEach((type, i) => {
        if (line.values[i] === "") return;
        expect([i, type]).toEqual([i, ExcelJS.ValueType.String]);
        expect(line.formats[i]).toBe("@");
      });
  });

  it("writes Morocco's twelve columns A to L, without marks; exit 0 when every row went in", async () => {
    const input = csvFile("ma.csv", [
      ma.fields.map((f) => f.headers.fr),
      ma.fields.map((f) => ({ ...VALID.ma, country: "Maroc", companyLanguage: "Français" })[f.key]),
    ]);
    const out = join(dir, "ma.xlsx");
    const { code, stderr } = await run("--profile", "ma", "--export", out, input);
    expect([code, stderr]).toEqual([0, ""]);
    const rows = await readBack(out);
    expect(rows[0]!.values).toEqual(SEED_001);
    const line = rows[1]!.values;
    expect(line[ma.fields.findIndex((f) => f.key === "country")]).toBe("MA");
    expect(line[ma.fields.findIndex((f) => f.key === "companyLanguage")]).toBe("fr");
    expect(line[ma.fields.findIndex((f) => f.key === "ice")]).toBe(VALID.ma.ice);
  });

  it("a required column the sheet lacks leaves every row out, never a file without it", async () => {
    const keys = be.fields.filter((f) => f.key !== "contactLocale");
    const input = csvFile("nolocale.csv", [
      keys.map((f) => f.headers.fr),
      keys.map((f) => VALID.be[f.key]),
    ]);
    const out = join(dir, "nolocale.xlsx");
    const { code, stdout } = await run("--profile", "be", "--json", "--export", out, input);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      exported: [],
      leftOut: [{ row: 2, problems: [{ field: "contactLocale", code: "contactLocale.required" }] }],
    });
    expect(await readBack(out)).toHaveLength(1);
  });

  it("refuses an output that is not .xlsx, and one it cannot write, with exit 2", async () => {
    const input = csvFile("ok.csv", [be.fields.map((f) => f.headers.fr), beRow()]);
    const bad = await run("--profile", "be", "--export", join(dir, "out.csv"), input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--export names the \.xlsx file to write/);
    const unwritable = await run(
      "--profile",
      "be",
      "--export",
      join(dir, "no", "such", "out.xlsx"),
      input
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^validate: cannot write .*out\.xlsx: /);
  });
});
