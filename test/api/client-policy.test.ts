import {
  ApiProblem,
  Cancelled,
  NetworkFailure,
  PartnerApiClient,
  type TokenSource,
} from "../../src/api";

type Step = { status: number; body?: unknown; headers?: Record<string, string> } | "network-error";

/** A scripted fetch: answers each request with the next step, and records what it saw. */
function scripted(steps: Step[]) {
  const seen: { url: string; authorization: string | null; key: string | null }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({
      url: String(url),
      authorization: headers.get("Authorization"),
      key: headers.get("Idempotency-Key"),
    });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    const step = steps.shift() ?? { status: 200, body: { items: [] } };
    if (step === "network-error") throw new TypeError("fetch failed");
    return new Response(step.body === undefined ? null : JSON.stringify(step.body), {
      status: step.status,
      headers: step.headers,
    });
  }) as typeof fetch;
  return { fake, seen, maxInFlight: () => maxInFlight };
}

function tokens(): TokenSource & { refreshes: number } {
  let current = "token-1";
  const source = {
    refreshes: 0,
    accessToken: async () => current,
    refresh: async () => {
      source.refreshes++;
      current = `token-${source.refreshes + 1}`;
      return current;
    },
  };
  return source;
}

function client(
  steps: Step[],
  overrides: Partial<ConstructorParameters<typeof PartnerApiClient>[0]> = {}
) {
  const fetch = scripted(steps);
  const waits: number[] = [];
  const token = tokens();
  const api = new PartnerApiClient({
    baseUrl: "https://api.test",
    tokens: token,
    region: "be",
    fetch: fetch.fake,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...overrides,
  });
  return { api, fetch, waits, token };
}

const problem = (status: number, extra: object = {}) => ({
  type: "urn:x",
  title: "t",
  status,
  code: `c${status}`,
  detail: `d${status}`,
  ...extra,
});

describe("partner API client: retries", () => {
  it("retries 5xx and network errors with growing, jittered waits, then succeeds", async () => {
    const { api, fetch, waits } = client([
      { status: 500, body: problem(500) },
      "network-error",
      { status: 503, body: problem(503) },
      { status: 200, body: { items: [{ id: "t" }] } },
    ]);
    expect(await api.listTemplates()).toEqual([{ id: "t" }]);
    expect(fetch.seen).toHaveLength(4);
    // full jitter at random() = 0.5: half of 250·2^attempt
    expect(waits).toEqual([125, 250, 500]);
  });

  it("waits at least what Retry-After asks (seconds or an HTTP date)", async () => {
    const { api, waits } = client([
      { status: 429, body: problem(429), headers: { "Retry-After": "3" } },
      {
        status: 429,
        body: problem(429),
        headers: { "Retry-After": new Date(Date.now() + 10_000).toUTCString() },
      },
      { status: 200, body: { items: [] } },
    ]);
    await api.listTemplates();
    expect(waits[0]).toBe(3000);
    expect(waits[1]).toBeGreaterThanOrEqual(8000);
  });

  it("never retries other 4xx, and gives typed problems with field keys of the profile", async () => {
    const { api, fetch } = client([
      {
        status: 422,
        body: problem(422, {
          code: "validation_failed",
          errors: [
            { pointer: "/einvoicingMandate", code: "mandate.invalid", detail: "Write Oui or Non." },
            { pointer: "/vatNumber", code: "vatNumber.checksum", detail: "no" },
          ],
        }),
      },
    ]);
    const error = (await api
      .createClient({ companyName: "x" }, "key-12345678")
      .catch((e: unknown) => e)) as ApiProblem;
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.status).toBe(422);
    expect(error.fields).toEqual([
      { field: "mandate", code: "mandate.invalid", message: "Write Oui or Non." },
      { field: "vatNumber", code: "vatNumber.checksum", message: "no" },
    ]);
    expect(fetch.seen).toHaveLength(1);
  });

  it("reports a 409 with the existing client's id, without retrying", async () => {
    const { api, fetch } = client([
      {
        status: 409,
        body: problem(409, { code: "duplicate_client", existingClientId: "cl_abc12345" }),
      },
    ]);
    const error = (await api
      .createClient({}, "key-12345678")
      .catch((e: unknown) => e)) as ApiProblem;
    expect([error.status, error.code, error.existingClientId]).toEqual([
      409,
      "duplicate_client",
      "cl_abc12345",
    ]);
    expect(fetch.seen).toHaveLength(1);
  });

  it("stops after its retries with the last problem, or a network failure", async () => {
    const failing = client(
      Array.from({ length: 3 }, () => ({ status: 500, body: problem(500) })),
      { retry: { retries: 2 } }
    );
    await expect(failing.api.getPartner()).rejects.toMatchObject({ status: 500, code: "c500" });
    expect(failing.fetch.seen).toHaveLength(3);
    const offline = client(["network-error", "network-error"], { retry: { retries: 1 } });
    await expect(offline.api.getPartner()).rejects.toBeInstanceOf(NetworkFailure);
  });

  it("sends the same Idempotency-Key on every retry of a create", async () => {
    const { api, fetch } = client([
      { status: 502, body: problem(502) },
      "network-error",
      { status: 201, body: { id: "cl_1" } },
    ]);
    await api.createClient({ companyName: "x" }, "cix_same_key_123");
    expect(fetch.seen.map((s) => s.key)).toEqual([
      "cix_same_key_123",
      "cix_same_key_123",
      "cix_same_key_123",
    ]);
  });
});

describe("partner API client: tokens, cancel, concurrency", () => {
  it("refreshes the token once on a 401 and repeats the request with the new one", async () => {
    const { api, fetch, token } = client([
      { status: 401, body: problem(401) },
      { status: 200, body: { id: "pa_be" } },
    ]);
    await api.getPartner();
    expect(token.refreshes).toBe(1);
    expect(fetch.seen.map((s) => s.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("a second 401 is final", async () => {
    const { api, token } = client([
      { status: 401, body: problem(401) },
      { status: 401, body: problem(401, { code: "token_expired" }) },
    ]);
    await expect(api.getPartner()).rejects.toMatchObject({ status: 401, code: "token_expired" });
    expect(token.refreshes).toBe(1);
  });

  it("cancels during a backoff wait, without another request", async () => {
    const controller = new AbortController();
    const { api, fetch } = client(
      [
        { status: 503, body: problem(503) },
        { status: 200, body: {} },
      ],
      {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            controller.abort();
            if (signal?.aborted) reject(new Cancelled());
          }),
      }
    );
    await expect(api.getPartner(controller.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(fetch.seen).toHaveLength(1);
  });

  it("refuses to start when already cancelled", async () => {
    const { api, fetch } = client([]);
    const controller = new AbortController();
    controller.abort();
    await expect(api.getPartner(controller.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(fetch.seen).toHaveLength(0);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const { api, fetch } = client(
      Array.from({ length: 20 }, () => ({ status: 200, body: { id: "x" } })),
      { concurrency: 3 }
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => api.getClient(`cl_${i}`)));
    expect(fetch.seen).toHaveLength(20);
    expect(fetch.maxInFlight()).toBe(3);
  });
});

describe("partner API client: links it may put in cells", () => {
  const tokens: TokenSource = { accessToken: async () => "t", refresh: async () => "t" };
  const client = new PartnerApiClient({ baseUrl: "https://api.banqup.example", tokens });
  it("keeps an https link on the API's own origin", () => {
    expect(client.trustedLink("https://api.banqup.example/clients/cl_1")).toBe(
      "https://api.banqup.example/clients/cl_1"
    );
  });
  it("drops any other link: another site, plain http, a script, nonsense", () => {
    for (const url of [
      "https://evil.example/clients/cl_1",
      "http://api.banqup.example/clients/cl_1",
      "javascript:alert(1)",
      "not a url",
      undefined,
    ])
      expect({ url, link: client.trustedLink(url) }).toEqual({ url, link: undefined });
  });
});
