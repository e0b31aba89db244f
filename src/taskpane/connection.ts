import {
  PartnerApiClient,
  signIn,
  SignInFailed,
  signOut,
  UserTokens,
  type OAuthConfig,
  storedTokensSchema,
  type TokenStore,
} from "../api";
import type { ProfileId } from "../core";
import { DialogClosed } from "../excel";

/** The pane's link to the partner API: who is signed in, and a client that uses their tokens. */
export interface PartnerConnection {
  apiUrl: string;
  isSignedIn(): boolean;
  /**
   * Opens the sign-in page (in `language` where the server speaks it) and keeps the tokens:
   * "cancelled" when the user closed it or declined; rejects with the reason when sign-in
   * failed.
   */
  signIn(language?: string): Promise<"signedIn" | "cancelled">;
  /** Forgets the tokens here at once, and revokes the sign-in at the server. */
  signOut(): Promise<void>;
  client(region?: ProfileId): PartnerApiClient;
}

export interface ConnectionOptions extends OAuthConfig {
  /** Opens the sign-in page; resolves with the URL it redirected to. */
  open: (url: string) => Promise<string>;
  store: TokenStore;
  fetch?: typeof fetch;
}

export function createConnection(options: ConnectionOptions): PartnerConnection {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const tokens = new UserTokens(options, options.store, fetchImpl);
  return {
    apiUrl: options.apiUrl,
    isSignedIn: () => options.store.load() !== undefined,
    signIn: async (language) => {
      try {
        await signIn(options, options.open, options.store, fetchImpl, language);
        return "signedIn";
      } catch (error) {
        // Closed after a failed attempt: that failure is the outcome, not a cancel.
        if (error instanceof DialogClosed && error.afterFailure)
          throw new SignInFailed(error.afterFailure);
        if (error instanceof DialogClosed || (error instanceof SignInFailed && error.cancelled))
          return "cancelled";
        throw error;
      }
    },
    signOut: () => signOut(options, options.store, fetchImpl),
    client: (region) =>
      new PartnerApiClient({ baseUrl: options.apiUrl, tokens, region, fetch: fetchImpl }),
  };
}

/**
 * Tokens in the add-in's own browser storage (partitioned per add-in by Office), keyed by the
 * API they belong to. Never in the workbook: a shared file must not carry a sign-in.
 */
function browserTokenStore(apiUrl: string): TokenStore {
  const key = `banqup.tokens:${apiUrl}`;
  return {
    load() {
      try {
        const text = window.localStorage.getItem(key);
        if (!text) return undefined;
        const tokens = storedTokensSchema.safeParse(JSON.parse(text));
        return tokens.success ? tokens.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(tokens) {
      window.localStorage.setItem(key, JSON.stringify(tokens));
    },
    clear() {
      window.localStorage.removeItem(key);
    },
  };
}

/** Everything the pane needs to sign in and reach the API, built when the module arrives. */
export function browserConnection(apiUrl: string, open: (url: string) => Promise<string>) {
  const origin = window.location.origin;
  return createConnection({
    apiUrl,
    clientId: "client-import-addin",
    redirectUri: `${origin}/auth-callback.html`,
    open,
    store: browserTokenStore(apiUrl),
  });
}
