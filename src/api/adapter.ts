import createClient, { type Client as OpenApiClient } from "openapi-fetch";
import type { components, paths } from "./generated/openapi";
import { getProfile, PROFILES, type ProfileId, type RegistryAnswer } from "../core";
import { ApiProblem, type FieldProblem } from "./errors";

/**
 * Everything that knows the partner API's wire format: paths, headers, body and problem
 * shapes. Switching to the production API means a new adapter, not changes elsewhere
 * (docs/rules.md, "The partner API").
 */
export type Partner = components["schemas"]["Partner"];
export type ConfigurationTemplate = components["schemas"]["ConfigurationTemplate"];
export type ClientInput = components["schemas"]["ClientInput"];
export type Client = components["schemas"]["Client"];
export type Identifier = components["schemas"]["Identifier"];
export type LookupMatch = components["schemas"]["LookupMatch"];
export type Invitation = components["schemas"]["Invitation"];
export type CompanyLookupResult = components["schemas"]["CompanyLookupResult"];
export type ClientPage = components["schemas"]["ClientPage"];
type ValidateResult = components["schemas"]["ValidateResult"];

/**
 * What creating a client would answer, from the dry run, with its fields named by the
 * profile's keys: valid, or the create's field problems; the client that already holds its
 * identifiers; what could not be checked.
 */
export interface ClientVerdict {
  valid: boolean;
  problems: FieldProblem[];
  existingClientId?: string;
  notices: FieldProblem[];
}
/** What a page of the partner's clients asks for (see listClients). */
export type PageRequest = NonNullable<paths["/v1/clients"]["get"]["parameters"]["query"]>;
type ProblemBody = components["schemas"]["Problem"];

/** The contract's paths, typed: every request below is checked against openapi.yaml. */
export type PartnerApi = OpenApiClient<paths>;

/**
 * A typed client for the contract over `transport`, the fetch that adds the token, retries
 * and limits concurrency. The transport throws the problem of any answer that is not a
 * success, so `data` is always there when a call returns.
 */
export function partnerApi(
  baseUrl: string,
  transport: (request: ContractRequest) => Promise<Response>
) {
  return createClient<paths>({
    baseUrl,
    // openapi-fetch builds its requests with this class and hands them to `fetch`.
    Request: ContractRequest as unknown as typeof Request,
    fetch: transport as unknown as (request: Request) => Promise<Response>,
    headers: { Accept: "application/json, application/problem+json" },
  });
}

/**
 * A request as the contract builds it, handed to the transport as plain data. A fetch Request
 * in its place was built only for the transport to read its body back from a stream: a
 * sizable share of the client's own work per request (in Node, about a fifth).
 */
export class ContractRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The body as the contract serialised it (JSON), if any. */
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = typeof init.body === "string" ? init.body : undefined;
    this.signal = init.signal ?? undefined;
  }
}

/** The answer to a conditional GET whose version is still the client's. */
export const NOT_MODIFIED = 304;

/** A client's version as the entity tag the API gives it ("3"). */
const etagOf = (version: number) => `"${version}"`;

/** With a 412: the client as it now is in Banqup (what the change would have overwritten). */
export function currentClientOf(problem: ApiProblem): Client | undefined {
  return problem.status === 412 ? (problem.current as Client | undefined) : undefined;
}

/** The data of a call that returned (the transport has thrown for anything else). */
function dataOf<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined)
    throw new ApiProblem(result.response.status, "empty_answer", "The partner API sent no data.");
  return result.data;
}

/** Each operation the add-in uses, by its name in the contract. */
export const operations = {
  getPartner: async (api: PartnerApi, signal?: AbortSignal): Promise<Partner> =>
    dataOf(await api.GET("/v1/partner", { signal })),
  listTemplates: async (api: PartnerApi, signal?: AbortSignal): Promise<ConfigurationTemplate[]> =>
    dataOf(await api.GET("/v1/configuration-templates", { signal })).items,
  lookupClients: async (
    api: PartnerApi,
    identifiers: Identifier[],
    signal?: AbortSignal
  ): Promise<LookupMatch[]> =>
    dataOf(await api.POST("/v1/clients/lookup", { body: { identifiers }, signal })).matches,
  createClient: async (
    api: PartnerApi,
    input: ClientInput,
    idempotencyKey: string,
    signal?: AbortSignal
  ): Promise<Client> =>
    dataOf(
      await api.POST("/v1/clients", {
        params: { header: { "Idempotency-Key": idempotencyKey } },
        body: input,
        signal,
      })
    ),
  updateClient: async (
    api: PartnerApi,
    id: string,
    input: ClientInput,
    idempotencyKey: string,
    fromVersion: number,
    signal?: AbortSignal
  ): Promise<Client> =>
    dataOf(
      await api.PATCH("/v1/clients/{id}", {
        params: {
          path: { id },
          header: { "Idempotency-Key": idempotencyKey, "If-Match": etagOf(fromVersion) },
        },
        body: input,
        signal,
      })
    ),
  getClient: async (api: PartnerApi, id: string, signal?: AbortSignal): Promise<Client> =>
    dataOf(await api.GET("/v1/clients/{id}", { params: { path: { id } }, signal })),
  getClientIfChanged: async (
    api: PartnerApi,
    id: string,
    knownVersion: number,
    signal?: AbortSignal
  ): Promise<Client | undefined> => {
    const result = await api.GET("/v1/clients/{id}", {
      params: { path: { id }, header: { "If-None-Match": etagOf(knownVersion) } },
      signal,
    });
    return result.response.status === NOT_MODIFIED ? undefined : dataOf(result);
  },
  listClients: async (
    api: PartnerApi,
    page: PageRequest,
    signal?: AbortSignal
  ): Promise<ClientPage> =>
    dataOf(await api.GET("/v1/clients", { params: { query: page }, signal })),
  inviteClient: async (api: PartnerApi, id: string, signal?: AbortSignal): Promise<Invitation> =>
    dataOf(await api.POST("/v1/clients/{id}/invitation", { params: { path: { id } }, signal })),
  lookupCompanies: async (
    api: PartnerApi,
    identifiers: string[],
    signal?: AbortSignal
  ): Promise<CompanyLookupResult[]> =>
    dataOf(await api.POST("/v1/companies/lookup", { body: { identifiers }, signal })).results,
  validateClients: async (
    api: PartnerApi,
    clients: ClientInput[],
    region: ProfileId | undefined,
    signal?: AbortSignal
  ): Promise<ClientVerdict[]> =>
    dataOf(await api.POST("/v1/clients/validate", { body: { clients }, signal })).results.map(
      (result) => verdictOf(result, region)
    ),
};

/** A registry result as the core reads it: the address's parts by the template's field keys. */
export function toRegistryAnswer(result: CompanyLookupResult): RegistryAnswer {
  // The template's fields only: the lines and the country are the registry's own words.
  const parts: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(result.address ?? {}))
    if (typeof value === "string" && name !== "country") parts[name] = value;
  const answer: RegistryAnswer = {
    checked: result.checked,
    known: result.known,
    active: result.active,
    name: result.name ?? null,
    address: result.address ? parts : null,
    checkedAt: result.checkedAt,
    peppol: result.peppol
      ? {
          checked: result.peppol.checked,
          registered: result.peppol.registered,
          participantId: result.peppol.participantId,
          businessCardName: result.peppol.businessCardName ?? null,
          reachable: result.peppol.reachable ?? null,
          inSmp: (result.peppol.documentTypes ?? []).length > 0,
        }
      : null,
  };
  if (result.fault) answer.fault = result.fault;
  return answer;
}

/**
 * A judged row (normalized values in profile field order) as the API's client body. The API
 * names a configuration template by its id; the sheet, by its name.
 */
export function toClientInput(
  profileId: ProfileId,
  values: readonly (string | boolean | undefined)[],
  templateIds: ReadonlyMap<string, string> = new Map()
): ClientInput {
  const input: Record<string, string | boolean> = {};
  getProfile(profileId).fields.forEach((field, i) => {
    const value = values[i];
    if (value === undefined || value === "") return;
    const wire =
      field.rule.kind === "configurationTemplate" && typeof value === "string"
        ? (templateIds.get(value) ?? value)
        : value;
    input[field.apiName ?? field.key] = wire;
  });
  return input as ClientInput;
}

/**
 * A client as the values its row holds, in profile field order: toClientInput's inverse
 * (template ids back to their names). Banqup keeps the values the same rules normalized, so
 * a client sent from a row gives back that row's values.
 */
export function valuesOfClient(
  profileId: ProfileId,
  client: ClientInput,
  templateNames: ReadonlyMap<string, string> = new Map()
): (string | boolean | undefined)[] {
  const wire = client as Record<string, unknown>;
  return getProfile(profileId).fields.map((field) => {
    const value = wire[field.apiName ?? field.key];
    if (typeof value === "boolean") return value;
    if (typeof value !== "string" || value === "") return undefined;
    return field.rule.kind === "configurationTemplate"
      ? (templateNames.get(value) ?? value)
      : value;
  });
}

/** The wire names of the profiles' unique fields: what identifies a client exactly. */
const IDENTIFIER_TYPES = new Set<string>(
  Object.values(PROFILES).flatMap((profile) =>
    profile.fields.filter((field) => field.unique).map((field) => field.apiName ?? field.key)
  )
);

/** The identifiers of a client body that the lookup knows (the unique ones). */
export function identifiersOf(input: ClientInput): Identifier[] {
  return Object.entries(input)
    .filter(([name, value]) => IDENTIFIER_TYPES.has(name) && typeof value === "string")
    .map(([type, value]) => ({ type, value }) as Identifier);
}

/**
 * What a client without any identifier is looked up by: its contact e-mail and its name.
 * A match may be the same company or another one (an accountant's own e-mail as contact,
 * two shops of one name), so it is a question for the user, not a verdict.
 */
export function resemblanceKeysOf(input: ClientInput): Identifier[] {
  const keys: Identifier[] = [];
  if (input.contactEmail) keys.push({ type: "contactEmail", value: input.contactEmail });
  if (input.companyName) keys.push({ type: "companyName", value: input.companyName });
  return keys;
}

function verdictOf(result: ValidateResult, region: ProfileId | undefined): ClientVerdict {
  const verdict: ClientVerdict = {
    valid: result.valid,
    problems: fieldProblemsOf(result.problems, region),
    notices: fieldProblemsOf(result.notices ?? [], region),
  };
  if (result.existingClientId) verdict.existingClientId = result.existingClientId;
  return verdict;
}

/** Field errors as the add-in names them: the profile's key for each pointer. */
function fieldProblemsOf(
  errors: readonly components["schemas"]["FieldError"][],
  region: ProfileId | undefined
): FieldProblem[] {
  return errors.map((error) => ({
    field: fieldKeyOf(error.pointer, region),
    code: error.code,
    message: error.detail,
  }));
}

/** A problem response as a typed error; field pointers become the rules engine's field keys. */
export function toProblem(response: Response, text: string, region?: ProfileId): ApiProblem {
  let body: Partial<ProblemBody> = {};
  try {
    body = JSON.parse(text) as ProblemBody;
  } catch {
    body = { title: response.statusText };
  }
  const fields = fieldProblemsOf(body.errors ?? [], region);
  return new ApiProblem(
    response.status,
    body.code ?? `http_${response.status}`,
    body.detail ?? body.title ?? `The partner API answered ${response.status}.`,
    fields,
    body.existingClientId,
    retryAfterSeconds(response.headers.get("Retry-After")),
    body.client
  );
}

/** "/einvoicingMandate" → "mandate": the profile's key for an API field name. */
function fieldKeyOf(pointer: string, region?: ProfileId): string {
  const name = pointer.replace(/^\//, "").split("/")[0] ?? "";
  if (!region) return name;
  return (
    getProfile(region).fields.find((field) => (field.apiName ?? field.key) === name)?.key ?? name
  );
}

/** Retry-After as seconds: a number of seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
