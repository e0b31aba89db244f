import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

/** Lints one probe file through office-addin-lint, as `npm run lint` does for the repo. */
function lintProbe(source: string): { status: number | null; output: string } {
  // ESLint only lints files below the project folder, so the probe lives there briefly.
  const probe = join(root, "test", `lint-probe-${process.pid}.ts`);
  writeFileSync(probe, source);
  try {
    const result = spawnSync("npx", ["office-addin-lint", "check", "--files", probe], {
      cwd: root,
      encoding: "utf8",
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(probe, { force: true });
  }
}

describe("lint: the Office.js rules are enforced", () => {
  it("refuses context.sync() inside a loop", () => {
    const { status, output } = lintProbe(
      [
        "export async function paint(context: Excel.RequestContext, rows: number): Promise<void> {",
        "  for (let i = 0; i < rows; i++) {",
        '    context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[i]];',
        "    await context.sync();",
        "  }",
        "}",
        "",
      ].join("\n")
    );
    expect(status).not.toBe(0);
    expect(output).toContain("office-addins/no-context-sync-in-loop");
  });

  it("refuses reading a property that was not loaded", () => {
    const { status, output } = lintProbe(
      [
        "export async function read(context: Excel.RequestContext): Promise<unknown> {",
        '  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");',
        "  await context.sync();",
        "  return range.values;",
        "}",
        "",
      ].join("\n")
    );
    expect(status).not.toBe(0);
    expect(output).toContain("office-addins/load-object-before-read");
  });
});
