import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { uiLanguageOf } from "./strings";

function render(inExcel: boolean, displayLanguage: string | undefined): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={uiLanguageOf(displayLanguage)} inExcel={inExcel} />
    </FluentProvider>
  );
}

// Inside Office, wait for Office.js; in a plain browser (or if the CDN is unreachable) run as a preview.
if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    render(inExcel, inExcel ? Office.context.displayLanguage : navigator.language);
  });
} else {
  render(false, navigator.language);
}
