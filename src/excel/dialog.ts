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

/** A dialog message that did not come from the add-in's own pages. */
export class DialogMessageRefused extends Error {
  constructor(origin: string) {
    super(`The sign-in window answered from ${origin}, not from the add-in: refused.`);
    this.name = "DialogMessageRefused";
  }
}

/**
 * What a dialog's message says, when it comes from the add-in's own origin. Hosts with
 * DialogOrigin 1.1 give the sender's origin; older ones give none, and the answer's URL is
 * checked against the redirect URI afterwards (see signIn).
 */
export function dialogAnswer(
  arg: { message: string; origin?: string | undefined },
  ownOrigin: string
): string {
  if (arg.origin !== undefined && arg.origin !== ownOrigin)
    throw new DialogMessageRefused(arg.origin);
  return arg.message;
}

export function openOfficeDialog(
  startUrl: string,
  ownOrigin: string = window.location.origin
): Promise<string> {
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
          if (!("message" in arg)) {
            reject(new DialogClosed(arg.error));
            return;
          }
          try {
            resolve(dialogAnswer(arg, ownOrigin));
          } catch (error) {
            reject(error as Error);
          }
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
    // Only the pane of the add-in's own origin may read the answer (DialogOrigin 1.1).
    if (Office.context.requirements.isSetSupported("DialogOrigin", "1.1"))
      Office.context.ui.messageParent(window.location.href, {
        targetOrigin: window.location.origin,
      });
    else Office.context.ui.messageParent(window.location.href);
  });
}
