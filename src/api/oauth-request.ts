import * as oauth from "oauth4webapi";

/**
 * What every OAuth request of the add-in shares, whichever grant it is for (the user's sign-in
 * or client credentials).
 */

/** A token this close to its end is refreshed first, so it never expires mid-request. */
export const EXPIRY_MARGIN_MS = 30_000;

/**
 * oauth4webapi refuses plain HTTP; the sandbox on this machine (tests, the preview) is the one
 * place it is allowed.
 */
export function oauthRequestOptions(url: string, fetchImpl: typeof fetch) {
  const { protocol, hostname } = new URL(url);
  const loopback = hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
  return {
    [oauth.customFetch]: fetchImpl,
    [oauth.allowInsecureRequests]: protocol === "http:" && loopback,
  };
}
