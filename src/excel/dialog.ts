/**
 * The Office dialog, for signing in: Office opens `startUrl` (a page of the add-in's own
 * domain, which goes on to the sign-in page), and resolves with what the last page sends back
 * with `messageParent` (the URL the sign-in page redirected to). Closing the window rejects.
 */

/** Office's code when the user closes the dialog. */
const DIALOG_CLOSED = 12006;

export class DialogClosed extends Error {
  constructor(
    readonly code?: number,
    /** What the sign-in page last reported failing, when it did before the window closed. */
    readonly afterFailure?: string
  ) {
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
 * What a dialog's message says: the sign-in's answer (the URL the add-in's own page landed
 * on), or a notice from the sign-in page that an attempt failed. Hosts with DialogOrigin 1.1
 * give the sender's origin: an answer must come from the add-in's own origin, a notice from
 * it or from the sign-in page's (the API's). Older hosts give none, and the answer's URL is
 * checked against the redirect URI afterwards (see signIn).
 */
export function readDialogMessage(
  arg: { message: string; origin?: string | undefined },
  ownOrigin: string,
  noticeOrigins: readonly string[] = []
): { answer: string } | { failure: string } {
  const failure = signInFailureOf(arg.message);
  if (failure !== undefined) {
    if (arg.origin !== undefined && arg.origin !== ownOrigin && !noticeOrigins.includes(arg.origin))
      throw new DialogMessageRefused(arg.origin);
    return { failure };
  }
  if (arg.origin !== undefined && arg.origin !== ownOrigin)
    throw new DialogMessageRefused(arg.origin);
  return { answer: arg.message };
}

/** The words of a sign-in page's failure notice ({"signInFailed": "…"}), if it is one. */
function signInFailureOf(message: string): string | undefined {
  if (!message.startsWith("{")) return undefined;
  try {
    const notice = JSON.parse(message) as { signInFailed?: unknown };
    return typeof notice.signInFailed === "string" ? notice.signInFailed.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

export function openOfficeDialog(
  startUrl: string,
  ownOrigin: string = window.location.origin,
  noticeOrigins: readonly string[] = []
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
        let lastFailure: string | undefined;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          if (!("message" in arg)) {
            dialog.close();
            reject(new DialogClosed(arg.error, lastFailure));
            return;
          }
          try {
            const read = readDialogMessage(arg, ownOrigin, noticeOrigins);
            // A failed attempt: the user may try again in the same window.
            if ("failure" in read) {
              lastFailure = read.failure;
              return;
            }
            dialog.close();
            resolve(read.answer);
          } catch (error) {
            dialog.close();
            reject(error as Error);
          }
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject(new DialogClosed("error" in arg ? arg.error : undefined, lastFailure));
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
