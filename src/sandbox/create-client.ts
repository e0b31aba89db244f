import {
  describeProblem,
  getProfile,
  Validator,
  type Cell,
  type Profile,
  type UiLang,
} from "../core";
import { nameKey, statement, type Db } from "./db";
import { newId } from "./ids";
import type { FieldError } from "./problems";
import type { IceVerdict } from "./registries/ice-batches";

/**
 * What a write is judged with besides its body: the answers' language, the partner's
 * templates, and what the company register said of the body's ICE (Morocco).
 */
export interface Judging {
  lang: UiLang;
  templates: { id: string; name: string }[];
  ice?: IceVerdict;
}

/**
 * The client's page in the partner space, given in responses as `url`: on the API's own
 * origin (`base`), the only links the add-in puts in cells.
 */
const clientUrl = (base: string, id: string) => `${base}/clients/${id}`;

/** A client as the sandbox stores it. */
export interface ClientRow {
  id: string;
  data: string;
  contact_email: string;
  status: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A client as the API answers it. */
export function clientBody(row: ClientRow, base: string) {
  return bodyOf(JSON.parse(row.data) as object, row, base);
}

/** A client as the API answers it, from its data as an object (not read back from text). */
function bodyOf(data: object, row: Omit<ClientRow, "data" | "contact_email">, base: string) {
  return {
    ...data,
    id: row.id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    url: clientUrl(base, row.id),
  };
}

/** A client's version as its strong entity tag ("3"). */
export const etagOf = (version: number) => `"${version}"`;

/** A partner as the sandbox stores it. */
export interface PartnerRow {
  id: string;
  name: string;
  region: Profile["id"];
}

export type Outcome =
  | { status: 200 | 201 | 404 | 409 | 412; body: object; replayed?: boolean }
  | { status: 422; errors: FieldError[] };

/**
 * What an update requires of the client's version (If-Match): one of these versions, or any
 * (`*`). Weak tags never match: If-Match compares strongly.
 */
export type Precondition = { anyVersion: true } | { versions: readonly number[] };

/** The field's name on the wire: the profile's key, or its `apiName`. */
export const apiKeyOf = (field: Profile["fields"][number]) => field.apiName ?? field.key;

/** The field whose value the company register is asked about (Morocco's ICE), if any. */
export const iceFieldOf = (profile: Profile) => profile.fields.find((f) => f.rule.kind === "ice");

/**
 * Judges the body with the same rules as the add-in (the region's profile) and creates the
 * client. Identifiers that another client holds make a 409 naming that client.
 */
export function createClient(
  db: Db,
  partner: PartnerRow,
  body: Record<string, unknown>,
  judging: Judging,
  base: string
): Outcome {
  const profile = getProfile(partner.region);
  const judged = judgeBody(profile, body, judging);
  if ("errors" in judged) return { status: 422, errors: judged.errors };
  return (
    conflictOf(db, partner, profile, judged.data) ??
    insert(db, partner, profile, judged.data, base, noticesOf(profile, judging))
  );
}

/** What creating a client would answer, without creating it (the dry run). */
export interface DryRun {
  valid: boolean;
  problems: FieldError[];
  existingClientId?: string;
  notices?: FieldError[];
}

/** Judges the body as `createClient` does, and stores nothing. */
export function dryRunCreate(
  db: Db,
  partner: PartnerRow,
  body: Record<string, unknown>,
  judging: Judging
): DryRun {
  const profile = getProfile(partner.region);
  const judged = judgeBody(profile, body, judging);
  if ("errors" in judged) return { valid: false, problems: judged.errors };
  const conflict = conflictOf(db, partner, profile, judged.data);
  const notices = noticesOf(profile, judging);
  if (!conflict || !("body" in conflict))
    return { valid: true, problems: [], ...(notices ? { notices } : {}) };
  const { errors, existingClientId } = conflict.body as {
    errors: FieldError[];
    existingClientId: string;
  };
  return { valid: false, problems: errors, existingClientId };
}

/**
 * Makes a client what the body says, judged as a new client is. Identifiers that another
 * client holds make a 409 naming that client; the client's own identifiers are its own.
 */
export function updateClient(
  db: Db,
  partner: PartnerRow,
  id: string,
  body: Record<string, unknown>,
  judging: Judging,
  base: string,
  precondition: Precondition
): Outcome {
  const existing = statement(db, "SELECT * FROM clients WHERE id = ? AND partner_id = ?").get(
    id,
    partner.id
  ) as ClientRow | undefined;
  if (!existing) return { status: 404, body: NOT_FOUND };
  if (!("anyVersion" in precondition) && !precondition.versions.includes(existing.version))
    return { status: 412, body: changedSince(existing, base) };
  const profile = getProfile(partner.region);
  const judged = judgeBody(profile, body, judging);
  if ("errors" in judged) return { status: 422, errors: judged.errors };
  const conflict = conflictOf(db, partner, profile, judged.data, id);
  if (conflict) return conflict;
  const data = JSON.stringify(judged.data);
  const contactEmail = String(judged.data.contactEmail ?? "");
  const version = existing.version + 1;
  const updatedAt = new Date().toISOString();
  statement(
    db,
    "UPDATE clients SET data = ?, contact_email = ?, name_key = ?, version = ?, updated_at = ? WHERE id = ?"
  ).run(data, contactEmail, nameKey(String(judged.data.companyName ?? "")), version, updatedAt, id);
  statement(db, "DELETE FROM client_identifiers WHERE client_id = ?").run(id);
  storeIdentifiers(db, partner, profile, judged.data, id);
  const notices = noticesOf(profile, judging);
  return {
    status: 200,
    body: {
      ...bodyOf(judged.data, { ...existing, version, updated_at: updatedAt }, base),
      ...(notices ? { notices } : {}),
    },
  };
}

/** The 412 of an update made from an older version: the client as it now is, to compare. */
function changedSince(existing: ClientRow, base: string) {
  return {
    type: "urn:problem:changed_since",
    title: "Changed since",
    status: 412,
    code: "changed_since",
    detail: `This client changed since the version this change was made from (it is now at version ${existing.version}).`,
    client: clientBody(existing, base),
  };
}

/** The problem of an id the partner has no client with (another partner's clients included). */
export const NOT_FOUND = {
  type: "urn:problem:client_not_found",
  title: "No such client",
  status: 404,
  code: "client_not_found",
  detail: "This partner has no client with this id.",
};

/** Validators by region and template names: compiled once, reused by every request. */
const validators = new Map<string, Validator>();
const MAX_VALIDATORS = 64;

function validatorFor(profile: Profile, templates: string[]): Validator {
  const key = `${profile.id}\u0000${templates.join("\u0001")}`;
  let validator = validators.get(key);
  if (!validator) {
    // Partners' template lists change seldom: a full cache is simply started again.
    if (validators.size >= MAX_VALIDATORS) validators.clear();
    validator = new Validator(profile, { headerLang: "fr", templates });
    validators.set(key, validator);
  }
  return validator;
}

/** The body as the client's stored data, or every field error in it. */
function judgeBody(
  profile: Profile,
  body: Record<string, unknown>,
  { lang, templates, ice }: Judging
): { data: Record<string, unknown> } | { errors: FieldError[] } {
  const known = new Set(profile.fields.map(apiKeyOf));
  const errors: FieldError[] = Object.keys(body)
    .filter((key) => !known.has(key))
    .map((key) => ({
      pointer: `/${key}`,
      code: `${key}.notInRegion`,
      detail: `Clients of this region have no field ${key}.`,
    }));
  // The API names a template by its id and a mandate as a boolean; the rules read the sheet's words.
  const cells = profile.fields.map((field): Cell => {
    const value = body[apiKeyOf(field)];
    if (field.rule.kind === "yesNo" && typeof value === "boolean") return value ? "Oui" : "Non";
    if (field.rule.kind === "configurationTemplate" && typeof value === "string") {
      const template = templates.find((t) => t.id === value);
      if (!template) {
        const detail = `You have no configuration template with id ${value}.`;
        errors.push({ pointer: `/${apiKeyOf(field)}`, code: `${field.key}.unknown`, detail });
      }
      return template?.name;
    }
    return value as Cell;
  });
  const validator = validatorFor(
    profile,
    templates.map((t) => t.name)
  );
  const result = validator.validateRow({ row: 1, cells });
  for (const problem of result?.problems ?? []) {
    const field = profile.fields.find((f) => f.key === problem.field)!;
    errors.push({
      pointer: `/${apiKeyOf(field)}`,
      code: problem.code,
      detail: describeProblem(problem, lang, profile),
    });
  }
  if (!result)
    errors.push({ pointer: "/", code: "client.empty", detail: "The client has no fields." });
  // The register is asked only for an ICE the rules accept: a malformed one is refused for that.
  const iceField = iceFieldOf(profile);
  if (ice === "unknown" && iceField && !errors.some((e) => e.pointer === `/${apiKeyOf(iceField)}`))
    errors.push(fieldError(profile, iceField, "unknown", lang));
  if (errors.length > 0 || !result) return { errors };
  const data: Record<string, unknown> = {};
  profile.fields.forEach((field, i) => {
    const value = result.values[i];
    if (value === undefined) return;
    data[apiKeyOf(field)] =
      field.rule.kind === "configurationTemplate" ? body[apiKeyOf(field)] : value;
  });
  return { data };
}

/** A field's error as the API words it: its pointer, its code, the rules' message. */
function fieldError(
  profile: Profile,
  field: Profile["fields"][number],
  reason: string,
  lang: UiLang
): FieldError {
  const code = `${field.key}.${reason}`;
  return {
    pointer: `/${apiKeyOf(field)}`,
    code,
    detail: describeProblem({ field: field.key, code }, lang, profile),
  };
}

/**
 * What a write that went through should say besides: an ICE the register could not be asked
 * about is accepted (an unreachable register never refuses), and said to be unchecked.
 */
function noticesOf(profile: Profile, { ice, lang }: Judging): FieldError[] | undefined {
  const iceField = iceFieldOf(profile);
  if (ice !== "unchecked" || !iceField) return undefined;
  return [fieldError(profile, iceField, "unchecked", lang)];
}

/** The 409 when another client of the partner already holds one of the identifiers. */
function conflictOf(
  db: Db,
  partner: PartnerRow,
  profile: Profile,
  data: Record<string, unknown>,
  /** The client being updated: its own identifiers are no conflict. */
  self?: string
): Outcome | undefined {
  const holderOf = statement(
    db,
    "SELECT client_id FROM client_identifiers WHERE partner_id = ? AND field = ? AND value = ?"
  );
  for (const uniqueField of profile.fields.filter((f) => f.unique)) {
    const value = data[apiKeyOf(uniqueField)];
    if (typeof value !== "string") continue;
    const holder = holderOf.get(partner.id, uniqueField.key, value) as
      { client_id: string } | undefined;
    if (!holder || holder.client_id === self) continue;
    return {
      status: 409,
      body: {
        type: "urn:problem:duplicate_client",
        title: "Client already exists",
        status: 409,
        code: "duplicate_client",
        detail: `A client with this ${uniqueField.key} already exists.`,
        existingClientId: holder.client_id,
        errors: [
          {
            pointer: `/${apiKeyOf(uniqueField)}`,
            code: `${uniqueField.key}.exists`,
            detail: "Another client of yours has this value.",
          },
        ],
      },
    };
  }
  return undefined;
}

/** Stores a new client and its identifiers (the primary key refuses a second holder). */
function insert(
  db: Db,
  partner: PartnerRow,
  profile: Profile,
  data: Record<string, unknown>,
  base: string,
  notices: FieldError[] | undefined
): Outcome {
  const id = newId("cl");
  const createdAt = new Date().toISOString();
  const contactEmail = String(data.contactEmail ?? "");
  statement(
    db,
    "INSERT INTO clients (id, partner_id, data, contact_email, name_key, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
  ).run(
    id,
    partner.id,
    JSON.stringify(data),
    contactEmail,
    nameKey(String(data.companyName ?? "")),
    createdAt,
    createdAt
  );
  storeIdentifiers(db, partner, profile, data, id);
  return {
    status: 201,
    body: {
      ...bodyOf(
        data,
        { id, status: "draft", created_at: createdAt, updated_at: createdAt, version: 1 },
        base
      ),
      ...(notices ? { notices } : {}),
    },
  };
}

/** One row per unique identifier of the client (the primary key refuses a second holder). */
function storeIdentifiers(
  db: Db,
  partner: PartnerRow,
  profile: Profile,
  data: Record<string, unknown>,
  id: string
): void {
  const identifier = statement(
    db,
    "INSERT INTO client_identifiers (partner_id, field, value, client_id) VALUES (?, ?, ?, ?)"
  );
  for (const uniqueField of profile.fields.filter((f) => f.unique)) {
    const value = data[apiKeyOf(uniqueField)];
    if (typeof value === "string") identifier.run(partner.id, uniqueField.key, value, id);
  }
}
