/**
 * The Office dialog, for signing in: Office opens `startUrl` (a page of the add-in's own
 * domain, which goes on to the sign-in page), and resolves with what the last page sends back
 * with `messageParent` (the URL the sign-in page redirected to). Closing the window rejects.
 */

/** Office's code when the user closes the dialog. */
const DIALOG_CLOSED = 12006;

export class DialogClosed extends Error {
  constructor(readonly code?: number) {
    super(
      code === DIALOG_CLOSED
        ? "The sign-in window was closed."
        : `The sign-in window failed (${code}).`
    );
    this.name = "DialogClosed";
  }
}

export function openOfficeDialog(startUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      startUrl,
      { height: 70, width: 35, promptBeforeOpen: false },
      (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new DialogClosed(opened.error.code));
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          if ("message" in arg) resolve(arg.message);
          else reject(new DialogClosed(arg.error));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject(new DialogClosed("error" in arg ? arg.error : undefined));
        });
      }
    );
  });
}

/** In the dialog's last page: sends the page's URL (the sign-in answer) back to the pane. */
export function answerDialog(): void {
  // Opened outside Office (the preview's window, a stray visit): nothing to answer.
  if (typeof Office === "undefined") return;
  Office.onReady(() => {
    Office.context.ui.messageParent(window.location.href);
  });
}
