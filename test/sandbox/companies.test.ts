import { defaultOptions, type SandboxOptions } from "../../src/sandbox/server";
import {
  enterpriseNumber,
  FIXTURE_COMPANIES,
  FIXTURE_FAULTS,
} from "../../src/sandbox/registries/fixture-companies";
import { Registries, splitBelgianAddress } from "../../src/sandbox/registries/upstreams";
import {
  api,
  automationToken,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "./start-sandbox";

/** Quick retries: the faults' waits are the policy's, not the test's. */
function registries(
  overrides: Partial<SandboxOptions["registries"]> = {}
): Partial<SandboxOptions> {
  const base = defaultOptions().registries;
  return {
    registries: { ...base, baseDelayMs: 5, maxDelayMs: 20, ...overrides },
  };
}

const company = (test: (c: (typeof FIXTURE_COMPANIES)[number]) => boolean) => {
  const found = FIXTURE_COMPANIES.find(test);
  if (!found) throw new Error("the fixtures have no such company");
  return found;
};

describe("company lookup (VIES and the Peppol Directory, fixture upstreams)", () => {
  let sandbox: RunningSandbox;
  let call: ReturnType<typeof api>;
  beforeAll(async () => {
    sandbox = await startSandbox({ ...withAutomation("be"), ...registries() });
    call = api(sandbox.url, await automationToken(sandbox.url));
  });
  afterAll(() => sandbox.close());

  const lookup = async (identifiers: string[]) => {
    const answer = await call("/v1/companies/lookup", { body: { identifiers } });
    expect(answer.status).toBe(200);
    return answer.json.results as any[];
  };

  it("says whether a company can receive Peppol invoices, from its SMP, not from the Directory alone", async () => {
    const invoices = company((c) => c.active && !!c.peppol && c.smp === "invoices");
    const orders = company((c) => c.active && !!c.peppol && c.smp === "otherDocuments");
    const cardless = company((c) => c.active && !c.peppol && c.smp === "invoices");
    const nowhere = company((c) => c.active && !c.peppol && !c.smp);
    const [a, b, c, d] = await lookup(
      [invoices, orders, cardless, nowhere].map((found) => found.number)
    );
    expect(a.peppol).toMatchObject({ registered: true, reachable: true });
    expect(a.peppol.documentTypes[0]).toMatch(/Invoice-2::Invoice##.*billing:3\.0/);
    // Registered on Peppol (a card, a service group), but not for invoices.
    expect(b.peppol).toMatchObject({ registered: true, reachable: false });
    expect(b.peppol.documentTypes).toEqual([expect.stringMatching(/Order-2::Order/)]);
    // No card in the Directory, and invoices received all the same.
    expect(c.peppol).toMatchObject({ registered: false, reachable: true });
    expect(d.peppol).toMatchObject({ registered: false, reachable: false, documentTypes: [] });
  });

  it("answers an active company with its official name and its address in the template's fields", async () => {
    const active = company((c) => c.active && !c.peppol && !!c.postalBox);
    const [result] = await lookup([
      `BE ${active.number.slice(0, 4)}.${active.number.slice(4, 7)}.${active.number.slice(7)}`,
    ]);
    expect(result).toMatchObject({
      checked: true,
      known: true,
      active: true,
      name: active.name,
      source: "vies",
      address: {
        street: active.street,
        houseNumber: active.houseNumber,
        postalBox: active.postalBox,
        postalCode: active.postalCode,
        city: active.city,
        country: "BE",
      },
      peppol: {
        participantId: `iso6523-actorid-upis::0208:${active.number}`,
        checked: true,
        registered: false,
      },
    });
    expect(Date.parse(result.checkedAt)).not.toBeNaN();
  });

  it("tells a company on Peppol, with its business card's name, and a number nobody knows", async () => {
    const onPeppol = company((c) => c.active && !!c.peppol && c.peppol.name !== c.name);
    const nobody = enterpriseNumber(5_555_555);
    const [registered, unknown] = await lookup([onPeppol.number, nobody]);
    expect(registered.peppol).toMatchObject({
      registered: true,
      businessCardName: onPeppol.peppol!.name,
      registeredOn: onPeppol.peppol!.registeredOn,
    });
    expect(unknown).toMatchObject({
      checked: true,
      known: false,
      active: false,
      name: null,
      address: null,
    });
  });

  it("calls a company VIES no longer validates but whose Peppol card exists known and inactive", async () => {
    const inactive = company((c) => !c.active && !!c.peppol);
    const [result] = await lookup([inactive.number]);
    expect(result).toMatchObject({
      checked: true,
      known: true,
      active: false,
      name: inactive.peppol!.name,
    });
  });

  it.each(FIXTURE_FAULTS.filter((f) => f.upstream === "vies"))(
    "VIES $code ($times times): retried while it may pass, else the number is not checked",
    async (fault) => {
      const [result] = await lookup([fault.number]);
      const persistent = fault.times === Infinity;
      if (persistent) {
        expect(result).toMatchObject({
          checked: false,
          fault: fault.code,
          known: false,
          active: false,
        });
      } else {
        expect(result).toMatchObject({ checked: true, known: true, active: true });
      }
    }
  );

  it("retries the Directory's 429 and reports its lasting 503 on the Peppol part only", async () => {
    const [limited, down] = FIXTURE_FAULTS.filter((f) => f.upstream === "peppol");
    const [once, always] = await lookup([limited!.number, down!.number]);
    expect(once.peppol).toMatchObject({ checked: true, registered: true });
    expect(always).toMatchObject({ checked: true, active: true });
    expect(always.peppol).toMatchObject({ checked: false, registered: false, fault: "HTTP_503" });
  });

  it("refuses more than 100 identifiers, and points at a malformed one, before asking anyone", async () => {
    const before = sandbox.fixtures!.stats.vies.requests;
    const many = await call("/v1/companies/lookup", {
      body: { identifiers: FIXTURE_COMPANIES.slice(0, 101).map((c) => c.number) },
    });
    expect(many.status).toBe(422);
    expect(many.json.errors[0]).toMatchObject({ pointer: "/identifiers", code: "schema.maxItems" });
    const malformed = await call("/v1/companies/lookup", {
      body: { identifiers: [FIXTURE_COMPANIES[0]!.number, "0123456789"] },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors).toEqual([
      expect.objectContaining({ pointer: "/identifiers/1", code: "identifier.invalid" }),
    ]);
    expect(sandbox.fixtures!.stats.vies.requests).toBe(before);
  });

  it("keeps within the upstreams' concurrency limit: 100 numbers, none refused as too many", async () => {
    const before = { ...sandbox.fixtures!.stats.vies };
    const results = await lookup(FIXTURE_COMPANIES.slice(100, 200).map((c) => c.number));
    expect(results.every((r) => r.checked)).toBe(true);
    const stats = sandbox.fixtures!.stats;
    expect(stats.vies.refused).toBe(0);
    expect(stats.peppol.refused).toBe(0);
    expect(stats.vies.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.vies.requests - before.requests).toBe(100);
  });
});

describe("company lookup against busier upstreams", () => {
  it("asks again what an upstream refused as too many at once, until every number is answered", async () => {
    // The sandbox sends 8 at a time to upstreams that take 2: most requests are refused first.
    const sandbox = await startSandbox({
      ...withAutomation("be"),
      ...registries({
        concurrency: 8,
        retries: 20,
        baseDelayMs: 20,
        maxDelayMs: 200,
        fixtures: { latencyMs: 20, maxConcurrent: 2 },
      }),
    });
    try {
      const call = api(sandbox.url, await automationToken(sandbox.url));
      const numbers = FIXTURE_COMPANIES.slice(0, 24).map((c) => c.number);
      const answer = await call("/v1/companies/lookup", { body: { identifiers: numbers } });
      expect(answer.status).toBe(200);
      const results = answer.json.results as { checked: boolean; peppol: { checked: boolean } }[];
      expect(results.filter((r) => r.checked && r.peppol.checked)).toHaveLength(24);
      expect(sandbox.fixtures!.stats.vies.refused).toBeGreaterThan(0);
      expect(sandbox.fixtures!.stats.peppol.refused).toBeGreaterThan(0);
      expect(sandbox.fixtures!.stats.vies.maxInFlight).toBeLessThanOrEqual(2);
    } finally {
      await sandbox.close();
    }
  });
});

describe("company lookup outside Belgium", () => {
  it("answers a Moroccan partner that no registry can be asked", async () => {
    const sandbox = await startSandbox({ ...withAutomation("ma"), ...registries() });
    try {
      const call = api(sandbox.url, await automationToken(sandbox.url));
      const answer = await call("/v1/companies/lookup", {
        body: { identifiers: ["001525489000089"] },
      });
      expect(answer.status).toBe(422);
      expect(answer.json.code).toBe("registry_unavailable");
      expect(sandbox.fixtures!.stats.vies.requests).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});

describe("the registries' wire formats (recorded answers)", () => {
  /** A fetch that answers each URL from a table, recording what was asked. */
  const recorded = (answers: Record<string, { status?: number; body: unknown }>) => {
    const asked: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      const url = String(input);
      asked.push(url);
      const key = Object.keys(answers).find((prefix) => url.includes(prefix));
      const answer = key ? answers[key]! : { status: 404, body: {} };
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }) as typeof fetch;
    return { asked, fetchImpl };
  };

  it("reads a VIES answer and a Peppol Directory answer as the public services send them", async () => {
    // A VIES REST answer as recorded from the public service (a Polish company: its format is
    // every member state's), and a Peppol Directory search answer as recorded (trimmed).
    const vies = {
      isValid: true,
      requestDate: "2026-10-08T04:42:27.326Z",
      userError: "VALID",
      name: "ORLEN SPÓŁKA AKCYJNA",
      address: "CHEMIKÓW 7\n09-411 PŁOCK",
      requestIdentifier: "",
      originalVatNumber: "7740001454",
      vatNumber: "7740001454",
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
    };
    const directory = {
      version: "1.0",
      "total-result-count": 1,
      "used-result-count": 1,
      "result-page-index": 0,
      "result-page-count": 20,
      "first-result-index": 0,
      "last-result-index": 0,
      "query-terms": "participant=iso6523-actorid-upis::0192:923609016",
      "creation-dt": "2026-09-08T20:53:31.064151933Z",
      matches: [
        {
          participantID: { scheme: "iso6523-actorid-upis", value: "0192:923609016" },
          docTypes: [],
          entities: [
            {
              name: [{ name: "EQUINOR ASA" }],
              countryCode: "NO",
              websites: ["www.equinor.com"],
              regDate: "2019-03-18",
            },
          ],
        },
      ],
    };
    const { asked, fetchImpl } = recorded({
      "/ms/BE/vat/": { body: vies },
      "/search/1.0/json": { body: directory },
    });
    const registries = new Registries({
      viesUrl: "https://vies.example/rest-api",
      peppolUrl: "https://directory.example",
      concurrency: 2,
      retries: 0,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 1000,
      fetch: fetchImpl,
    });
    const result = await registries.lookupBelgian("0403019261", "BE0403019261");
    expect(asked).toEqual([
      "https://vies.example/rest-api/ms/BE/vat/0403019261",
      "https://directory.example/search/1.0/json?participant=iso6523-actorid-upis%3A%3A0208%3A0403019261",
    ]);
    expect(result).toMatchObject({
      checked: true,
      known: true,
      active: true,
      name: "ORLEN SPÓŁKA AKCYJNA",
      checkedAt: "2026-10-08T04:42:27.326Z",
      // Not a Belgian address: its lines only, no guessed parts.
      address: { lines: ["CHEMIKÓW 7", "09-411 PŁOCK"] },
      peppol: { registered: true, businessCardName: "EQUINOR ASA", registeredOn: "2019-03-18" },
    });
  });

  it("retries VIES's error body (errorWrappers under a 5xx) and an unreachable Directory, then answers", async () => {
    let viesCalls = 0;
    let peppolCalls = 0;
    const fetchImpl = (async (input: string | URL | Request) => {
      const url = String(input);
      if (url.includes("/ms/")) {
        viesCalls++;
        return viesCalls === 1
          ? new Response(
              JSON.stringify({
                actionSucceed: false,
                errorWrappers: [{ error: "MS_MAX_CONCURRENT_REQ" }],
              }),
              { status: 500 }
            )
          : new Response(
              JSON.stringify({
                isValid: false,
                userError: "INVALID",
                name: "---",
                address: "---",
                requestDate: "2026-11-29T00:00:00Z",
              })
            );
      }
      peppolCalls++;
      if (peppolCalls === 1) throw new TypeError("fetch failed");
      return new Response(JSON.stringify({ "total-result-count": 0, matches: [] }));
    }) as typeof fetch;
    const registries = new Registries({
      viesUrl: "https://vies.example",
      peppolUrl: "https://directory.example",
      concurrency: 1,
      retries: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 1000,
      fetch: fetchImpl,
    });
    const result = await registries.lookupBelgian("0403019261", "0403019261");
    expect([viesCalls, peppolCalls]).toEqual([2, 2]);
    expect(result).toMatchObject({ checked: true, known: false, active: false, name: null });
    expect(result.peppol).toMatchObject({ checked: true, registered: false });
  });

  it("splits Belgian addresses as VIES writes them", () => {
    expect(splitBelgianAddress("Rue de la Loi 16\n1000 Bruxelles")).toMatchObject({
      street: "Rue de la Loi",
      houseNumber: "16",
      postalCode: "1000",
      city: "Bruxelles",
    });
    expect(splitBelgianAddress("Avenue Louise 149 bte 24\n1050 Ixelles")).toMatchObject({
      street: "Avenue Louise",
      houseNumber: "149",
      postalBox: "24",
    });
    expect(splitBelgianAddress("Meir 1/3\n2000 Antwerpen")).toMatchObject({
      houseNumber: "1",
      postalBox: "3",
    });
    expect(splitBelgianAddress("Domaine du Château\n5000 Namur")).toMatchObject({
      street: "Domaine du Château",
      postalCode: "5000",
    });
    expect(splitBelgianAddress("Domaine du Château\n5000 Namur").houseNumber).toBeUndefined();
    expect(splitBelgianAddress("CHEMIKÓW 7\n09-411 PŁOCK")).toEqual({
      lines: ["CHEMIKÓW 7", "09-411 PŁOCK"],
      country: "BE",
    });
  });
});
