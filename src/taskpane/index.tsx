// First: the screen starts loading before the rest of the pane is set up.
import { firstScreen } from "./screens";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { profileIdForLocale, uiLanguageOf } from "../core";
import { openOfficeDialog, type ExcelRun } from "../excel";
import { App } from "./App";
import { ThemedPane } from "./ThemedPane";
import { loadStrings } from "./strings";
import type { NewWorkbookPlace, PaneServices } from "./services";

/** The partner API this build talks to (webpack puts the configured value here). */
const API_URL = process.env.API_URL ?? "https://localhost:4000";

/** Office's theme, where Office gives one (Office.context.officeTheme). */
const readOfficeTheme = () =>
  typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;

/** Where Excel shows a new workbook on this platform; undefined where it is not known to. */
function newWorkbookPlace(platform: Office.PlatformType | undefined): NewWorkbookPlace | undefined {
  const types = typeof Office !== "undefined" ? Office.PlatformType : undefined;
  if (!types || platform === undefined) return undefined;
  if (platform === types.OfficeOnline) return "tab";
  return platform === types.PC || platform === types.Mac ? "window" : undefined;
}

function render(inExcel: boolean, displayLanguage: string | undefined): void {
  const container = document.getElementById("root");
  if (!container) return;
  const services: PaneServices = { apiUrl: API_URL };
  const origin = window.location.origin;
  // Sign-in and the API client come in a chunk of their own, after the pane has appeared.
  services.loadConnection = () =>
    import("./connection").then(({ browserConnection }) =>
      // The dialog starts on the add-in's own domain, as Office requires, then goes to the API.
      browserConnection(API_URL, (url) =>
        // The sign-in page (the API's origin) may tell of a failed attempt.
        openOfficeDialog(`${origin}/sign-in.html#${encodeURIComponent(url)}`, origin, [
          new URL(API_URL).origin,
        ])
      )
    );
  if (inExcel) {
    services.run = ((...args: Parameters<typeof Excel.run>) => Excel.run(...args)) as ExcelRun;
    services.requirements = Office.context.requirements;
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.8"))
      services.createWorkbook = (base64) => Excel.createWorkbook(base64);
    services.newWorkbookPlace = newWorkbookPlace(Office.context.platform);
    // "Check this Excel": development builds only (webpack sets SELF_CHECK for them).
    services.selfCheck = process.env.SELF_CHECK === "1";
  }
  createRoot(container).render(
    <ThemedPane readOfficeTheme={readOfficeTheme}>
      <App
        initialLanguage={uiLanguageOf(displayLanguage)}
        initialRegion={profileIdForLocale(displayLanguage)}
        inExcel={inExcel}
        services={services}
      />
    </ThemedPane>
  );
}

// Inside Office, wait for Office.js (the workbook's view loads meanwhile); in a plain browser
// (or if the CDN is unreachable) show the template's columns, whole once their chunk is here.
// The words of the browser's language start downloading now, with the first screen: most often
// they are the pane's (Office's display language is known only once Office is ready).
loadStrings(uiLanguageOf(navigator.language)).catch(() => undefined);

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    void renderIn(inExcel, inExcel ? Office.context.displayLanguage : navigator.language);
  });
} else {
  void firstScreen.then(() => renderIn(false, navigator.language));
}

/** Renders once the words of the pane's language are here (a chunk of their own). */
async function renderIn(inExcel: boolean, displayLanguage: string | undefined): Promise<void> {
  try {
    await loadStrings(uiLanguageOf(displayLanguage));
  } catch {
    // Offline before the pane's words came: nothing else can be said in the user's language.
    const root = document.getElementById("root");
    if (root)
      root.textContent =
        "Client Import for Banqup could not load (no connection?). Close the pane and open it again.";
    return;
  }
  render(inExcel, displayLanguage);
}
