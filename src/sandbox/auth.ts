import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "./db";
import { requestLimits } from "./contract";
import { GRANTS, revokeFamily, type GrantOptions, type TokenForm } from "./grants";
import { dummyPasswordHash, newSecret, now, sha256, verifyPassword } from "./ids";
import { sendProblem } from "./problems";
import { SignInLimits } from "./sign-in-limits";
import {
  failureText,
  OFFICE_JS_ORIGIN,
  SIGN_IN_NOTICE_SCRIPT,
  signInLanguage,
  signInPage,
  type SignInFailure,
} from "./sign-in-page";

declare module "fastify" {
  interface FastifyRequest {
    partnerId?: string;
  }
}

interface AuthorizeParams {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  state?: string;
}

type Checked =
  | {
      ok: true;
      params: Required<Omit<AuthorizeParams, "state">> & { state: string };
      lang: ReturnType<typeof signInLanguage>;
    }
  | { ok: false; detail: string };

/** The sign-in request's parameters: the only fields the sign-in page writes back. */
const OAUTH_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "code_challenge",
  "code_challenge_method",
  "state",
] as const;

function checkAuthorize(options: GrantOptions, raw: Record<string, unknown>): Checked {
  const repeated = OAUTH_PARAMS.find((name) => Array.isArray(raw[name]));
  if (repeated) return { ok: false, detail: `The parameter ${repeated} is given more than once.` };
  const params: AuthorizeParams = Object.fromEntries(
    OAUTH_PARAMS.flatMap((name) => (typeof raw[name] === "string" ? [[name, raw[name]]] : []))
  );
  const redirects = params.client_id ? options.publicClients.get(params.client_id) : undefined;
  if (!redirects) return { ok: false, detail: "Unknown client_id." };
  if (!params.redirect_uri || !redirects.includes(params.redirect_uri)) {
    return { ok: false, detail: "redirect_uri is not registered for this client." };
  }
  if (params.response_type !== "code") return { ok: false, detail: "response_type must be code." };
  if (params.code_challenge_method !== "S256")
    return { ok: false, detail: "code_challenge_method must be S256." };
  if (!params.code_challenge || !/^[A-Za-z0-9\-._~]{43,128}$/.test(params.code_challenge)) {
    return { ok: false, detail: "code_challenge must be a PKCE S256 challenge." };
  }
  return {
    ok: true,
    params: { ...(params as Required<AuthorizeParams>), state: params.state ?? "" },
    lang: signInLanguage(raw.ui_locales),
  };
}

/**
 * The sign-in page cannot be framed (clickjacking): a frame-ancestors policy and the older
 * header for browsers without it. It loads nothing from elsewhere.
 */
function signInHeaders(reply: FastifyReply, checked: Checked & { ok: true }): FastifyReply {
  // The form posts here, and its answer redirects to the add-in: browsers hold a redirect
  // after a form to form-action too.
  const addin = new URL(checked.params.redirect_uri).origin;
  return reply
    .type("text/html")
    .header("Cache-Control", "no-store")
    .header(
      "Content-Security-Policy",
      `default-src 'none'; script-src 'self' ${OFFICE_JS_ORIGIN}; connect-src ${OFFICE_JS_ORIGIN}; style-src 'unsafe-inline'; form-action 'self' ${addin}; frame-ancestors 'none'; base-uri 'none'`
    )
    .header("X-Frame-Options", "DENY");
}

/** The sign-in form for a checked request, in its language, with why it is shown again. */
function pageOf(checked: Checked & { ok: true }, failure?: SignInFailure): string {
  // The OAuth parameters only: never the e-mail or the password typed. The page's language
  // goes with the form, so that a second attempt speaks it too.
  const hidden = OAUTH_PARAMS.map((name) => [name, checked.params[name]] as const);
  return signInPage({
    lang: checked.lang,
    hidden: [...hidden, ["ui_locales", checked.lang]],
    addinOrigin: new URL(checked.params.redirect_uri).origin,
    error: failure && failureText(checked.lang, failure),
  });
}

/**
 * The way back to the add-in: the redirect URI with the answer, the state, and the issuer
 * (RFC 9207), so that a client can tell which server answered.
 */
function redirectTo(
  request: FastifyRequest,
  checked: Checked & { ok: true },
  answer: Record<string, string>
): string {
  const target = new URL(checked.params.redirect_uri);
  for (const [name, value] of Object.entries(answer)) target.searchParams.set(name, value);
  if (checked.params.state) target.searchParams.set("state", checked.params.state);
  target.searchParams.set("iss", issuerOf(request));
  return target.toString();
}

/** The sandbox's issuer identifier: the origin it is called at (its API base URL). */
export function issuerOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header("Cache-Control", "no-store")
    .send({ error, error_description: description });
}

function invalidSignInRequest(reply: FastifyReply, detail: string) {
  return sendProblem(reply, {
    status: 400,
    title: "Invalid sign-in request",
    code: "invalid_authorize_request",
    detail,
  });
}

/** The first form field longer than the contract allows, if any (checked before any work). */
function tooLong(form: Record<string, unknown>, limits: ReadonlyMap<string, number>) {
  for (const [name, max] of limits) {
    const value = form[name];
    if (typeof value === "string" && value.length > max)
      return `${name} is longer than ${max} characters.`;
  }
  return undefined;
}

export function registerAuth(app: FastifyInstance, db: Db, options: GrantOptions): void {
  const limits = new SignInLimits();
  // What the contract bounds, refused before any work (a 400 KB password never reaches scrypt).
  const formLimit = {
    signInPage: requestLimits("get", "/oauth/authorize"),
    authorize: requestLimits("post", "/oauth/authorize"),
    token: requestLimits("post", "/oauth/token"),
    revoke: requestLimits("post", "/oauth/revoke"),
  };

  app.get("/oauth/sign-in-notice.js", async (_request, reply) =>
    reply.type("text/javascript").header("Cache-Control", "no-cache").send(SIGN_IN_NOTICE_SCRIPT)
  );

  app.get("/oauth/authorize", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const long = tooLong(query, formLimit.signInPage);
    if (long) return invalidSignInRequest(reply, long);
    const checked = checkAuthorize(options, query);
    if (!checked.ok) return invalidSignInRequest(reply, checked.detail);
    return signInHeaders(reply, checked).send(pageOf(checked));
  });

  app.post("/oauth/authorize", async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const long = tooLong(form, formLimit.authorize);
    if (long) return invalidSignInRequest(reply, long);
    const checked = checkAuthorize(options, form);
    if (!checked.ok) return invalidSignInRequest(reply, checked.detail);
    // The user declined: back to the add-in with access_denied (RFC 6749 §4.1.2.1).
    if (form.cancel !== undefined)
      return reply.redirect(
        redirectTo(request, checked, {
          error: "access_denied",
          error_description: "The user cancelled the sign-in.",
        }),
        302
      );
    const email = typeof form.email === "string" ? form.email.trim().toLowerCase() : "";
    const password = typeof form.password === "string" ? form.password : "";
    const wait = limits.wait(request.ip, email);
    if (wait > 0)
      return signInHeaders(reply, checked)
        .code(429)
        .header("Retry-After", String(wait))
        .send(pageOf(checked, { kind: "tooMany", seconds: wait }));
    const user = db.prepare("SELECT id, password_hash FROM users WHERE email = ?").get(email) as
      { id: string; password_hash: string } | undefined;
    // An unknown e-mail costs the same scrypt as a known one (see dummyPasswordHash).
    const matches = await verifyPassword(password, user?.password_hash ?? dummyPasswordHash());
    if (!user || !matches) {
      limits.failed(email);
      return signInHeaders(reply, checked).send(pageOf(checked, { kind: "wrongPassword" }));
    }
    limits.succeeded(email);
    const code = newSecret();
    db.prepare(
      "INSERT INTO auth_codes (code_hash, user_id, client_id, redirect_uri, challenge, expires_at) VALUES (?, ?, ?, ?, ?, ?)"
    ).run(
      sha256(code),
      user.id,
      checked.params.client_id,
      checked.params.redirect_uri,
      checked.params.code_challenge,
      now() + 120
    );
    return reply.redirect(redirectTo(request, checked, { code }), 302);
  });

  /** RFC 7009: a token, and every token of its sign-in, revoked; unknown tokens too are "done". */
  app.post("/oauth/revoke", async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    if (typeof form.token !== "string" || typeof form.client_id !== "string")
      return oauthError(reply, 400, "invalid_request", "Send token and client_id.");
    const long = tooLong(form, formLimit.revoke);
    if (long) return oauthError(reply, 400, "invalid_request", long);
    const hash = sha256(form.token);
    const row = db
      .prepare("SELECT family, client_id FROM tokens WHERE token_hash = ?")
      .get(hash) as { family: string | null; client_id: string } | undefined;
    if (row && row.client_id === form.client_id) {
      if (row.family) revokeFamily(db, row.family);
      else db.prepare("UPDATE tokens SET revoked = 1 WHERE token_hash = ?").run(hash);
    }
    return reply.header("Cache-Control", "no-store").code(200).send();
  });

  app.post("/oauth/token", async (request, reply) => {
    purgeExpired(db);
    const form = (request.body ?? {}) as TokenForm;
    const long = tooLong(form, formLimit.token);
    if (long) return oauthError(reply, 400, "invalid_request", long);
    const grantType = String(form.grant_type ?? "");
    const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType]! : undefined;
    if (!grant)
      return oauthError(
        reply,
        400,
        "unsupported_grant_type",
        `grant_type must be ${Object.keys(GRANTS).join(", ")}.`
      );
    const answer = grant({ db, options, form, basic: basicCredentials(request) });
    if ("error" in answer)
      return oauthError(reply, answer.status, answer.error, answer.description);
    return reply.header("Cache-Control", "no-store").send(answer.tokens);
  });
}

/** Codes and tokens kept a day past their expiry (a replay is still recognised), then purged. */
const KEEP_EXPIRED_SECONDS = 24 * 3600;
const purgedAt = new WeakMap<Db, number>();

/** Deletes codes and tokens long expired, at most once a minute per database. */
function purgeExpired(db: Db): void {
  if (now() - (purgedAt.get(db) ?? 0) < 60) return;
  purgedAt.set(db, now());
  const before = now() - KEEP_EXPIRED_SECONDS;
  db.prepare("DELETE FROM auth_codes WHERE expires_at < ?").run(before);
  db.prepare("DELETE FROM tokens WHERE expires_at < ?").run(before);
}

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** The partner of a valid bearer access token, or a 401 problem. */
export function requirePartner(db: Db) {
  const find = db.prepare(
    "SELECT partner_id, expires_at, revoked FROM tokens WHERE token_hash = ? AND kind = 'access'"
  );
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    const row = token
      ? (find.get(sha256(token)) as
          { partner_id: string; expires_at: number; revoked: number } | undefined)
      : undefined;
    if (!row || row.revoked || row.expires_at < now()) {
      reply.header("WWW-Authenticate", 'Bearer error="invalid_token"');
      return sendProblem(reply, {
        status: 401,
        title: "Not signed in",
        code: token ? "token_expired" : "token_missing",
        detail: token
          ? "The access token is invalid or expired: refresh it and try again."
          : "Send a bearer access token.",
      });
    }
    request.partnerId = row.partner_id;
  };
}
