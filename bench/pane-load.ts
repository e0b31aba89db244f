import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, serveFolder } from "../testkit/serve";

type Emit = (name: string, value: number, unit: string) => void;

// Eleven of each, interleaved: a page load varies by tens of milliseconds here, the medians far less.
const RUNS = 11;

/**
 * The pane's first screen outside Excel, whole: its first control enabled (the language) and
 * the first control of the screen outside Excel (the region), which comes in a chunk of its own. One
 * selector, waited for once, as the blank page's is.
 */
const READY = "main:has(select:not([disabled])):has([role=radiogroup] input:not([disabled]))";

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The pane as the store would serve it: the production bundle's initial JavaScript (raw and
 * gzip), and its time to interactive in headless Chromium (the heading and the first control
 * rendered and enabled) against a blank page from the same server, as a ratio.
 */
export async function benchPaneLoad(emit: Emit): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), "bench-dist-"));
  const build = spawnSync("npx", ["webpack", "--mode", "production"], {
    env: { ...process.env, DIST_DIR: dist },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`production build failed: ${build.stderr}`);
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  // Minified HTML may drop the quotes around attribute values.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((match) => match[1]!)
    .filter((src) => !/^https?:/.test(src));
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const bytes = readFileSync(join(dist, src.replace(/^\//, "")));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  emit("pane_initial_js_bytes", raw, "bytes");
  emit("pane_initial_js_gzip_bytes", gzip, "bytes");

  writeFileSync(join(dist, "blank.html"), "<!doctype html><title>blank</title><p>blank</p>");
  const site = await serveFolder(dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const timeTo = async (path: string, ready: string): Promise<number> => {
      const page = await browser.newPage();
      // Outside Office and offline: the CDN's Office.js is refused at once, and the pane
      // renders as it does before Office answers.
      await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      const started = Date.now();
      await page.goto(`${site.origin}/${path}`);
      await page.waitForSelector(ready);
      const elapsed = Date.now() - started;
      await page.close();
      return elapsed;
    };
    const blank: number[] = [];
    const pane: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await timeTo("blank.html", "p"));
      pane.push(await timeTo("taskpane.html", READY));
    }
    emit("blank_page_load_ms", median(blank), "ms");
    emit("pane_time_to_interactive_ms", median(pane), "ms");
    emit("pane_tti_vs_blank", median(pane) / Math.max(1, median(blank)), "ratio");
  } finally {
    await browser.close();
    await site.close();
  }
}
