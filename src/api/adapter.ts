import type { components } from "./generated/openapi";
import { getProfile, PROFILES, type ProfileId } from "../core";
import { ApiProblem, type FieldProblem } from "./errors";

/**
 * Everything that knows the partner API's wire format: paths, headers, body and problem
 * shapes. Switching to the production API means a new adapter, not changes elsewhere (SPEC §7).
 */
export type Partner = components["schemas"]["Partner"];
export type ConfigurationTemplate = components["schemas"]["ConfigurationTemplate"];
export type ClientInput = components["schemas"]["ClientInput"];
export type Client = components["schemas"]["Client"];
export type Identifier = components["schemas"]["Identifier"];
export type LookupMatch = components["schemas"]["LookupMatch"];
export type Invitation = components["schemas"]["Invitation"];
type ProblemBody = components["schemas"]["Problem"];

export interface WireRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const json = {
  "Content-Type": "application/json",
  Accept: "application/json, application/problem+json",
};

export const wire = {
  partner: (): WireRequest => ({ method: "GET", path: "/v1/partner", headers: json }),
  templates: (): WireRequest => ({
    method: "GET",
    path: "/v1/configuration-templates",
    headers: json,
  }),
  lookup: (identifiers: Identifier[]): WireRequest => ({
    method: "POST",
    path: "/v1/clients/lookup",
    headers: json,
    body: JSON.stringify({ identifiers }),
  }),
  createClient: (input: ClientInput, idempotencyKey: string): WireRequest => ({
    method: "POST",
    path: "/v1/clients",
    headers: { ...json, "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(input),
  }),
  getClient: (id: string): WireRequest => ({
    method: "GET",
    path: `/v1/clients/${encodeURIComponent(id)}`,
    headers: json,
  }),
  invite: (id: string): WireRequest => ({
    method: "POST",
    path: `/v1/clients/${encodeURIComponent(id)}/invitation`,
    headers: json,
  }),
};

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

/** Reads a JSON body, or a problem for any non-2xx answer. */
export async function readAnswer<T>(response: Response, region?: ProfileId): Promise<T> {
  const text = await response.text();
  if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
  throw toProblem(response, text, region);
}

/** A problem response as a typed error; field pointers become the rules engine's field keys. */
export function toProblem(response: Response, text: string, region?: ProfileId): ApiProblem {
  let body: Partial<ProblemBody> = {};
  try {
    body = JSON.parse(text) as ProblemBody;
  } catch {
    body = { title: response.statusText };
  }
  const fields: FieldProblem[] = (body.errors ?? []).map((error) => ({
    field: fieldKeyOf(error.pointer, region),
    code: error.code,
    message: error.detail,
  }));
  return new ApiProblem(
    response.status,
    body.code ?? `http_${response.status}`,
    body.detail ?? body.title ?? `The partner API answered ${response.status}.`,
    fields,
    body.existingClientId,
    retryAfterSeconds(response.headers.get("Retry-After"))
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
export function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
