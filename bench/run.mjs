// `npm run bench`: bundles the benchmark the way the add-in ships its code (one scope-hoisted
// bundle, no per-module export getters), then runs it. Engine and baseline share the bundle.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

// Inside the project, so that the bundle finds its external packages (the browser driver).
const cache = join(process.cwd(), "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "bench-"));
const outfile = join(dir, "bench.cjs");
try {
  await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    // The browser driver stays a package: it loads its own files at run time.
    external: ["playwright-core"],
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
