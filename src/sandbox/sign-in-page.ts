import { SEEDED_USERS } from "./seed";

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string
  );

/** The languages the sign-in page speaks: those of the add-in. */
type SignInLang = "fr" | "nl" | "en";

const WORDS: Record<
  SignInLang,
  {
    title: string;
    heading: string;
    email: string;
    password: string;
    signIn: string;
    cancel: string;
    accounts: string;
    wrongPassword: string;
    tooMany: (seconds: number) => string;
  }
> = {
  fr: {
    title: "Connexion — bac à sable Banqup",
    heading: "Connexion au bac à sable Banqup",
    email: "Adresse e-mail",
    password: "Mot de passe",
    signIn: "Se connecter",
    cancel: "Annuler",
    accounts: "Comptes du bac à sable (bac à sable uniquement) :",
    wrongPassword: "Adresse e-mail ou mot de passe incorrect.",
    tooMany: (seconds) => `Trop de tentatives : attendez ${seconds} s, puis réessayez.`,
  },
  nl: {
    title: "Aanmelden — Banqup-sandbox",
    heading: "Aanmelden bij de Banqup-sandbox",
    email: "E-mailadres",
    password: "Wachtwoord",
    signIn: "Aanmelden",
    cancel: "Annuleren",
    accounts: "Sandboxaccounts (alleen in de sandbox):",
    wrongPassword: "Verkeerd e-mailadres of wachtwoord.",
    tooMany: (seconds) => `Te veel pogingen: wacht ${seconds} s en probeer het opnieuw.`,
  },
  en: {
    title: "Sign in — Banqup sandbox",
    heading: "Sign in to the Banqup sandbox",
    email: "E-mail",
    password: "Password",
    signIn: "Sign in",
    cancel: "Cancel",
    accounts: "Sandbox accounts (sandbox only):",
    wrongPassword: "Wrong e-mail or password.",
    tooMany: (seconds) => `Too many attempts: wait ${seconds} s, then try again.`,
  },
};

/**
 * The page's language from the request's `ui_locales` (OpenID Connect: language tags by
 * preference, space-separated): the first it speaks, English when none.
 */
export function signInLanguage(uiLocales: unknown): SignInLang {
  if (typeof uiLocales !== "string") return "en";
  for (const tag of uiLocales.split(/\s+/)) {
    const primary = tag.split("-")[0]!.toLowerCase();
    if (primary === "fr" || primary === "nl" || primary === "en") return primary;
  }
  return "en";
}

/** Why the form is shown again, in the page's language. */
export type SignInFailure = { kind: "wrongPassword" } | { kind: "tooMany"; seconds: number };

export function failureText(lang: SignInLang, failure: SignInFailure): string {
  const words = WORDS[lang];
  return failure.kind === "tooMany" ? words.tooMany(failure.seconds) : words.wrongPassword;
}

export interface SignInPageOptions {
  lang: SignInLang;
  /** The request's parameters, written back as hidden fields (never what the user typed). */
  hidden: readonly (readonly [string, string])[];
  addinOrigin: string;
  error?: string;
}

export function signInPage({ lang, hidden, addinOrigin, error }: SignInPageOptions): string {
  const words = WORDS[lang];
  const fields = hidden
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
    )
    .join("");
  const accounts = SEEDED_USERS.map(
    (u) => `<li><code>${u.email}</code> / <code>${u.password}</code></li>`
  ).join("");
  // A failure is told to the pane (see SIGN_IN_NOTICE_SCRIPT): closing the window after it
  // then reads as "sign-in failed", not "cancelled".
  const notice = error
    ? ` data-sign-in-failed="${escapeHtml(error)}" data-addin-origin="${escapeHtml(addinOrigin)}"`
    : "";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${words.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${error ? `<script src="${OFFICE_JS}"></script><script src="/oauth/sign-in-notice.js"></script>` : ""}</head>
<body style="font-family:Segoe UI,sans-serif;max-width:28em;margin:2em auto"${notice}>
<h1>${words.heading}</h1>
${error ? `<p role="alert" style="color:#b10e1c">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/oauth/authorize">${fields}
<p><label>${words.email}<br><input name="email" type="email" autocomplete="username" required autofocus></label></p>
<p><label>${words.password}<br><input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">${words.signIn}</button> <button type="submit" name="cancel" value="1" formnovalidate>${words.cancel}</button></p></form>
<p>${words.accounts}</p><ul>${accounts}</ul></body></html>`;
}

export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;

/**
 * On the sign-in page after a failed attempt: tells the pane, so that a window closed after a
 * failure is reported as a failure. In Office, by messageParent (the API's origin is one of
 * the add-in's AppDomains); in a browser window (the preview), to the window that opened it.
 * Only the failure's words go, never what was typed.
 */
export const SIGN_IN_NOTICE_SCRIPT = `(function () {
  var body = document.body;
  var failed = body && body.getAttribute("data-sign-in-failed");
  if (!failed) return;
  var notice = JSON.stringify({ signInFailed: failed });
  var addin = body.getAttribute("data-addin-origin");
  if (window.Office && Office.onReady) {
    Office.onReady(function () {
      try {
        if (Office.context.requirements.isSetSupported("DialogOrigin", "1.1"))
          Office.context.ui.messageParent(notice, { targetOrigin: addin });
        else Office.context.ui.messageParent(notice);
      } catch (e) {}
    });
  } else if (window.opener) {
    window.opener.postMessage(notice, addin);
  }
})();
`;
