/**
 * The house rules a newcomer relies on: small files, a short front door whose links lead
 * somewhere, and code that points only inside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(__dirname, "..");

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const lineCount = (path: string) => readFileSync(join(root, path), "utf8").split("\n").length;

/** Catalogs of words and data, and generated code: long by nature, one entry a line. */
const CATALOGS = [
  /^src\/core\/messages\/(fr|nl|en)\.ts$/,
  /^src\/core\/data\//,
  /^src\/taskpane\/strings\/(fr|nl|en)\.ts$/,
  /^src\/api\/generated\//,
];

describe("the house", () => {
  it("has no source file over 450 lines under src/, catalogs of words aside", () => {
    const long = filesUnder("src")
      .filter((path) => /\.(ts|tsx)$/.test(path))
      .filter((path) => !CATALOGS.some((catalog) => catalog.test(path)))
      .filter((path) => lineCount(path) > 450)
      .map((path) => `${path} (${lineCount(path)} lines)`);
    expect(long).toEqual([]);
  });

  it("has a README of at most 150 lines whose every link leads to a file", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.split("\n").length).toBeLessThanOrEqual(150);
    const links = [...readme.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !existsSync(join(root, link)))).toEqual([]);
  });

  it("has docs whose links between them lead to files", () => {
    const broken = filesUnder("docs")
      .filter((path) => path.endsWith(".md"))
      .flatMap((path) =>
        [...readFileSync(join(root, path), "utf8").matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)]
          .map((match) => match[1]!)
          .filter((link) => !existsSync(join(root, dirname(path), link)))
          .map((link) => `${path} → ${link}`)
      );
    expect(broken).toEqual([]);
  });

  it("points only inside the repository: no spec sections, help-article seeds or issue numbers", () => {
    // Spelled in pieces, so that a grep for these words does not find this test itself.
    const outside = new RegExp(
      ["SPEC" + " §", "\\bseed" + " 00\\d", "\\bissue" + " [0-9]", "\\.\\./" + "shared/"].join("|"),
      "i"
    );
    const pointing = [...filesUnder("src"), ...filesUnder("test"), ...filesUnder("testkit")]
      .filter((path) => /\.(ts|tsx|yaml|html)$/.test(path))
      .filter((path) => outside.test(readFileSync(join(root, path), "utf8")));
    expect(pointing).toEqual([]);
  });
});
