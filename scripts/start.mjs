// `npm start`: the partner API sandbox (SQLite, .sandbox/partner.db) and the task pane over
// HTTPS; where a desktop Excel exists (Windows, macOS), the add-in is also sideloaded into it.
// On Linux there is no desktop Excel: the steps for Excel on the web are printed.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import process from "node:process";

// The certificate is made once, before the two servers that share it start.
const { httpsOptions } = createRequire(import.meta.url)("./https-options.js");
await httpsOptions();
process.env.DEV_CERTS_READY = "1";

const port = process.env.DEV_SERVER_PORT || "3000";
const sandboxPort = process.env.SANDBOX_PORT || "4000";
// `npm run preview`: the pane beside an in-memory workbook in any browser, no Excel needed.
const previewOnly = process.argv.includes("--preview");
const desktopExcel = !previewOnly && (process.platform === "win32" || process.platform === "darwin");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const children = [];

const windows = process.platform === "win32";

function run(command, args) {
  // Each part gets its own process group (POSIX), so that stopping it also stops what npx
  // started under it: the server itself, not just its wrapper.
  const child = spawn(command, args, { stdio: "inherit", shell: windows, detached: !windows });
  children.push(child);
  // When one part stops, stop everything: a half-running product only confuses.
  child.on("exit", (code) => {
    for (const other of children) if (other !== child) stop(other, "SIGTERM");
    process.exitCode = code ?? 0;
  });
  return child;
}

function stop(child, signal) {
  try {
    if (windows) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already stopped
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => children.forEach((child) => stop(child, signal)));
}

// HTTPS: the Office dialog refuses to sign in over plain HTTP. The pane is built for it.
run(npx, ["tsx", "src/sandbox/main.ts", "--port", sandboxPort, "--https"]);
process.env.API_URL ||= `https://localhost:${sandboxPort}`;
if (desktopExcel) {
  // office-addin-debugging starts the "dev-server" script itself, then sideloads manifest.xml.
  run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  console.log(`
Client Import for Banqup
  try it without Excel:  https://localhost:${port}/preview.html   (the pane beside an in-memory workbook)
  task pane for Excel:   https://localhost:${port}/taskpane.html
  partner sandbox:       ${process.env.API_URL}  (sign-ins in docs/sandbox.md)

${previewOnly ? "Preview only: nothing is sideloaded." : "No desktop Excel on this machine."} To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (Excel for the web).
  2. Home → Add-ins → More add-ins → My add-ins → Upload my add-in,
     and choose manifest.xml from this folder.
  3. Click "Client import" on the Home tab.
Or sideload it from here:  npx office-addin-debugging start manifest.xml web --document <workbook URL>
The browser will warn once about the development certificate unless its ca.crt is trusted.
Stop with Ctrl+C.
`);
  run(npx, ["webpack", "serve", "--mode", "development"]);
}
