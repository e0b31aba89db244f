import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildPreview, chromiumLaunchOptions, serveFolder } from "../testkit/serve";
import { measurePaneFit, previewWithRows } from "../testkit/pane-fit";
import { startSandboxProcess } from "./submit";

type Emit = (name: string, value: number, unit: string) => void;

/**
 * The pane at a task pane's size with 300 rows pasted (the preview build, signed in to the
 * sandbox): its height, and the keys from its first control to the send button.
 */
export async function benchPaneFit(emit: Emit): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "bench-preview-"));
  const site = await serveFolder(folder);
  const sandbox = await startSandboxProcess({ SANDBOX_PANE_ORIGIN: site.origin });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    buildPreview(process.cwd(), folder, sandbox.url);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await previewWithRows(page, site.origin, 300, 8_300_000);
    const fit = await measurePaneFit(page);
    emit("pane_height_300_rows_px", fit.heightPx, "px");
    emit("tab_presses_to_send", fit.keysToSend, "keys");
  } finally {
    await browser.close();
    sandbox.stop();
    await site.close();
  }
}
