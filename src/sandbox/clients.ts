import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  canonicalJson,
  describeProblem,
  getProfile,
  Validator,
  type Cell,
  type Profile,
  type ProfileId,
  type UiLang,
  uiLanguageOf,
} from "../core";
import type { BodyCheck } from "./contract";
import { nameKey, type Db } from "./db";
import { newId, sha256 } from "./ids";
import { sendProblem, type FieldError } from "./problems";

interface PartnerRow {
  id: string;
  name: string;
  region: ProfileId;
}

interface Checks {
  clientInput: BodyCheck;
  lookupRequest: BodyCheck;
}

/** The web app's address of a client, given in responses as `url`. */
const clientUrl = (id: string) => `https://app.banqup.example/partner/clients/${id}`;

/** The field's name on the wire: the profile's key, or its `apiName`. */
const apiKeyOf = (field: Profile["fields"][number]) => field.apiName ?? field.key;

function languageOf(request: FastifyRequest): UiLang {
  return uiLanguageOf(String(request.headers["accept-language"] ?? ""));
}

export function registerClientRoutes(app: FastifyInstance, db: Db, checks: Checks): void {
  const partnerOf = (request: FastifyRequest) =>
    db
      .prepare("SELECT id, name, region FROM partners WHERE id = ?")
      .get(request.partnerId) as PartnerRow;

  // Statements prepared once, not on every request.
  const templateRows = db.prepare(
    "SELECT id, name, description FROM templates WHERE partner_id = ? ORDER BY name"
  );
  const templateUsers = db.prepare(
    "SELECT u.id, u.name, u.email FROM template_users t JOIN users u ON u.id = t.user_id WHERE t.template_id = ? ORDER BY u.name"
  );
  const templateIntegrations = db.prepare(
    "SELECT i.id, i.name FROM template_integrations t JOIN integrations i ON i.id = t.integration_id WHERE t.template_id = ? ORDER BY i.name"
  );
  /** The partner's templates as the API lists them, with their users and integrations. */
  const templatesOf = (partnerId: string) =>
    (templateRows.all(partnerId) as { id: string; name: string; description: string | null }[]).map(
      (t) => ({
        ...t,
        users: templateUsers.all(t.id),
        integrations: templateIntegrations.all(t.id),
      })
    );
  /** What a create needs of the templates: ids and names only (one query, not 1 + 2·N). */
  const templateNames = db.prepare("SELECT id, name FROM templates WHERE partner_id = ?");

  const findClient = db.prepare("SELECT * FROM clients WHERE id = ? AND partner_id = ?");
  /** One of the partner's clients; another partner's clients do not exist for it. */
  const clientOf = (partnerId: string, id: string) =>
    findClient.get(id, partnerId) as ClientRow | undefined;

  app.get("/v1/partner", async (request) => {
    const partner = partnerOf(request);
    const users = db
      .prepare("SELECT id, name, email FROM users WHERE partner_id = ? ORDER BY name")
      .all(partner.id);
    return { ...partner, users };
  });

  app.get("/v1/configuration-templates", async (request) => ({
    items: templatesOf(request.partnerId as string),
  }));

  app.post("/v1/clients/lookup", async (request, reply) => {
    const errors = checks.lookupRequest(request.body);
    if (errors.length > 0) return invalid(reply, errors);
    const { identifiers } = request.body as { identifiers: { type: string; value: string }[] };
    const byIdentifier = db.prepare(
      "SELECT i.client_id, c.data FROM client_identifiers i JOIN clients c ON c.id = i.client_id WHERE i.partner_id = ? AND i.field = ? AND i.value = ?"
    );
    const byEmail = db.prepare(
      "SELECT id AS client_id, data FROM clients WHERE partner_id = ? AND contact_email = ?"
    );
    const byName = db.prepare(
      "SELECT id AS client_id, data FROM clients WHERE partner_id = ? AND name_key = ? AND name_key <> ''"
    );
    const matches = identifiers.flatMap(({ type, value }) => {
      const rows = (
        type === "contactEmail"
          ? byEmail.all(request.partnerId, value)
          : type === "companyName"
            ? byName.all(request.partnerId, nameKey(value))
            : byIdentifier.all(request.partnerId, type, value)
      ) as {
        client_id: string;
        data: string;
      }[];
      return rows.map((row) => ({
        type,
        value,
        clientId: row.client_id,
        companyName: String(JSON.parse(row.data).companyName),
      }));
    });
    return { matches };
  });

  app.post("/v1/clients", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || key.length < 8 || key.length > 255) {
      return sendProblem(reply, {
        status: 400,
        title: "Idempotency-Key required",
        code: "idempotency_key_missing",
        detail: "Send an Idempotency-Key header of 8 to 255 characters, unique to this client row.",
      });
    }
    const schemaErrors = checks.clientInput(request.body);
    if (schemaErrors.length > 0) return invalid(reply, schemaErrors);
    const body = request.body as Record<string, unknown>;
    const partner = partnerOf(request);
    const bodyHash = sha256(canonicalJson(body));
    // One synchronous transaction: concurrent requests with the same key or the same
    // identifiers cannot interleave. It returns plain data; replying happens after it, because
    // a transaction function must not return a promise-like (Fastify's reply is one).
    const outcome = db.transaction((): Outcome | { status: "reused" } => {
      const stored = db
        .prepare(
          "SELECT body_hash, status, response FROM idempotency_keys WHERE partner_id = ? AND key = ?"
        )
        .get(partner.id, key) as
        { body_hash: string; status: 201 | 409; response: string } | undefined;
      if (stored) {
        if (stored.body_hash !== bodyHash) return { status: "reused" };
        return {
          status: stored.status,
          body: JSON.parse(stored.response) as object,
          replayed: true,
        };
      }
      const created = createClient(
        db,
        partner,
        body,
        languageOf(request),
        templateNames.all(partner.id) as { id: string; name: string }[]
      );
      if (created.status !== 422) {
        db.prepare(
          "INSERT INTO idempotency_keys (partner_id, key, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)"
        ).run(
          partner.id,
          key,
          bodyHash,
          created.status,
          JSON.stringify(created.body),
          new Date().toISOString()
        );
      }
      return created;
    })();
    if (outcome.status === "reused") {
      return sendProblem(reply, {
        status: 422,
        title: "Idempotency-Key reused",
        code: "idempotency_key_reused",
        detail:
          "This Idempotency-Key was used with another body. Use a new key for another client.",
      });
    }
    if (outcome.status === 422) return invalid(reply, outcome.errors);
    return reply
      .code(outcome.status)
      .header("Idempotent-Replayed", outcome.replayed ? "true" : "false")
      .type(outcome.status === 201 ? "application/json" : "application/problem+json")
      .send(outcome.body);
  });

  app.get("/v1/clients/:id", async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = clientOf(request.partnerId as string, id);
    if (!row) return notFound(reply);
    return clientBody(row);
  });

  app.post("/v1/clients/:id/invitation", async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = clientOf(request.partnerId as string, id);
    if (!row) return notFound(reply);
    db.prepare(
      "INSERT OR IGNORE INTO outbox (id, client_id, kind, recipient, created_at) VALUES (?, ?, 'invitation', ?, ?)"
    ).run(newId("iv"), id, row.contact_email, new Date().toISOString());
    db.prepare("UPDATE clients SET status = 'invited' WHERE id = ? AND status = 'draft'").run(id);
    const invitation = db
      .prepare("SELECT * FROM outbox WHERE client_id = ? AND kind = 'invitation'")
      .get(id) as {
      id: string;
      recipient: string;
      status: string;
      created_at: string;
    };
    return reply.code(201).send({
      id: invitation.id,
      clientId: id,
      email: invitation.recipient,
      status: invitation.status,
      createdAt: invitation.created_at,
    });
  });
}

interface ClientRow {
  id: string;
  data: string;
  contact_email: string;
  status: string;
  created_at: string;
}

function clientBody(row: ClientRow) {
  return {
    ...(JSON.parse(row.data) as object),
    id: row.id,
    status: row.status,
    createdAt: row.created_at,
    url: clientUrl(row.id),
  };
}

function invalid(reply: FastifyReply, errors: FieldError[]) {
  return sendProblem(reply, {
    status: 422,
    title: "Invalid client",
    code: "validation_failed",
    detail: "Some fields are invalid: see errors.",
    errors,
  });
}

function notFound(reply: FastifyReply) {
  return sendProblem(reply, {
    status: 404,
    title: "No such client",
    code: "client_not_found",
    detail: "This partner has no client with this id.",
  });
}

type Outcome =
  { status: 201 | 409; body: object; replayed?: boolean } | { status: 422; errors: FieldError[] };

/**
 * Judges the body with the same rules as the add-in (the region's profile) and creates the
 * client. Identifiers that another client holds make a 409 naming that client.
 */
function createClient(
  db: Db,
  partner: PartnerRow,
  body: Record<string, unknown>,
  lang: UiLang,
  templates: { id: string; name: string }[]
): Outcome {
  const profile = getProfile(partner.region);
  const known = new Set(profile.fields.map(apiKeyOf));
  const errors: FieldError[] = Object.keys(body)
    .filter((key) => !known.has(key))
    .map((key) => ({
      pointer: `/${key}`,
      code: `${key}.notInRegion`,
      detail: `Clients of this region have no field ${key}.`,
    }));
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
  const validator = new Validator(profile, {
    headerLang: "fr",
    templates: templates.map((t) => t.name),
  });
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
  if (errors.length > 0) return { status: 422, errors };

  const data: Record<string, unknown> = {};
  profile.fields.forEach((field, i) => {
    const value = result!.values[i];
    if (value === undefined) return;
    data[apiKeyOf(field)] =
      field.rule.kind === "configurationTemplate" ? body[apiKeyOf(field)] : value;
  });
  for (const uniqueField of profile.fields.filter((f) => f.unique)) {
    const value = data[apiKeyOf(uniqueField)];
    if (typeof value !== "string") continue;
    const holder = db
      .prepare(
        "SELECT client_id FROM client_identifiers WHERE partner_id = ? AND field = ? AND value = ?"
      )
      .get(partner.id, uniqueField.key, value) as { client_id: string } | undefined;
    if (holder) {
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
  }
  const id = newId("cl");
  const createdAt = new Date().toISOString();
  const contactEmail = String(data.contactEmail ?? "");
  db.prepare(
    "INSERT INTO clients (id, partner_id, data, contact_email, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?)"
  ).run(
    id,
    partner.id,
    JSON.stringify(data),
    contactEmail,
    nameKey(String(data.companyName ?? "")),
    createdAt
  );
  const identifier = db.prepare(
    "INSERT INTO client_identifiers (partner_id, field, value, client_id) VALUES (?, ?, ?, ?)"
  );
  for (const uniqueField of profile.fields.filter((f) => f.unique)) {
    const value = data[apiKeyOf(uniqueField)];
    if (typeof value === "string") identifier.run(partner.id, uniqueField.key, value, id);
  }
  return {
    status: 201,
    body: clientBody({
      id,
      data: JSON.stringify(data),
      contact_email: contactEmail,
      status: "draft",
      created_at: createdAt,
    }),
  };
}
