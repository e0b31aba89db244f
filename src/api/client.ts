import type { ProfileId } from "../core";
import {
  NOT_MODIFIED,
  operations,
  partnerApi,
  toProblem,
  type Client,
  type ContractRequest,
  type ClientInput,
  type ClientPage,
  type CompanyLookupResult,
  type ConfigurationTemplate,
  type Identifier,
  type Invitation,
  type ClientVerdict,
  type LookupMatch,
  type PageRequest,
  type Partner,
  type PartnerApi,
} from "./adapter";
import { ApiProblem, Cancelled, NetworkFailure } from "./errors";
import { ConcurrencyLimit } from "./limiter";
import type { TokenSource } from "./tokens";

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ClientOptions {
  baseUrl: string;
  tokens: TokenSource;
  /** The partner's region, to name the fields of problems with the profile's keys. */
  region?: ProfileId;
  /** Requests in flight at once. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Waits `ms`, or rejects when the signal aborts; tests replace it to record the waits. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_CONCURRENCY = 8;
const DEFAULT_RETRY: RetryPolicy = { retries: 6, baseDelayMs: 250, maxDelayMs: 15_000 };

/** Statuses worth another try: rate limiting and server failures. Other 4xx never are. */
const RETRYABLE = (status: number) => status === 429 || status >= 500;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The partner API client: a concurrency limit, retries with exponential backoff and full
 * jitter on network errors, 429 (honouring Retry-After) and 5xx, one token refresh on 401,
 * and cancellation through AbortSignal.
 */
export class PartnerApiClient {
  private readonly limit: ConcurrencyLimit;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly api: PartnerApi;

  constructor(private readonly options: ClientOptions) {
    this.limit = new ConcurrencyLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.wait = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
    this.api = partnerApi(options.baseUrl, (request) => this.transport(request));
  }

  getPartner(signal?: AbortSignal): Promise<Partner> {
    return operations.getPartner(this.api, signal);
  }

  listTemplates(signal?: AbortSignal): Promise<ConfigurationTemplate[]> {
    return operations.listTemplates(this.api, signal);
  }

  lookup(identifiers: Identifier[], signal?: AbortSignal): Promise<LookupMatch[]> {
    return operations.lookupClients(this.api, identifiers, signal);
  }

  createClient(input: ClientInput, idempotencyKey: string, signal?: AbortSignal): Promise<Client> {
    return operations.createClient(this.api, input, idempotencyKey, signal);
  }

  /**
   * Makes an existing client what `input` says (the whole client, as for a create), if it is
   * still at `fromVersion`: otherwise an ApiProblem 412 carrying the client as it now is
   * (currentClientOf), and nothing is overwritten.
   */
  updateClient(
    id: string,
    input: ClientInput,
    idempotencyKey: string,
    fromVersion: number,
    signal?: AbortSignal
  ): Promise<Client> {
    return operations.updateClient(this.api, id, input, idempotencyKey, fromVersion, signal);
  }

  /** A page of the partner's clients, newest first (`cursor`: the previous page's nextCursor). */
  listClients(page: PageRequest = {}, signal?: AbortSignal): Promise<ClientPage> {
    return operations.listClients(this.api, page, signal);
  }

  /** The client as it now is, or undefined if it is still at `knownVersion`. */
  getClientIfChanged(
    id: string,
    knownVersion: number,
    signal?: AbortSignal
  ): Promise<Client | undefined> {
    return operations.getClientIfChanged(this.api, id, knownVersion, signal);
  }

  /**
   * A link the API answered (a client's page), when it may go in a cell: https on the API's
   * own origin. Anything else (another site, javascript:, plain http) is no link of ours.
   */
  trustedLink(url: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
      const link = new URL(url);
      const api = new URL(this.options.baseUrl);
      return link.protocol === "https:" && link.origin === api.origin ? link.href : undefined;
    } catch {
      return undefined;
    }
  }

  getClient(id: string, signal?: AbortSignal): Promise<Client> {
    return operations.getClient(this.api, id, signal);
  }

  invite(id: string, signal?: AbortSignal): Promise<Invitation> {
    return operations.inviteClient(this.api, id, signal);
  }

  /** What the public registries say of up to 100 company numbers (see lookupCompanies). */
  lookupCompanies(identifiers: string[], signal?: AbortSignal): Promise<CompanyLookupResult[]> {
    return operations.lookupCompanies(this.api, identifiers, signal);
  }

  /**
   * What creating each of up to 100 clients would answer, in order, without creating any
   * (the partner API's own verdict, besides the add-in's rules).
   */
  validateClients(clients: ClientInput[], signal?: AbortSignal): Promise<ClientVerdict[]> {
    return operations.validateClients(this.api, clients, this.options.region, signal);
  }

  /**
   * The transport under the typed client: the request as the contract builds it, sent with
   * the token, within the concurrency limit, again after failures worth another try. Answers
   * that are not a success become problems here, so callers only ever see data.
   */
  private async transport(request: ContractRequest): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const { body, signal } = request;
    const response = await this.limit.run(() =>
      this.attempt(request.url, { method: request.method, headers, body }, signal)
    );
    if (response.ok || response.status === NOT_MODIFIED) return response;
    throw toProblem(response, await response.text(), this.options.region);
  }

  private async attempt(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
    signal: AbortSignal | undefined
  ): Promise<Response> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new Cancelled();
      const token = await this.options.tokens.accessToken(signal);
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          ...init,
          headers: { ...init.headers, Authorization: `Bearer ${token}` },
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw new Cancelled();
        if (attempt >= this.retry.retries)
          throw new NetworkFailure("The partner API cannot be reached.", error);
        await this.wait(this.backoff(attempt), signal);
        continue;
      }
      if (response.status === 401 && !refreshed) {
        // One refresh, then the same request again; a second 401 is final.
        await response.body?.cancel();
        await this.options.tokens.refresh(signal);
        refreshed = true;
        attempt--;
        continue;
      }
      if (RETRYABLE(response.status) && attempt < this.retry.retries) {
        const problem = toProblem(response, await response.text(), this.options.region);
        await this.wait(this.delayFor(problem, attempt), signal);
        continue;
      }
      return response;
    }
  }

  /** Exponential backoff with full jitter: a random wait up to base · 2^attempt, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    return Math.round(this.random() * ceiling);
  }

  /** The server's Retry-After when it gives one (never less), else the backoff. */
  private delayFor(problem: ApiProblem, attempt: number): number {
    const asked = problem.retryAfterSeconds;
    return asked === undefined
      ? this.backoff(attempt)
      : Math.max(asked * 1000, this.backoff(attempt));
  }
}
