import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A static server for a built folder, on a free loopback port. */
export async function serveFolder(
  folder: string
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(folder, path);
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Builds the preview (pane + grid + Office shim) for an API, into `folder`. */
export function buildPreview(root: string, folder: string, apiUrl: string): void {
  const build = spawnSync("npx", ["webpack", "--mode", "development"], {
    cwd: root,
    env: { ...process.env, PREVIEW: "1", DIST_DIR: folder, API_URL: apiUrl },
    encoding: "utf8",
  });
  if (build.status !== 0)
    throw new Error(`preview build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Where a Chromium or Chrome is usually installed, after CHROMIUM_PATH. */
const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * How to launch a browser here: CHROMIUM_PATH, else the first usual path that exists, with
 * the flags this machine needs (no sandbox, no network). No browser is one line that says how
 * to get one, not a Playwright stack trace.
 */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment && !existsSync(fromEnvironment)) {
    throw oneLine(`CHROMIUM_PATH is ${fromEnvironment}, but there is no file there.`);
  }
  const executablePath = fromEnvironment ?? CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!executablePath) {
    throw oneLine(
      "No Chromium or Chrome found for the end-to-end tests: install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to its executable."
    );
  }
  return {
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--no-first-run",
      "--disable-sync",
    ],
  };
}

/** An error whose report is its message alone: the stack says nothing a user can act on. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
