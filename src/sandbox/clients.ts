import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { canonicalJson, getProfile, type UiLang, uiLanguageOf } from "../core";
import type { BodyCheck } from "./contract";
import {
  apiKeyOf,
  clientBody,
  createClient,
  dryRunCreate,
  etagOf,
  iceFieldOf,
  type Judging,
  NOT_FOUND,
  updateClient,
  type ClientRow,
  type Outcome,
  type PartnerRow,
  type Precondition,
} from "./create-client";
import { issuerOf } from "./auth";
import { nameKey, statement, type Db } from "./db";
import { newId, sha256 } from "./ids";
import { sendInvalid, sendProblem, type FieldError } from "./problems";
import { writeBatches } from "./write-batches";
import type { Registries } from "./registries/upstreams";
import { cursorAfter, ifMatchOf, noneMatchNames, pageQueryOf } from "./versions";

interface Checks {
  clientInput: BodyCheck;
  lookupRequest: BodyCheck;
  validateRequest: BodyCheck;
  /** Asked whether an ICE belongs to a company before a Moroccan client is written. */
  registries: Pick<Registries, "iceVerdicts">;
}

/** The field of a region's clients that the company register is asked about (its wire name). */
const iceNameOf = (region: PartnerRow["region"]) => {
  const field = iceFieldOf(getProfile(region));
  return field && apiKeyOf(field);
};

/**
 * The ICE of a body, when it has the shape of one: the register is asked, and an ICE the
 * rules refuse (its checksum) is refused for that, not as unknown.
 */
function iceOf(partner: PartnerRow, body: unknown): string | undefined {
  const name = iceNameOf(partner.region);
  const value = name && (body as Record<string, unknown> | null)?.[name];
  return typeof value === "string" && /^\d{15}$/.test(value) ? value : undefined;
}

interface TemplateRow {
  id: string;
  name: string;
  description: string | null;
  /** JSON: language → description. */
  descriptions: string | null;
}

function languageOf(request: FastifyRequest): UiLang {
  return uiLanguageOf(String(request.headers["accept-language"] ?? ""));
}

export function registerClientRoutes(app: FastifyInstance, db: Db, checks: Checks): void {
  // Statements prepared once, not on every request.
  const partnerRow = db.prepare("SELECT id, name, region FROM partners WHERE id = ?");
  const partnerOf = (request: FastifyRequest) => partnerRow.get(request.partnerId) as PartnerRow;
  const templateRows = db.prepare(
    "SELECT id, name, description, descriptions FROM templates WHERE partner_id = ? ORDER BY name"
  );
  const templateUsers = db.prepare(
    "SELECT u.id, u.name, u.email FROM template_users t JOIN users u ON u.id = t.user_id WHERE t.template_id = ? ORDER BY u.name"
  );
  const templateIntegrations = db.prepare(
    "SELECT i.id, i.name FROM template_integrations t JOIN integrations i ON i.id = t.integration_id WHERE t.template_id = ? ORDER BY i.name"
  );
  /** The partner's templates as the API lists them, with their users and integrations. */
  const templatesOf = (partnerId: string) =>
    (templateRows.all(partnerId) as TemplateRow[]).map(({ descriptions, ...t }) => ({
      ...t,
      ...(descriptions ? { descriptions: JSON.parse(descriptions) as Record<string, string> } : {}),
      users: templateUsers.all(t.id),
      integrations: templateIntegrations.all(t.id),
    }));
  /** What a create needs of the templates: ids and names only (one query, not 1 + 2·N). */
  const templateNames = db.prepare("SELECT id, name FROM templates WHERE partner_id = ?");

  /** How the bodies of a request are judged: language, templates, and each one's ICE verdict. */
  const judgingFor = async (
    request: FastifyRequest,
    partner: PartnerRow,
    bodies: unknown[],
    askRegister = true
  ) => {
    const ices = bodies.map((body) => (askRegister ? iceOf(partner, body) : undefined));
    const asked = ices.filter((ice): ice is string => ice !== undefined);
    const verdicts = asked.length ? await checks.registries.iceVerdicts(asked) : undefined;
    const base = {
      lang: languageOf(request),
      templates: templateNames.all(partner.id) as { id: string; name: string }[],
    };
    return ices.map((ice): Judging => (ice ? { ...base, ice: verdicts!.get(ice) } : base));
  };

  const onceForKey = onceForKeyIn(db);
  const keyAnswered = db.prepare("SELECT 1 FROM idempotency_keys WHERE partner_id = ? AND key = ?");
  const inBatch = writeBatches(db);

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

  /**
   * A write of a client under an Idempotency-Key (create, update): the key and the body
   * checked, the write run once per key, its outcome answered as the contract says.
   */
  const idempotentWrite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    write: (partner: PartnerRow, body: Record<string, unknown>, judging: Judging) => Outcome
  ) => {
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
    // A key answered before is answered again as it was: a retry does not wait for the
    // register (down, it would cost every retry its timeouts).
    const replay = keyAnswered.get(partner.id, key) !== undefined;
    const [judging] = await judgingFor(request, partner, [body], !replay);
    // An update's method and path are part of what its key stands for: the same body sent
    // as an update of another client is another request. A create's hash is its body alone,
    // as the keys stored by earlier sandboxes were made.
    const scope = request.method === "POST" ? "" : `${request.method} ${request.url}\n`;
    const fingerprint = sha256(`${scope}${canonicalJson(body)}`);
    const outcome = await inBatch(() =>
      onceForKey(partner.id, key, fingerprint, () => write(partner, body, judging!))
    );
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
    reply.header("Idempotent-Replayed", outcome.replayed ? "true" : "false");
    return answer(reply, outcome);
  };

  app.post("/v1/clients", (request, reply) =>
    idempotentWrite(request, reply, (partner, body, judging) =>
      createClient(db, partner, body, judging, issuerOf(request))
    )
  );

  // A dry run of creates: each body judged as a create's, nothing stored, no key needed.
  app.post("/v1/clients/validate", async (request, reply) => {
    const errors = checks.validateRequest(request.body);
    if (errors.length > 0) return invalid(reply, errors);
    const partner = partnerOf(request);
    const bodies = (request.body as { clients: unknown[] }).clients;
    const judgings = await judgingFor(request, partner, bodies);
    const results = bodies.map((body, i) => {
      const schemaErrors = checks.clientInput(body);
      if (schemaErrors.length > 0) return { valid: false, problems: schemaErrors };
      return dryRunCreate(db, partner, body as Record<string, unknown>, judgings[i]!);
    });
    return { results };
  });

  app.patch("/v1/clients/:id", (request, reply) => {
    const precondition = ifMatchOf(request.headers["if-match"]);
    if (precondition === "missing")
      return sendProblem(reply, {
        status: 428,
        title: "If-Match required",
        code: "if_match_required",
        detail:
          'Send If-Match with the ETag of the version this change was made from (e.g. "3"), so that a change made meanwhile is not lost.',
      });
    if (precondition === "malformed")
      return sendProblem(reply, {
        status: 400,
        title: "If-Match malformed",
        code: "if_match_malformed",
        detail: 'If-Match must be an entity tag such as "3", or *.',
      });
    return idempotentWrite(request, reply, (partner, body, judging) =>
      updateClient(
        db,
        partner,
        (request.params as { id: string }).id,
        body,
        judging,
        issuerOf(request),
        precondition
      )
    );
  });

  const pageRows = db.prepare(
    "SELECT rowid AS position, * FROM clients WHERE partner_id = ? AND rowid < ? AND updated_at >= ? ORDER BY rowid DESC LIMIT ?"
  );
  app.get("/v1/clients", async (request, reply) => {
    const query = pageQueryOf(request.query as Record<string, unknown>);
    if ("problem" in query)
      return sendProblem(reply, {
        status: 400,
        title: query.problem === "invalid_cursor" ? "Invalid cursor" : "Invalid query",
        code: query.problem,
        detail: query.detail,
      });
    // One more than the page: whether there is a next page, without another query.
    const rows = pageRows.all(
      request.partnerId,
      query.before ?? Number.MAX_SAFE_INTEGER,
      query.updatedSince ?? "",
      query.limit + 1
    ) as (ClientRow & { position: number })[];
    const page = rows.slice(0, query.limit);
    const base = issuerOf(request);
    return {
      items: page.map((row) => clientBody(row, base)),
      nextCursor: rows.length > query.limit ? cursorAfter(page.at(-1)!.position) : null,
    };
  });

  app.get("/v1/clients/:id", async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = clientOf(request.partnerId as string, id);
    if (!row) return notFound(reply);
    reply.header("ETag", etagOf(row.version));
    if (noneMatchNames(request.headers["if-none-match"], row.version))
      return reply.code(304).send();
    return clientBody(row, issuerOf(request));
  });

  // Not Banqup's API: the sandbox's stand-in for a change made elsewhere (a colleague in
  // Banqup's own screens), for tests and the preview. The body's fields replace the client's
  // (null removes one); no If-Match, as a screen that shows the client as it is needs none.
  app.patch("/sandbox/clients/:id", async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = clientOf(request.partnerId as string, id);
    if (!row) return notFound(reply);
    const changes = request.body;
    if (!changes || typeof changes !== "object" || Array.isArray(changes))
      return sendProblem(reply, {
        status: 400,
        title: "Invalid change",
        code: "invalid_change",
        detail: "Send the fields to change as a JSON object.",
      });
    const merged: Record<string, unknown> = { ...(JSON.parse(row.data) as object) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    const schemaErrors = checks.clientInput(merged);
    if (schemaErrors.length > 0) return invalid(reply, schemaErrors);
    const partner = partnerOf(request);
    const anyVersion: Precondition = { anyVersion: true };
    const [judging] = await judgingFor(request, partner, [merged]);
    const outcome = await inBatch(() =>
      updateClient(db, partner, id, merged, judging!, issuerOf(request), anyVersion)
    );
    if (outcome.status === 422) return invalid(reply, outcome.errors);
    return answer(reply, outcome);
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

function invalid(reply: FastifyReply, errors: FieldError[]) {
  return sendInvalid(
    reply,
    { title: "Invalid client", detail: "Some fields are invalid: see errors." },
    errors
  );
}

/**
 * A write's outcome as the answer: its status and body, with the ETag of the client it
 * carries (a success's, or a 412's client as it now is).
 */
function answer(reply: FastifyReply, outcome: Exclude<Outcome, { status: 422 }>) {
  const success = outcome.status === 200 || outcome.status === 201;
  const client = success ? outcome.body : (outcome.body as { client?: object }).client;
  const version = (client as { version?: unknown } | undefined)?.version;
  if (typeof version === "number") reply.header("ETag", etagOf(version));
  return reply
    .code(outcome.status)
    .type(success ? "application/json" : "application/problem+json")
    .send(outcome.body);
}

function notFound(reply: FastifyReply) {
  return sendProblem(reply, NOT_FOUND);
}

/**
 * Runs `write` once per idempotency key: the same key with the same request answers what the
 * first one got (replayed), with another it is refused. Run as one of the write batches
 * (synchronous, in a savepoint of its own), so concurrent requests with the same key or the
 * same identifiers cannot interleave.
 */
function onceForKeyIn(db: Db) {
  const find = statement(
    db,
    "SELECT body_hash, status, response FROM idempotency_keys WHERE partner_id = ? AND key = ?"
  );
  const remember = statement(
    db,
    "INSERT INTO idempotency_keys (partner_id, key, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)"
  );
  return (
    partnerId: string,
    key: string,
    requestHash: string,
    write: () => Outcome
  ): Outcome | { status: "reused" } => {
    const stored = find.get(partnerId, key) as
      { body_hash: string; status: 200 | 201 | 409; response: string } | undefined;
    if (stored) {
      if (stored.body_hash !== requestHash) return { status: "reused" };
      return {
        status: stored.status,
        body: JSON.parse(stored.response) as object,
        replayed: true,
      };
    }
    const outcome = write();
    // A refused body (422), an unknown client (404) or a change made from an older version
    // (412) is not remembered: the same key may come back corrected, or from the new version.
    if (outcome.status !== 422 && outcome.status !== 404 && outcome.status !== 412) {
      remember.run(
        partnerId,
        key,
        requestHash,
        outcome.status,
        JSON.stringify(outcome.body),
        new Date().toISOString()
      );
    }
    return outcome;
  };
}
