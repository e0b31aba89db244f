import * as z from "zod/mini";
import { readTokenAnswer } from "./token-answer";
import type { TokenSource } from "./tokens";

/**
 * Signing a user in: OAuth 2.0 authorization code with PKCE (RFC 7636), as the contract
 * describes. The page that shows the sign-in form is opened by whoever can (the Office
 * dialog in the add-in, a scripted browser in tests); this module only builds the request,
 * checks the answer and keeps the tokens fresh.
 */
export interface OAuthConfig {
  /** The partner API's base URL; the OAuth endpoints derive from it unless given. */
  apiUrl: string;
  clientId: string;
  redirectUri: string;
  authorizeUrl?: string;
  tokenUrl?: string;
}

export const storedTokensSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.optional(z.string().check(z.minLength(1))),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** Where tokens live: the add-in's own storage, never the workbook. */
export interface TokenStore {
  load(): StoredTokens | undefined;
  save(tokens: StoredTokens): void;
  clear(): void;
}

/** Signing in again is needed: no tokens, or the refresh token was refused. */
export class SignInRequired extends Error {
  constructor(message = "Sign in to Banqup first.") {
    super(message);
    this.name = "SignInRequired";
  }
}

/** The user closed the sign-in window, or it reported an error. */
export class SignInFailed extends Error {
  constructor(
    message: string,
    readonly cancelled = false
  ) {
    super(message);
    this.name = "SignInFailed";
  }
}

/** A token this close to its end is refreshed first. */
const EXPIRY_MARGIN_MS = 30_000;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function createPkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomText(32);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

export function endpoints(config: OAuthConfig) {
  const base = config.apiUrl.replace(/\/$/, "");
  return {
    authorize: config.authorizeUrl ?? `${base}/oauth/authorize`,
    token: config.tokenUrl ?? `${base}/oauth/token`,
  };
}

export function authorizeUrl(config: OAuthConfig, challenge: string, state: string): string {
  const url = new URL(endpoints(config).authorize);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
  }).toString();
  return url.toString();
}

async function tokenRequest(
  config: OAuthConfig,
  form: Record<string, string>,
  fetchImpl: typeof fetch
): Promise<StoredTokens> {
  let response: Response;
  try {
    response = await fetchImpl(endpoints(config).token, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: config.clientId, ...form }),
    });
  } catch (error) {
    throw new SignInFailed(`The sign-in service cannot be reached (${(error as Error).message}).`);
  }
  const body = await readTokenAnswer(response);
  if (!response.ok || !body.access_token) {
    const reason = body.error_description ?? body.error ?? `HTTP ${response.status}`;
    if (body.error === "invalid_grant") throw new SignInRequired(reason);
    throw new SignInFailed(reason);
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    // The lifetime comes from the answer (Banqup's may be five minutes).
    expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
  };
}

/**
 * The whole sign-in: PKCE, the sign-in page (opened by `open`, which resolves with the URL
 * the page was redirected to), the state check and the code exchange. Saves the tokens.
 */
export async function signIn(
  config: OAuthConfig,
  open: (url: string) => Promise<string>,
  store: TokenStore,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init)
): Promise<StoredTokens> {
  const { verifier, challenge } = await createPkce();
  const state = randomText(16);
  const landed = new URL(await open(authorizeUrl(config, challenge, state)));
  const error = landed.searchParams.get("error");
  if (error) throw new SignInFailed(landed.searchParams.get("error_description") ?? error);
  if (landed.searchParams.get("state") !== state)
    throw new SignInFailed("The sign-in answer does not match the request (state).");
  const code = landed.searchParams.get("code");
  if (!code) throw new SignInFailed("The sign-in page returned no code.");
  const tokens = await tokenRequest(
    config,
    {
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      redirect_uri: config.redirectUri,
    },
    fetchImpl
  );
  store.save(tokens);
  return tokens;
}

/**
 * The signed-in user's tokens for the API client: the stored access token while it lasts,
 * then a silent refresh (the refresh token rotates). When the refresh is refused the tokens
 * are forgotten and the user is asked to sign in again.
 */
export class UserTokens implements TokenSource {
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly config: OAuthConfig,
    private readonly store: TokenStore,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)
  ) {}

  async accessToken(): Promise<string> {
    const tokens = this.store.load();
    if (!tokens) throw new SignInRequired();
    if (tokens.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return tokens.accessToken;
    return this.refresh();
  }

  /** One refresh at a time: concurrent requests wait for the same new token. */
  refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<string> {
    const tokens = this.store.load();
    if (!tokens?.refreshToken) {
      this.store.clear();
      throw new SignInRequired();
    }
    try {
      const next = await tokenRequest(
        this.config,
        { grant_type: "refresh_token", refresh_token: tokens.refreshToken },
        this.fetchImpl
      );
      this.store.save({ ...next, refreshToken: next.refreshToken ?? tokens.refreshToken });
      return next.accessToken;
    } catch (error) {
      if (error instanceof SignInRequired) this.store.clear();
      throw error;
    }
  }
}

/** Tokens kept in memory only (tests, and where no storage is allowed). */
export class MemoryTokenStore implements TokenStore {
  private tokens: StoredTokens | undefined;
  load() {
    return this.tokens;
  }
  save(tokens: StoredTokens) {
    this.tokens = tokens;
  }
  clear() {
    this.tokens = undefined;
  }
}
