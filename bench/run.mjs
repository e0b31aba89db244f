// `npm run bench`: bundles the benchmark the way the add-in ships its code (one scope-hoisted
// bundle, no per-module export getters), then runs it. Engine and baseline share the bundle.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

// Inside the project, so that the bundle finds its external packages (the browser driver).
const cache = join(process.cwd(), "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "bench-"));
const outfile = join(dir, "bench.cjs");

/** `entry` (relative to bench/) as one CommonJS bundle for this Node, at `file`. */
const bundle = (entry, file, external) =>
  build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: file,
    external,
    logLevel: "warning",
  });

try {
  // The browser driver stays a package: it loads its own files at run time.
  await bundle("./index.ts", outfile, ["playwright-core"]);
  // The sandbox too runs as one bundle, beside a copy of the contract it reads at start
  // (src/sandbox/ and src/api/ keep their places): under tsx, every call from one of its
  // modules to another went through an export getter, about 8 % of a create.
  const sandbox = join(dir, "sandbox", "main.cjs");
  await bundle("../src/sandbox/main.ts", sandbox, ["better-sqlite3"]);
  mkdirSync(join(dir, "api"));
  copyFileSync(
    new URL("../src/api/openapi.yaml", import.meta.url).pathname,
    join(dir, "api", "openapi.yaml")
  );
  const result = spawnSync(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(" ") ?? []), "--expose-gc", outfile],
    {
      stdio: "inherit",
      env: { ...process.env, BENCH_SANDBOX: sandbox },
    }
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
