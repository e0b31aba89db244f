// `npm start`: serves the task pane over HTTPS and, where a desktop Excel exists (Windows,
// macOS), sideloads the add-in into it. On Linux there is no desktop Excel: the dev server
// runs and the steps for Excel on the web are printed.
import { spawn } from "node:child_process";
import process from "node:process";

const port = process.env.DEV_SERVER_PORT || "3000";
const desktopExcel = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return child;
}

if (desktopExcel) {
  // office-addin-debugging starts the "dev-server" script itself, then sideloads manifest.xml.
  run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  console.log(`
Client Import for Banqup: serving the task pane at https://localhost:${port}/taskpane.html

No desktop Excel on this machine. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (Excel for the web).
  2. Home → Add-ins → More add-ins → My add-ins → Upload my add-in,
     and choose manifest.xml from this folder.
  3. Click "Client import" on the Home tab.
Or sideload it from here:  npx office-addin-debugging start manifest.xml web --document <workbook URL>
Without Excel, open https://localhost:${port}/taskpane.html in a browser for a preview.
Stop with Ctrl+C.
`);
  run(npx, ["webpack", "serve", "--mode", "development"]);
}
