import {
  PartnerApiClient,
  signIn,
  UserTokens,
  type OAuthConfig,
  storedTokensSchema,
  type TokenStore,
} from "../api";
import type { ProfileId } from "../core";

/** The pane's link to the partner API: who is signed in, and a client that uses their tokens. */
export interface PartnerConnection {
  apiUrl: string;
  isSignedIn(): boolean;
  /** Opens the sign-in page and keeps the tokens; rejects when the user gives up. */
  signIn(): Promise<void>;
  signOut(): void;
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
    signIn: async () => {
      await signIn(options, options.open, options.store, fetchImpl);
    },
    signOut: () => options.store.clear(),
    client: (region) =>
      new PartnerApiClient({ baseUrl: options.apiUrl, tokens, region, fetch: fetchImpl }),
  };
}

/**
 * Tokens in the add-in's own browser storage (partitioned per add-in by Office), keyed by the
 * API they belong to. Never in the workbook: a shared file must not carry a sign-in.
 */
export function browserTokenStore(apiUrl: string): TokenStore {
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
