import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import cors from "@fastify/cors";
import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import { registerAuth, requirePartner } from "./auth";
import { escapeHtml } from "./sign-in-page";
import type { GrantOptions } from "./grants";
import { registerClientRoutes } from "./clients";
import { registerCompanyRoutes } from "./companies";
import { loadContract } from "./contract";
import { openDatabase, type Db } from "./db";
import { sendProblem } from "./problems";
import { seed } from "./seed";
import { startFixtureUpstreams, type FixtureUpstreams } from "./registries/fixture-upstreams";
import { DEFAULT_REGISTRY_OPTIONS, Registries, type RegistryOptions } from "./registries/upstreams";

/** Faults a test can ask for; all off by default. Rates are shares of /v1 requests (0–1). */
export interface Faults {
  latencyMs: number;
  serverErrorRate: number;
  throttleRate: number;
  /** Connections dropped before the request is handled. */
  dropRate: number;
  /** Connections dropped after the request was handled and committed: the answer is lost. */
  lostResponseRate: number;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  serverErrorRate: 0,
  throttleRate: 0,
  dropRate: 0,
  lostResponseRate: 0,
};

export interface SandboxOptions {
  dbFile: string;
  /** The add-in's origin: the only one CORS lets call the API. */
  allowedOrigin: string;
  auth: GrantOptions;
  faults: Faults;
  /** Requests per minute per access token (or per address without one). */
  rateLimitPerMinute: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  random?: () => number;
  /** Serve HTTPS with this certificate (the Office dialog signs in only over HTTPS). */
  https?: { key: string | Buffer; cert: string | Buffer };
  registries: RegistrySettings;
}

/**
 * Where the company lookup asks VIES, the Peppol Directory and the SMP, and client writes
 * ask the Moroccan company register (ICE). An upstream without a
 * URL is served by the sandbox's own fixtures (offline), with their latency and concurrency
 * limit.
 */
type RegistrySettings = Omit<RegistryOptions, "viesUrl" | "peppolUrl"> & {
  viesUrl?: string;
  peppolUrl?: string;
  fixtures: { latencyMs: number; maxConcurrent: number };
};

export const DEFAULT_REDIRECT_URI = "https://localhost:3000/auth-callback.html";
export const ADDIN_CLIENT_ID = "client-import-addin";

export function defaultOptions(overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  return {
    dbFile: ".sandbox/partner.db",
    allowedOrigin: "https://localhost:3000",
    auth: {
      publicClients: new Map([[ADDIN_CLIENT_ID, [DEFAULT_REDIRECT_URI]]]),
      accessTokenSeconds: 300,
      refreshTokenSeconds: 30 * 24 * 3600,
    },
    faults: NO_FAULTS,
    rateLimitPerMinute: 600,
    bodyLimit: 512 * 1024,
    registries: {
      ...DEFAULT_REGISTRY_OPTIONS,
      fixtures: { latencyMs: 0, maxConcurrent: DEFAULT_REGISTRY_OPTIONS.concurrency },
    },
    ...overrides,
  };
}

export interface Sandbox {
  app: FastifyInstance;
  db: Db;
  /** The fixture registries, when the sandbox serves them (closed with the app). */
  fixtures?: FixtureUpstreams;
}

export async function buildSandbox(options: SandboxOptions): Promise<Sandbox> {
  const db = openDatabase(options.dbFile);
  seed(db);
  const contract = loadContract();
  const random = options.random ?? Math.random;
  const { fixtures, registries } = await connectRegistries(options.registries);
  // Closing ends every connection at once. With Fastify's default ("idle"), a keep-alive
  // connection whose request was still being answered when close began stays open until its
  // keep-alive timeout (72 s): a test's close then outlived the test (seen as a timeout in
  // the send tests, under load).
  const serverOptions = {
    logger: false,
    bodyLimit: options.bodyLimit,
    forceCloseConnections: true,
  };
  // Over HTTPS the server type differs, not the routes: the app is used the same way.
  const app = (options.https
    ? Fastify({ ...serverOptions, https: options.https })
    : Fastify(serverOptions)) as unknown as FastifyInstance;

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413)
      return sendProblem(reply, {
        status,
        title: "Request too large",
        code: "body_too_large",
        detail: `Send at most ${options.bodyLimit} bytes.`,
      });
    if (status === 415)
      return sendProblem(reply, {
        status,
        title: "Unsupported content type",
        code: "unsupported_media_type",
        detail: "Send application/json.",
      });
    if (status === 429) {
      // The rate limiter's own problem body: sent as it is, under its status.
      const problem: Record<string, unknown> = { ...(error as unknown as Record<string, unknown>) };
      delete problem.statusCode;
      return reply.code(429).type("application/problem+json").send(problem);
    }
    if (status >= 400 && status < 500) {
      // What is actually wrong: the JSON parser's words, or the framework's (an empty body, a
      // malformed header); never a stack.
      return sendProblem(reply, {
        status,
        title: "Bad request",
        code: "bad_request",
        detail: error.message || "The request is malformed.",
      });
    }
    // Never a stack trace to the caller.
    return sendProblem(reply, {
      status: 500,
      title: "Server error",
      code: "server_error",
      detail: "The sandbox failed; retrying is safe.",
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      status: 404,
      title: "No such route",
      code: "route_not_found",
      detail: `The API has no ${request.method} ${request.url.split("?")[0]}.`,
    })
  );

  // JSON bodies: an empty body is no body (POST …/invitation needs none); malformed JSON is a 400.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    if (body === "") return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(
        Object.assign(new Error("The request body is not valid JSON."), { statusCode: 400 }),
        undefined
      );
    }
  });
  await app.register(cors, {
    // Only the add-in's origin gets CORS headers; any other origin gets none.
    origin: (origin, callback) => callback(null, origin === options.allowedOrigin),
    // PATCH is no CORS-safelisted method: the preflight must name it (an update from the pane).
    methods: ["GET", "HEAD", "POST", "PATCH"],
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "Idempotency-Key",
      "Accept-Language",
      "If-Match",
      "If-None-Match",
    ],
    exposedHeaders: ["Retry-After", "Idempotent-Replayed", "ETag"],
  });
  await app.register(formbody);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Signed-in calls count per token; sign-in and token requests, whose headers a caller
    // chooses at will, per client address (and sign-in per account, see SignInLimits).
    keyGenerator: (request) =>
      request.url.startsWith("/oauth/")
        ? `address ${request.ip}`
        : (request.headers.authorization ?? `address ${request.ip}`),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      type: "urn:problem:rate_limited",
      title: "Too many requests",
      status: 429,
      code: "rate_limited",
      detail: `Wait ${Math.ceil(context.ttl / 1000)} s (Retry-After) and try again.`,
    }),
  });

  // No answer may be read as another type than it says (a problem as HTML, a page as script).
  app.addHook("onRequest", (_request, reply, done) => {
    reply.header("X-Content-Type-Options", "nosniff");
    done();
  });
  // Browsers ask for an icon on every page they open: the sandbox has none, and says so
  // without an error (its pages point to no icon either).
  app.get("/favicon.ico", async (_request, reply) =>
    reply.code(204).header("Cache-Control", "public, max-age=86400").send()
  );
  registerAuth(app, db, options.auth);
  // What a client's `url` opens: in Banqup, its page in the partner space; here, its id only
  // (no data without signing in).
  app.get("/clients/:id", async (request, reply) =>
    reply
      .type("text/html")
      .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Banqup sandbox client</title><link rel="icon" href="data:,"></head><body><h1>Client ${escapeHtml((request.params as { id: string }).id)}</h1><p>In Banqup this is the client's page in your partner space; the sandbox shows its id only.</p></body></html>`
      )
  );
  await app.register(async (api) => {
    // Hooks cost every request something: only a sandbox asked for faults has them.
    if (Object.values(options.faults).some((value) => value > 0)) {
      api.addHook("onRequest", injectFaults(options.faults, random));
      api.addHook("onSend", async (request, _reply, payload) => {
        await holdUntilDue(request, options.faults.latencyMs);
        if (options.faults.lostResponseRate > 0 && random() < options.faults.lostResponseRate) {
          request.raw.socket.destroy();
        }
        return payload;
      });
    }
    api.addHook("onRequest", requirePartner(db));
    registerClientRoutes(api, db, {
      clientInput: contract.check("ClientInput"),
      lookupRequest: contract.check("LookupRequest"),
      validateRequest: contract.check("ValidateRequest"),
      registries,
    });
    registerCompanyRoutes(api, db, {
      lookupRequest: contract.check("CompanyLookupRequest"),
      registries,
    });
  });
  app.addHook("onClose", async () => {
    db.close();
    await fixtures?.close();
  });
  return { app, db, fixtures };
}

/** The registries as configured, starting the fixture upstreams for those without a URL. */
async function connectRegistries(settings: RegistrySettings) {
  const { fixtures: fixtureSettings, viesUrl, peppolUrl, smpUrl, iceUrl, ...policy } = settings;
  const fixtures =
    viesUrl && peppolUrl && smpUrl && iceUrl
      ? undefined
      : await startFixtureUpstreams(fixtureSettings);
  const registries = new Registries({
    ...policy,
    viesUrl: viesUrl ?? fixtures!.viesUrl,
    peppolUrl: peppolUrl ?? fixtures!.peppolUrl,
    smpUrl: smpUrl ?? fixtures!.smpUrl,
    iceUrl: iceUrl ?? fixtures!.iceUrl,
  });
  return { fixtures, registries };
}

/** When each request arrived, for the latency fault. */
const arrivals = new WeakMap<FastifyRequest, number>();

// The wait holds no stopping sandbox open: its connection is cut on close anyway.
const wait = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis).unref());

/**
 * Latency as a remote service has it: an answer leaves `latencyMs` after its request arrived,
 * the work on it included. Waiting before the work instead put the sandbox's own work (one
 * thread for every request, where Banqup has many machines) on top of every wait, and a
 * measure of the client's concurrency measured the sandbox's thread.
 */
async function holdUntilDue(request: FastifyRequest, latencyMs: number): Promise<void> {
  const arrived = arrivals.get(request);
  if (arrived === undefined) return;
  // Node's timers count whole milliseconds and fire a little late: rounded, the answers leave
  // at `latencyMs` on average (rounded up, they left a millisecond late on average).
  const remaining = Math.round(arrived + latencyMs - performance.now());
  if (remaining > 0) await wait(remaining);
}

function injectFaults(faults: Faults, random: () => number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (faults.latencyMs > 0) arrivals.set(request, performance.now());
    if (faults.dropRate > 0 && random() < faults.dropRate) {
      if (faults.latencyMs > 0) await wait(faults.latencyMs);
      request.raw.socket.destroy();
      return reply;
    }
    if (faults.throttleRate > 0 && random() < faults.throttleRate) {
      reply.header("Retry-After", "1");
      return sendProblem(reply, {
        status: 429,
        title: "Too many requests",
        code: "rate_limited",
        detail: "Injected fault: wait 1 s.",
      });
    }
    if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) {
      return sendProblem(reply, {
        status: 500,
        title: "Server error",
        code: "server_error",
        detail: "Injected fault: retrying is safe.",
      });
    }
  };
}
