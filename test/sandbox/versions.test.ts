import {
  api,
  automationToken,
  numberedClient,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "./start-sandbox";

const clientNumber = (n: number) => numberedClient(n, 7_000_000);

describe("sandbox: the partner's clients, listed, with versions", () => {
  let sandbox: RunningSandbox;
  let call: ReturnType<typeof api>;
  let made = 0;
  const create = async (n = 1000 + made++) => {
    const created = await call("/v1/clients", {
      body: clientNumber(n),
      headers: { "Idempotency-Key": `versions-create-${n}` },
    });
    expect(created.status).toBe(201);
    return created;
  };
  const patch = (id: string, body: object, key: string, headers: Record<string, string> = {}) =>
    call(`/v1/clients/${id}`, {
      method: "PATCH",
      body,
      headers: { "Idempotency-Key": key, ...headers },
    });

  beforeAll(async () => {
    // A thousand creates in a few seconds: more than the default rate limit lets through.
    sandbox = await startSandbox({ ...withAutomation("be"), rateLimitPerMinute: 100_000 });
    call = api(sandbox.url, await automationToken(sandbox.url));
  });
  afterAll(() => sandbox.close());

  it("pages through 1,000 clients, newest first, none missed or doubled while others are created", async () => {
    const before = new Set<string>();
    for (let n = 0; n < 1000; n++) {
      const created = await call("/v1/clients", {
        body: clientNumber(n),
        headers: { "Idempotency-Key": `page-create-${n}` },
      });
      before.add(created.json.id as string);
    }
    const seen: string[] = [];
    const createdMeanwhile = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor
        ? `?limit=150&cursor=${encodeURIComponent(cursor)}`
        : "?limit=150";
      const page = await call(`/v1/clients${query}`);
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(150);
      seen.push(...page.json.items.map((client: { id: string }) => client.id));
      cursor = page.json.nextCursor;
      pages++;
      // A colleague adds a client between two pages.
      createdMeanwhile.add((await create()).json.id as string);
    } while (cursor);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(seen.length);
    const listed = seen.filter((id) => before.has(id));
    expect(listed.length).toBe(1000);
    // Newest first: the last one created heads the list.
    expect(listed[0]).toBe([...before].at(-1));
    // Clients made after the first page are not in later ones (they are newer).
    expect(seen.filter((id) => createdMeanwhile.has(id))).toEqual([]);
  });

  it("gives each client a version and its ETag, and 304 to If-None-Match naming it", async () => {
    const created = await create();
    const id = created.json.id as string;
    expect(created.json.version).toBe(1);
    expect(created.headers.get("etag")).toBe('"1"');
    const fetched = await call(`/v1/clients/${id}`);
    expect([fetched.status, fetched.headers.get("etag"), fetched.json.version]).toEqual([
      200,
      '"1"',
      1,
    ]);
    const same = await call(`/v1/clients/${id}`, { headers: { "If-None-Match": '"1"' } });
    expect([same.status, same.text, same.headers.get("etag")]).toEqual([304, "", '"1"']);
    // If-None-Match compares weakly; another version is a full answer.
    expect(
      (await call(`/v1/clients/${id}`, { headers: { "If-None-Match": 'W/"1"' } })).status
    ).toBe(304);
    expect((await call(`/v1/clients/${id}`, { headers: { "If-None-Match": '"7"' } })).status).toBe(
      200
    );
  });

  it("refuses an update without If-Match (428) and one made from an older version (412, with the client as it now is)", async () => {
    const created = await create();
    const id = created.json.id as string;
    const body = { ...clientNumber(Number(created.json.companyName.split(" ")[1])), city: "Namur" };

    const unconditional = await patch(id, body, "versions-update-0");
    expect([unconditional.status, unconditional.json.code]).toEqual([428, "if_match_required"]);
    const malformed = await patch(id, body, "versions-update-0", { "If-Match": "version 1" });
    expect([malformed.status, malformed.json.code]).toEqual([400, "if_match_malformed"]);

    const first = await patch(id, body, "versions-update-1", { "If-Match": '"1"' });
    expect([first.status, first.json.version, first.headers.get("etag")]).toEqual([200, 2, '"2"']);

    // A colleague changes the client in Banqup's own screens.
    const elsewhere = await call(`/sandbox/clients/${id}`, {
      method: "PATCH",
      body: { iban: "BE68539007547034" },
    });
    expect([elsewhere.status, elsewhere.json.version]).toEqual([200, 3]);

    // A change made from version 2 would lose the colleague's IBAN: refused, nothing changes.
    const stale = await patch(id, { ...body, city: "Liège" }, "versions-update-2", {
      "If-Match": '"2"',
    });
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe("changed_since");
    expect(stale.headers.get("etag")).toBe('"3"');
    expect(stale.json.client).toMatchObject({
      id,
      version: 3,
      city: "Namur",
      iban: "BE68539007547034",
    });
    // Weak tags never match If-Match.
    expect((await patch(id, body, "versions-update-2", { "If-Match": 'W/"3"' })).status).toBe(412);
    expect((await call(`/v1/clients/${id}`)).json).toMatchObject({ version: 3, city: "Namur" });

    // The same key, from the version it now is: it goes through (a 412 is not remembered).
    const redone = await patch(
      id,
      { ...body, city: "Liège", iban: "BE68539007547034" },
      "versions-update-2",
      {
        "If-Match": '"3"',
      }
    );
    expect([redone.status, redone.json.version, redone.json.city]).toEqual([200, 4, "Liège"]);

    // A replay of the first update answers what it answered, even after later changes.
    const replay = await patch(id, body, "versions-update-1", { "If-Match": '"1"' });
    expect([replay.status, replay.json.version, replay.headers.get("idempotent-replayed")]).toEqual(
      [200, 2, "true"]
    );
    expect((await call(`/v1/clients/${id}`)).json.version).toBe(4);
  });

  it("lists only the clients changed since a time, and refuses a bad cursor or query with a 400 problem", async () => {
    const old = await create();
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await create();
    await call(`/sandbox/clients/${old.json.id}`, { method: "PATCH", body: { city: "Gent" } });
    const changed = await call(`/v1/clients?updatedSince=${encodeURIComponent(since)}`);
    expect(changed.status).toBe(200);
    expect(changed.json.items.map((client: { id: string }) => client.id)).toEqual([
      fresh.json.id,
      old.json.id,
    ]);
    expect(changed.json.nextCursor).toBeNull();

    for (const query of [
      "cursor=bm90LWEtY3Vyc29y",
      "cursor=%25%25",
      "limit=0",
      "limit=201",
      "limit=ten",
      "updatedSince=yesterday",
    ]) {
      const refused = await call(`/v1/clients?${query}`);
      expect({ query, status: refused.status, type: refused.headers.get("content-type") }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining("application/problem+json"),
      });
      expect(refused.json.detail).toEqual(expect.any(String));
    }
    expect((await call("/v1/clients?cursor=bm90LWEtY3Vyc29y")).json.code).toBe("invalid_cursor");
  });
});
