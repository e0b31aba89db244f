/**
 * The preview's Office host: the in-memory workbook of in-memory-excel/ stands in for Excel,
 * and a browser window for the Office dialog. Loaded before the pane, exactly where Excel
 * would load Office.js. Dev and test only: never part of the production add-in.
 */
import { FakeExcel } from "../in-memory-excel";

type Handler = (arg: unknown) => void;

const DIALOG_CLOSED = 12006;
const DIALOG_BLOCKED = 12009;

declare global {
  interface Window {
    __banqupPreview?: { excel: FakeExcel; theme?: "light" | "dark" };
  }
}

function workbook(): FakeExcel {
  window.__banqupPreview ??= { excel: new FakeExcel("Sheet1") };
  return window.__banqupPreview.excel;
}

const language = new URLSearchParams(window.location.search).get("lang") ?? navigator.language;
const initialTheme = new URLSearchParams(window.location.search).get("theme") ?? "light";

function displayDialogAsync(
  url: string,
  optionsOrCallback?: unknown,
  maybeCallback?: (result: unknown) => void
): void {
  const callback = (typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback) as
    ((result: unknown) => void) | undefined;
  const popup = window.open(url, "banqup-dialog", "width=480,height=680");
  if (!popup) {
    callback?.({
      status: "failed",
      error: { code: DIALOG_BLOCKED, message: "The window was blocked." },
    });
    return;
  }
  const handlers = new Map<string, Handler>();
  // The sign-in page of another origin tells of a failed attempt by postMessage here (Office's
  // messageParent in Excel): handed on as Office would, with its origin.
  const onNotice = (event: MessageEvent) => {
    if (event.source === popup && typeof event.data === "string")
      handlers.get("dialogMessageReceived")?.({ message: event.data, origin: event.origin });
  };
  window.addEventListener("message", onNotice);
  // The sign-in ends on the add-in's own auth-callback page: same origin, so its address can
  // be read here, which is what messageParent hands to the pane in Office.
  const watch = window.setInterval(() => {
    if (popup.closed) {
      stop();
      handlers.get("dialogEventReceived")?.({ error: DIALOG_CLOSED });
      return;
    }
    let landed: string | undefined;
    try {
      landed = popup.location.pathname.endsWith("/auth-callback.html")
        ? popup.location.href
        : undefined;
    } catch {
      landed = undefined; // still on the sign-in page of another origin
    }
    if (landed)
      handlers.get("dialogMessageReceived")?.({ message: landed, origin: window.location.origin });
  }, 200);
  const stop = () => {
    window.clearInterval(watch);
    window.removeEventListener("message", onNotice);
  };
  callback?.({
    status: "succeeded",
    value: {
      addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
      close: () => {
        stop();
        popup.close();
      },
    },
  });
}

const office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
  context: {
    displayLanguage: language,
    // Office's theme: `?theme=dark` (or `__banqupPreview.theme`, read when the pane regains the
    // focus, as Excel's is) plays Office's dark theme.
    get officeTheme() {
      const dark = (window.__banqupPreview?.theme ?? initialTheme) === "dark";
      return dark
        ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" }
        : { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" };
    },
    // The in-memory Excel says which API sets it plays (an Excel before 1.20 by default).
    requirements: workbook().requirements,
    ui: {
      displayDialogAsync,
      messageParent: () => undefined,
    },
  },
};

Object.assign(window, {
  Office: office,
  Excel: { run: workbook().run, createWorkbook: workbook().createWorkbook },
});
