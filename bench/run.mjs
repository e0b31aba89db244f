// `npm run bench`: bundles the benchmark the way the add-in ships its code (one scope-hoisted
// bundle, no per-module export getters), then runs it. Engine and baseline share the bundle.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const dir = mkdtempSync(join(tmpdir(), "bench-"));
const outfile = join(dir, "bench.cjs");
try {
  await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
