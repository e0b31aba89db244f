import { createHash } from "node:crypto";
import type { Db } from "./db";
import { newId, newSecret, now as systemNow, safeEqual, sha256 } from "./ids";

/** Who may ask for tokens, and how long what they get lives. */
export interface GrantOptions {
  /** Public clients (the add-in): their ids and the redirect URIs registered for them. */
  publicClients: ReadonlyMap<string, readonly string[]>;
  /** One confidential client for automation (SANDBOX_CLIENT_ID/SECRET); absent by default. */
  automationClient?: { id: string; secret: string; partnerId: string };
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  /** The token endpoint's clock, in seconds: tests move it on rather than wait. */
  clock?: () => number;
}

const clockOf = (options: GrantOptions) => options.clock ?? systemNow;

/** The token endpoint's form (RFC 6749 §4.1.3, §4.4.2, §6), as sent. */
export type TokenForm = Record<string, string | undefined>;

interface GrantRequest {
  db: Db;
  options: GrantOptions;
  form: TokenForm;
  /** Client credentials from an HTTP Basic header, when sent that way. */
  basic: { id: string; secret: string } | undefined;
}

type GrantAnswer =
  | { tokens: Record<string, string | number> }
  | { status: number; error: string; description: string };

const refused = (error: string, description: string, status = 400): GrantAnswer => ({
  status,
  error,
  description,
});

/** One function per grant type the token endpoint knows. */
export const GRANTS: Record<string, (request: GrantRequest) => GrantAnswer> = {
  authorization_code: exchangeCode,
  refresh_token: refreshTokens,
  client_credentials: clientCredentials,
};

/** A code from the sign-in page, for tokens: once, by the client it was for, with PKCE. */
function exchangeCode({ db, options, form }: GrantRequest): GrantAnswer {
  const now = clockOf(options);
  const codeHash = sha256(String(form.code ?? ""));
  const row = db
    .prepare(
      "SELECT a.*, u.partner_id FROM auth_codes a JOIN users u ON u.id = a.user_id WHERE code_hash = ?"
    )
    .get(codeHash) as
    | {
        user_id: string;
        partner_id: string;
        client_id: string;
        redirect_uri: string;
        challenge: string;
        expires_at: number;
        used: number;
        family: string | null;
      }
    | undefined;
  if (row?.used) {
    // A code used twice was stolen, or the first answer was: what its first use gave goes too.
    if (row.family) revokeFamily(db, row.family);
    return refused("invalid_grant", "The code was already used: its tokens are revoked.");
  }
  if (!row || row.expires_at < now())
    return refused("invalid_grant", "The code is unknown or expired.");
  if (row.client_id !== form.client_id || row.redirect_uri !== form.redirect_uri)
    return refused("invalid_grant", "client_id or redirect_uri differ from the sign-in request.");
  const verifier = String(form.code_verifier ?? "");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || !safeEqual(challenge, row.challenge))
    return refused("invalid_grant", "The PKCE code_verifier does not match.");
  const family = { id: newId("fa"), expiresAt: now() + options.refreshTokenSeconds };
  db.prepare("UPDATE auth_codes SET used = 1, family = ? WHERE code_hash = ?").run(
    family.id,
    codeHash
  );
  return {
    tokens: issueTokens(db, options, row.partner_id, row.user_id, row.client_id, family),
  };
}

/** Every token of a sign-in revoked: a reuse, or a sign-out (RFC 7009). */
export function revokeFamily(db: Db, family: string): void {
  db.prepare("UPDATE tokens SET revoked = 1 WHERE family = ?").run(family);
}

/** A refresh token for new tokens; refresh tokens rotate, so the one used is spent. */
function refreshTokens({ db, options, form }: GrantRequest): GrantAnswer {
  const now = clockOf(options);
  const hash = sha256(String(form.refresh_token ?? ""));
  const row = db
    .prepare("SELECT * FROM tokens WHERE token_hash = ? AND kind = 'refresh'")
    .get(hash) as
    | {
        partner_id: string;
        user_id: string | null;
        client_id: string;
        expires_at: number;
        revoked: number;
        family: string | null;
        family_expires_at: number | null;
      }
    | undefined;
  if (!form.client_id) return refused("invalid_request", "client_id is required.");
  if (!row || row.expires_at < now())
    return refused("invalid_grant", "The refresh token is unknown or expired.");
  if (row.revoked) {
    // A spent refresh token comes back: it was copied. The whole sign-in ends.
    if (row.family) revokeFamily(db, row.family);
    return refused("invalid_grant", "The refresh token was already used: the sign-in is revoked.");
  }
  if (form.client_id !== row.client_id)
    return refused("invalid_grant", "The refresh token belongs to another client.");
  db.prepare("UPDATE tokens SET revoked = 1 WHERE token_hash = ?").run(hash);
  // Tokens of older sandboxes have no family: they start one, ending when they would have.
  const family = {
    id: row.family ?? newId("fa"),
    expiresAt: row.family_expires_at ?? row.expires_at,
  };
  return {
    tokens: issueTokens(db, options, row.partner_id, row.user_id, row.client_id, family),
  };
}

/** The automation client's id and secret for an access token (no user, no refresh token). */
function clientCredentials({ db, options, form, basic }: GrantRequest): GrantAnswer {
  const client = options.automationClient;
  const id = basic?.id ?? form.client_id ?? "";
  const secret = basic?.secret ?? form.client_secret ?? "";
  if (!client || id !== client.id || !safeEqual(secret, client.secret))
    return refused("invalid_client", "Unknown client or wrong secret.", 401);
  return { tokens: issueTokens(db, options, client.partnerId, null, client.id) };
}

/**
 * An access token, and for a sign-in (`family`) a refresh token that lives no longer than the
 * sign-in's absolute end: rotating refresh tokens never extend a sign-in past it.
 */
function issueTokens(
  db: Db,
  options: GrantOptions,
  partnerId: string,
  userId: string | null,
  clientId: string,
  family?: { id: string; expiresAt: number }
) {
  const now = clockOf(options);
  const insert = db.prepare(
    "INSERT INTO tokens (token_hash, kind, partner_id, user_id, client_id, expires_at, family, family_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
  );
  const issue = (kind: "access" | "refresh", seconds: number) => {
    const token = newSecret();
    const expiresAt = Math.min(now() + seconds, family?.expiresAt ?? Infinity);
    insert.run(
      sha256(token),
      kind,
      partnerId,
      userId,
      clientId,
      expiresAt,
      family?.id ?? null,
      family?.expiresAt ?? null
    );
    return { token, seconds: expiresAt - now() };
  };
  const access = issue("access", options.accessTokenSeconds);
  const body: Record<string, string | number> = {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: access.seconds,
  };
  if (family) body.refresh_token = issue("refresh", options.refreshTokenSeconds).token;
  return body;
}
