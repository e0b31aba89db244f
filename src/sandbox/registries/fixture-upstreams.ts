import Fastify, { type FastifyReply } from "fastify";
import {
  FAULT_COMPANIES,
  FIXTURE_COMPANIES,
  FIXTURE_FAULTS,
  type FixtureCompany,
} from "./fixture-companies";
import { ICE_COMPANIES, ICE_FAULTS } from "./fixture-ice";
import { BIS_BILLING_INVOICE, BIS_BILLING_INVOICE_ID, serviceGroupXml } from "./smp";
import { PEPPOL_SCHEME_PREFIX } from "./upstreams";

/**
 * Stand-ins for the public registries, speaking their wire formats, so the sandbox runs
 * offline (with a Moroccan company register whose search by ICE, `GET /ice/companies?ice=…`,
 * is the sandbox's own format: Morocco publishes none): the EU's VIES REST service (`GET /ms/{country}/vat/{number}`, HTTP 200 with
 * `isValid` and `userError`, "---" for what it does not give) and the Peppol Directory's REST
 * search (`GET /search/1.0/json?participant=iso6523-actorid-upis::0208:…`). Like the real ones
 * they answer slowly and refuse requests beyond a concurrency limit: VIES with
 * MS_MAX_CONCURRENT_REQ, the Directory with 429.
 */
export interface FixtureUpstreamOptions {
  /** Each answer's delay. */
  latencyMs: number;
  /** Requests each upstream serves at once; more are refused. */
  maxConcurrent: number;
  port?: number;
  now?: () => Date;
}

export interface FixtureUpstreams {
  viesUrl: string;
  peppolUrl: string;
  /** An SMP that answers for every participant (the sandbox skips the SML's DNS). */
  smpUrl: string;
  /** The Moroccan company register's search by ICE. */
  iceUrl: string;
  /** What each upstream saw: requests, the most served at once, those refused as too many. */
  stats: Record<Upstream, { requests: number; maxInFlight: number; refused: number }>;
  close(): Promise<void>;
}

type Upstream = "vies" | "peppol" | "smp" | "ice";

/** The enterprise number of a Belgian participant (scheme 0208), or "" for any other. */
const enterpriseNumberOf = (participant: string) =>
  participant.startsWith(PEPPOL_SCHEME_PREFIX)
    ? participant.slice(PEPPOL_SCHEME_PREFIX.length)
    : "";

/** The documents an SMP lists for a company registered for other documents than invoices. */
const ORDER =
  "busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1";

const COMPANIES = new Map<string, FixtureCompany>(
  [...FIXTURE_COMPANIES, ...FAULT_COMPANIES].map((company) => [company.number, company])
);

/** Every fault, the ICE register's as the others': a number, its upstream, a code, how often. */
const FAULTS: readonly { upstream: string; number: string; code: string; times: number }[] = [
  ...FIXTURE_FAULTS,
  ...ICE_FAULTS.map((f) => ({
    upstream: "ice",
    number: f.ice,
    code: String(f.status),
    times: f.times,
  })),
];

const ICE_REGISTER = new Map(ICE_COMPANIES.map((company) => [company.ice, company]));

/** How VIES writes a Belgian address: street, number and box on one line, then the place. */
function viesAddress(company: FixtureCompany): string {
  const box = company.postalBox ? ` bte ${company.postalBox}` : "";
  return `${company.street} ${company.houseNumber}${box}\n${company.postalCode} ${company.city}`;
}

export async function startFixtureUpstreams(
  options: FixtureUpstreamOptions
): Promise<FixtureUpstreams> {
  const now = options.now ?? (() => new Date());
  // Closing ends every connection at once (see the sandbox's own server).
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const stats: FixtureUpstreams["stats"] = {
    vies: { requests: 0, maxInFlight: 0, refused: 0 },
    peppol: { requests: 0, maxInFlight: 0, refused: 0 },
    smp: { requests: 0, maxInFlight: 0, refused: 0 },
    ice: { requests: 0, maxInFlight: 0, refused: 0 },
  };
  const inFlight = { vies: 0, peppol: 0, smp: 0, ice: 0 };
  const faultsSeen = new Map<string, number>();

  /** The fault this request meets, counting it; undefined once the number's fault has passed. */
  const faultFor = (upstream: "vies" | "peppol" | "ice", number: string) => {
    const fault = FAULTS.find((f) => f.upstream === upstream && f.number === number);
    if (!fault) return undefined;
    const key = `${upstream} ${number}`;
    const seen = faultsSeen.get(key) ?? 0;
    if (seen >= fault.times) return undefined;
    faultsSeen.set(key, seen + 1);
    return fault.code;
  };

  /** Runs an answer within the upstream's limit, after its latency; `refuse` beyond the limit. */
  const serve = async (
    upstream: Upstream,
    refuse: () => FastifyReply,
    answer: () => FastifyReply
  ) => {
    const stat = stats[upstream];
    stat.requests++;
    inFlight[upstream]++;
    try {
      if (inFlight[upstream] > options.maxConcurrent) {
        stat.refused++;
        return refuse();
      }
      stat.maxInFlight = Math.max(stat.maxInFlight, inFlight[upstream]);
      if (options.latencyMs > 0)
        await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      return answer();
    } finally {
      inFlight[upstream]--;
    }
  };

  app.get("/vies/ms/:country/vat/:number", async (request, reply) => {
    const { country, number } = request.params as { country: string; number: string };
    const body = (isValid: boolean, userError: string, company?: FixtureCompany) => ({
      isValid,
      requestDate: now().toISOString(),
      userError,
      name: company ? company.name : "---",
      address: company ? viesAddress(company) : "---",
      requestIdentifier: "",
      originalVatNumber: number,
      vatNumber: number,
      viesApproximate: {
        name: "---",
        street: "---",
        postalCode: "---",
        city: "---",
        companyType: "---",
        matchName: 3,
        matchStreet: 3,
        matchPostalCode: 3,
        matchCity: 3,
        matchCompanyType: 3,
      },
    });
    return serve(
      "vies",
      () => reply.send(body(false, "MS_MAX_CONCURRENT_REQ")),
      () => {
        const fault = faultFor("vies", number);
        if (fault) return reply.send(body(false, fault));
        const company = country.toUpperCase() === "BE" ? COMPANIES.get(number) : undefined;
        return company?.active
          ? reply.send(body(true, "VALID", company))
          : reply.send(body(false, "INVALID"));
      }
    );
  });

  app.get("/peppol/search/1.0/json", async (request, reply) => {
    const participant = String((request.query as { participant?: unknown }).participant ?? "");
    return serve(
      "peppol",
      () => reply.code(429).header("Retry-After", "1").type("text/plain").send("Too many requests"),
      () => {
        const number = enterpriseNumberOf(participant);
        const fault = faultFor("peppol", number);
        if (fault) {
          if (fault === "429") reply.header("Retry-After", "1");
          return reply.code(Number(fault)).type("text/plain").send("Unavailable");
        }
        const card = COMPANIES.get(number)?.peppol;
        const matches = card
          ? [
              {
                participantID: { scheme: "iso6523-actorid-upis", value: `0208:${number}` },
                docTypes: [BIS_BILLING_INVOICE_ID],
                entities: [
                  { name: [{ name: card.name }], countryCode: "BE", regDate: card.registeredOn },
                ],
              },
            ]
          : [];
        return reply.send({
          version: "1.0",
          "total-result-count": matches.length,
          "used-result-count": matches.length,
          "result-page-index": 0,
          "result-page-count": 20,
          "first-result-index": 0,
          "last-result-index": Math.max(0, matches.length - 1),
          "query-terms": `participant=${participant}`,
          "creation-dt": now().toISOString(),
          matches,
        });
      }
    );
  });

  // The SMP's service group, in the Peppol SMP wire format; 404 for a participant in none.
  app.get("/smp/:participant", async (request, reply) => {
    const { participant } = request.params as { participant: string };
    return serve(
      "smp",
      () => reply.code(429).type("text/plain").send("Too many requests"),
      () => {
        const number = enterpriseNumberOf(participant);
        const lists = COMPANIES.get(number)?.smp;
        if (!lists) return reply.code(404).type("text/plain").send("No such service group");
        const types = lists === "invoices" ? [BIS_BILLING_INVOICE] : [ORDER];
        return reply
          .type("application/xml")
          .send(serviceGroupXml(`${origin}/smp`, participant, types));
      }
    );
  });

  // The register's search: the companies holding the ICEs asked (up to 100), none for the others.
  app.get("/ice/companies", async (request, reply) => {
    const asked = String((request.query as { ice?: unknown }).ice ?? "")
      .split(",")
      .filter((ice) => ice !== "");
    if (asked.length === 0 || asked.length > 100)
      return reply.code(400).type("text/plain").send("Ask for 1 to 100 ICEs.");
    return serve(
      "ice",
      () => reply.code(429).header("Retry-After", "1").type("text/plain").send("Too many requests"),
      () => {
        const fault = asked.map((ice) => faultFor("ice", ice)).find(Boolean);
        if (fault) return reply.code(Number(fault)).type("text/plain").send("Unavailable");
        return reply.send({ companies: asked.flatMap((ice) => ICE_REGISTER.get(ice) ?? []) });
      }
    );
  });

  const origin = await app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
  return {
    viesUrl: `${origin}/vies`,
    peppolUrl: `${origin}/peppol`,
    smpUrl: `${origin}/smp`,
    iceUrl: `${origin}/ice`,
    stats,
    close: () => app.close(),
  };
}
