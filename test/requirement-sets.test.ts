import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditRequirementSets } from "../scripts/audit-requirement-sets";

const root = join(__dirname, "..");
const manifest = join(root, "manifest.xml");

/** A source file outside the repo, audited against a manifest. */
function audit(source: string, manifestXml = readFileSync(manifest, "utf8")) {
  const folder = mkdtempSync(join(tmpdir(), "audit-"));
  const file = join(folder, "probe.ts");
  const manifestFile = join(folder, "manifest.xml");
  writeFileSync(file, source);
  writeFileSync(manifestFile, manifestXml);
  return auditRequirementSets({ root, manifest: manifestFile, files: [file] }).map(
    ({ member, set, version }) => `${member} ${set} ${version}`
  );
}

describe("requirement-set audit (the code against the manifest's API sets)", () => {
  it("finds nothing in the add-in's code: every member is within the declared sets", () => {
    expect(auditRequirementSets({ root, manifest })).toEqual([]);
  }, 60_000);

  it("flags an Excel member above the declared ExcelApi, unless an isSetSupported check guards it", () => {
    const unguarded = 'export const f = (r: Excel.Range) => r.getSpecialCells("Constants");';
    expect(audit(unguarded)).toEqual(["r.getSpecialCells ExcelApi 1.9"]);
    const guarded = `export function f(r: Excel.Range) {
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) r.getSpecialCells("Constants");
    }`;
    expect(audit(guarded)).toEqual([]);
  }, 60_000);

  it("flags a common API member whose set the manifest does not declare", () => {
    const source =
      'export const f = () => Office.context.ui.displayDialogAsync("https://localhost:3000/x");';
    const withoutDialogApi = readFileSync(manifest, "utf8").replace(
      /<Set Name="DialogApi"[^>]*\/>/,
      ""
    );
    expect(audit(source, withoutDialogApi)).toEqual([
      "Office.context.ui.displayDialogAsync DialogApi 1.1",
    ]);
    expect(audit(source)).toEqual([]);
  }, 60_000);
});
