import {
  api,
  automationToken,
  numberedClient,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "./start-sandbox";

const clientNumber = (n: number) => numberedClient(n, 7_200_000);

/**
 * 100 bodies of every kind a create meets: valid ones, values the rules refuse, a field of
 * another region, a wrong type, an unknown template, and identifiers another client holds.
 */
function mixedBodies(existing: Record<string, unknown>[]): Record<string, unknown>[] {
  return Array.from({ length: 100 }, (_, i) => {
    const body: Record<string, unknown> = { ...clientNumber(100 + i) };
    switch (i % 10) {
      case 1:
        body.vatNumber = "BE0403019262";
        delete body.enterpriseNumber;
        break;
      case 2:
        body.contactEmail = "marie@dupont";
        break;
      case 3:
        delete body.companyName;
        break;
      case 4:
        body.ice = "001525489000088";
        break;
      case 5:
        body.companyName = 42;
        break;
      case 6:
        body.configurationTemplate = "tpl_nowhere";
        break;
      case 7:
        // Another client of the partner already has this enterprise number.
        body.enterpriseNumber = existing[i % existing.length]!.enterpriseNumber;
        body.vatNumber = existing[i % existing.length]!.vatNumber;
        break;
      case 8:
        body.contactLocale = "xx-YY";
        body.iban = "BE68539007547035";
        break;
      default:
        break;
    }
    return body;
  });
}

describe("sandbox: the dry run of creates (POST /v1/clients/validate)", () => {
  let sandbox: RunningSandbox;
  let call: ReturnType<typeof api>;
  const count = () =>
    (sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n;

  beforeAll(async () => {
    sandbox = await startSandbox({ ...withAutomation("be"), rateLimitPerMinute: 100_000 });
    call = api(sandbox.url, await automationToken(sandbox.url));
  });
  afterAll(() => sandbox.close());

  it("answers for 100 mixed bodies what creating each would answer, and creates nothing", async () => {
    const existing = [clientNumber(1), clientNumber(2)];
    for (const [n, body] of existing.entries()) {
      const made = await call("/v1/clients", {
        body,
        headers: { "Idempotency-Key": `dry-existing-${n}` },
      });
      expect(made.status).toBe(201);
    }
    const bodies = mixedBodies(existing);
    const before = count();
    const dry = await call("/v1/clients/validate", { body: { clients: bodies } });
    expect(dry.status).toBe(200);
    expect(count()).toBe(before);
    const results = dry.json.results as {
      valid: boolean;
      problems: unknown[];
      existingClientId?: string;
    }[];
    expect(results).toHaveLength(100);

    const kinds = new Set<number>();
    for (const [i, body] of bodies.entries()) {
      const created = await call("/v1/clients", {
        body,
        headers: { "Idempotency-Key": `dry-then-create-${i}` },
      });
      kinds.add(created.status);
      const result = results[i]!;
      if (created.status === 201) expect(result).toEqual({ valid: true, problems: [] });
      else if (created.status === 409)
        expect(result).toEqual({
          valid: false,
          problems: created.json.errors,
          existingClientId: created.json.existingClientId,
        });
      else {
        expect(created.status).toBe(422);
        expect(result).toEqual({ valid: false, problems: created.json.errors });
      }
    }
    // Every kind of answer was met: the comparison covered them all.
    expect([...kinds].sort()).toEqual([201, 409, 422]);
  });

  it("takes 1 to 100 client bodies, and says what is wrong with any other request", async () => {
    for (const body of [{}, { clients: [] }, { clients: Array(101).fill({}) }, { clients: "x" }]) {
      const answer = await call("/v1/clients/validate", { body });
      expect(answer.status).toBe(422);
      expect(answer.json.errors.length).toBeGreaterThan(0);
    }
    const bare = await fetch(`${sandbox.url}/v1/clients/validate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clients: [clientNumber(3)] }),
    });
    expect(bare.status).toBe(401);
  });
});
