import * as oauth from "oauth4webapi";
import * as z from "zod/mini";
import { EXPIRY_MARGIN_MS, oauthRequestOptions } from "./oauth-request";
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

/**
 * The partner API as an OAuth authorization server, for oauth4webapi: its endpoints derive
 * from the API's base URL (the contract's /oauth routes), which is also its issuer (RFC 9207).
 */
function serverOf(config: OAuthConfig): oauth.AuthorizationServer {
  const base = config.apiUrl.replace(/\/$/, "");
  return {
    issuer: base,
    authorization_endpoint: config.authorizeUrl ?? `${base}/oauth/authorize`,
    token_endpoint: config.tokenUrl ?? `${base}/oauth/token`,
    revocation_endpoint: `${base}/oauth/revoke`,
    authorization_response_iss_parameter_supported: true,
  };
}

const requestOptions = (config: OAuthConfig, fetchImpl: typeof fetch) =>
  oauthRequestOptions(config.apiUrl, fetchImpl);

/** The sign-in page's address; `uiLocales` asks it to speak the pane's language. */
export function authorizeUrl(
  config: OAuthConfig,
  challenge: string,
  state: string,
  uiLocales?: string
): string {
  const url = new URL(serverOf(config).authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    ...(uiLocales ? { ui_locales: uiLocales } : {}),
  }).toString();
  return url.toString();
}

/**
 * The page the sign-in window ended on, checked before anything in it is read: the redirect
 * URI itself (origin and path), then, by oauth4webapi, the issuer and the state. Only then is
 * an error the server reported believed; a forged answer's words are never shown.
 */
function checkedAnswer(config: OAuthConfig, landed: string, state: string): URLSearchParams {
  const url = new URL(landed);
  const expected = new URL(config.redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname)
    throw new SignInFailed("The sign-in ended somewhere else than the add-in.");
  try {
    return oauth.validateAuthResponse(serverOf(config), { client_id: config.clientId }, url, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      if (error.error === "access_denied") throw new SignInFailed("Sign-in cancelled.", true);
      throw new SignInFailed(error.error_description ?? error.error);
    }
    throw new SignInFailed("The sign-in answer does not match the request.");
  }
}

/** The tokens of a token endpoint's answer, as stored; its refusals as our errors. */
async function tokensFrom(answer: Promise<oauth.TokenEndpointResponse>): Promise<StoredTokens> {
  try {
    const body = await answer;
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      // The lifetime comes from the answer (Banqup's may be five minutes).
      expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
    };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      const reason = error.error_description ?? error.error;
      if (error.error === "invalid_grant") throw new SignInRequired(reason);
      throw new SignInFailed(reason);
    }
    if (error instanceof SignInFailed) throw error;
    throw new SignInFailed(
      `The sign-in service cannot be reached or answered wrongly (${(error as Error).message}).`
    );
  }
}

/**
 * The whole sign-in: PKCE, the sign-in page (opened by `open`, which resolves with the URL
 * the page was redirected to), the answer's checks and the code exchange, by oauth4webapi.
 * Saves the tokens.
 */
export async function signIn(
  config: OAuthConfig,
  open: (url: string) => Promise<string>,
  store: TokenStore,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  uiLocales?: string
): Promise<StoredTokens> {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const state = oauth.generateRandomState();
  const landed = await open(authorizeUrl(config, challenge, state, uiLocales));
  const answer = checkedAnswer(config, landed, state);
  const server = serverOf(config);
  const client = { client_id: config.clientId };
  const tokens = await tokensFrom(
    oauth
      .authorizationCodeGrantRequest(
        server,
        client,
        oauth.None(),
        answer,
        config.redirectUri,
        verifier,
        requestOptions(config, fetchImpl)
      )
      .then((response) => oauth.processAuthorizationCodeResponse(server, client, response))
  );
  store.save(tokens);
  return tokens;
}

/**
 * Signing out: the tokens forgotten here, and the sign-in revoked at the server (RFC 7009),
 * so that a copy of the refresh token is worth nothing. A server that cannot be reached does
 * not keep the user signed in here.
 */
export async function signOut(
  config: OAuthConfig,
  store: TokenStore,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init)
): Promise<void> {
  const tokens = store.load();
  store.clear();
  const token = tokens?.refreshToken ?? tokens?.accessToken;
  if (!token) return;
  try {
    const response = await oauth.revocationRequest(
      serverOf(config),
      { client_id: config.clientId },
      oauth.None(),
      token,
      requestOptions(config, fetchImpl)
    );
    await oauth.processRevocationResponse(response);
  } catch {
    // Revocation is best effort; the tokens are gone from here either way.
  }
}

/**
 * The signed-in user's tokens for the API client: the stored access token while it lasts,
 * then a silent refresh (the refresh token rotates). When the refresh is refused the tokens
 * are forgotten and the user is asked to sign in again.
 */
export class UserTokens implements TokenSource {
  private refreshing: Promise<string> | undefined;
  /** The access token this pane last used: one the server refused, when refresh is asked. */
  private handed: string | undefined;

  constructor(
    private readonly config: OAuthConfig,
    private readonly store: TokenStore,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)
  ) {}

  async accessToken(): Promise<string> {
    const tokens = this.store.load();
    if (!tokens) throw new SignInRequired();
    if (tokens.expiresAt - EXPIRY_MARGIN_MS > Date.now()) {
      this.handed = tokens.accessToken;
      return tokens.accessToken;
    }
    return this.refresh();
  }

  /** One refresh at a time: concurrent requests wait for the same new token. */
  refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Refreshes under a lock shared by every pane of this add-in (two workbooks open share the
   * stored tokens): a refresh token is spent once, and the server revokes a sign-in whose spent
   * token comes back. Inside the lock the store is read again: a token another pane just got
   * is used as it is.
   */
  private doRefresh(): Promise<string> {
    return withRefreshLock(`banqup.refresh ${this.config.apiUrl}`, () => this.refreshNow());
  }

  private async refreshNow(): Promise<string> {
    const tokens = this.store.load();
    if (!tokens?.refreshToken) {
      this.store.clear();
      throw new SignInRequired();
    }
    if (tokens.accessToken !== this.handed && tokens.expiresAt - EXPIRY_MARGIN_MS > Date.now()) {
      this.handed = tokens.accessToken;
      return tokens.accessToken;
    }
    const server = serverOf(this.config);
    const client = { client_id: this.config.clientId };
    try {
      const next = await tokensFrom(
        oauth
          .refreshTokenGrantRequest(
            server,
            client,
            oauth.None(),
            tokens.refreshToken,
            requestOptions(this.config, this.fetchImpl)
          )
          .then((response) => oauth.processRefreshTokenResponse(server, client, response))
      );
      this.store.save({ ...next, refreshToken: next.refreshToken ?? tokens.refreshToken });
      this.handed = next.accessToken;
      return next.accessToken;
    } catch (error) {
      if (error instanceof SignInRequired) {
        // Another pane may have rotated the token meanwhile (a host without Web Locks): what
        // it saved is the sign-in, not a reason to sign out.
        const now = this.store.load();
        if (now?.refreshToken && now.refreshToken !== tokens.refreshToken) {
          this.handed = now.accessToken;
          return now.accessToken;
        }
        this.store.clear();
      }
      throw error;
    }
  }
}

/** Locks of this page, where the browser has no Web Locks (tests; old hosts). */
const pageLocks = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding the named lock: the Web Locks API where the host has it (shared by the
 * panes of one add-in origin), else a lock of this page.
 */
function withRefreshLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, work) as Promise<T>;
  const previous = pageLocks.get(name) ?? Promise.resolve();
  const run = previous.then(work, work);
  pageLocks.set(
    name,
    run.catch(() => undefined)
  );
  return run;
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
