/**
 * The partner API as the add-in speaks it: the contract's adapter, the client (retries, backoff,
 * idempotency keys, concurrency limit, cancel), sign-in, and the registry lookup.
 */
export {
  type Client,
  type ClientInput,
  type ClientPage,
  type ClientVerdict,
  currentClientOf,
  identifiersOf,
  type LookupMatch,
  type Partner,
  resemblanceKeysOf,
  toClientInput,
  valuesOfClient,
} from "./adapter";
export { DEFAULT_CONCURRENCY, PartnerApiClient, sleep } from "./client";
export { ApiProblem, Cancelled, NetworkFailure } from "./errors";
export { idempotencyKeyFor, updateKeyFor } from "./idempotency";
export { ClientCredentials, type TokenSource } from "./tokens";
export {
  authorizeUrl,
  MemoryTokenStore,
  type OAuthConfig,
  signIn,
  SignInFailed,
  SignInRequired,
  signOut,
  storedTokensSchema,
  type TokenStore,
  UserTokens,
} from "./oauth";
export { lookupCompanies, type RegistryCheckOptions } from "./registry";
