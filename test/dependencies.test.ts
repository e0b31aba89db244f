/**
 * `npm install --omit=dev` must give a working sandbox and CLI: every package their code
 * loads at run time (following relative imports from their entry points, type-only imports
 * aside) and the tool their npm scripts run are runtime dependencies.
 */
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** Packages a module graph loads at run time, from its entry file. */
function runtimePackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const specifiers = [
      ...source.matchAll(/^\s*import\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm),
      ...source.matchAll(/^\s*export\s+(?!type\b)[^"';]*?\s+from\s+["']([^"']+)["']/gm),
      ...source.matchAll(/require\(["']([^"']+)["']\)/g),
    ].map((match) => match[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
      if (specifier.startsWith(".")) {
        const base = resolve(dirname(file), specifier);
        const target = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base].find(
          (candidate) => existsSync(candidate) && !candidate.endsWith("/")
        );
        if (target && /\.(ts|tsx|js)$/.test(target)) visit(target);
        continue;
      }
      const parts = specifier.split("/");
      packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
    }
  };
  visit(join(root, entry));
  return packages;
}

/**
 * Loaded in a try by scripts/https-options.js: HTTPS for development. Without it the sandbox
 * serves plain HTTP and says so; a production install does not need it.
 */
const OPTIONAL = new Set(["office-addin-dev-certs"]);

describe("runtime dependencies (npm install --omit=dev)", () => {
  it.each([
    ["the sandbox", "src/sandbox/main.ts", "sandbox"],
    ["the CLI", "src/cli/validate.ts", "check-file"],
  ])(
    "%s loads only runtime dependencies, and its script's runner is one",
    (_name, entry, script) => {
      const missing = [...runtimePackages(entry)].filter(
        (name) => !pkg.dependencies[name] && !OPTIONAL.has(name)
      );
      expect(missing).toEqual([]);
      const runner = pkg.scripts[script]!.split(" ")[0]!;
      expect(pkg.dependencies[runner]).toBeDefined();
    }
  );
});
