import { once } from "node:events";
import { NO_FAULTS } from "../../src/sandbox/server";
import { belgianNumber } from "../../testkit/oracles";
import {
  api,
  automationToken,
  BELGIAN_CLIENT,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "./start-sandbox";

const countClients = (sandbox: RunningSandbox) =>
  (sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n;

describe("sandbox clients API", () => {
  let sandbox: RunningSandbox;
  let call: ReturnType<typeof api>;
  beforeAll(async () => {
    sandbox = await startSandbox(withAutomation("be"));
    call = api(sandbox.url, await automationToken(sandbox.url));
  });
  afterAll(() => sandbox.close());

  it("lists at least four configuration templates with users and integrations", async () => {
    const { status, json } = await call("/v1/configuration-templates");
    expect(status).toBe(200);
    expect(json.items.length).toBeGreaterThanOrEqual(4);
    expect(json.items.find((t: { name: string }) => t.name === "Comptabilité Plus")).toMatchObject({
      users: [
        expect.objectContaining({ name: "Pieter Claes" }),
        expect.objectContaining({ name: "Sophie Lambert" }),
      ],
      integrations: [
        expect.objectContaining({ name: "Exact Online" }),
        expect.objectContaining({ name: "Octopus" }),
      ],
    });
    // Described in each of the partner's languages, the first of them as its description.
    expect(json.items.find((t: { name: string }) => t.name === "Standard")).toMatchObject({
      description: "Sophie suit le client ; les factures vont dans Exact Online.",
      descriptions: {
        fr: "Sophie suit le client ; les factures vont dans Exact Online.",
        nl: "Sophie volgt de klant op; de facturen gaan naar Exact Online.",
        en: "Sophie follows the client; invoices go to Exact Online.",
      },
    });
  });

  it("answers every request with nosniff, and /favicon.ico without an error", async () => {
    const answers = await Promise.all([
      fetch(`${sandbox.url}/v1/partner`),
      fetch(`${sandbox.url}/no-such-route`),
      fetch(`${sandbox.url}/clients/cl_1`),
      fetch(`${sandbox.url}/oauth/sign-in-notice.js`),
    ]);
    expect(answers.map((answer) => answer.headers.get("x-content-type-options"))).toEqual(
      answers.map(() => "nosniff")
    );
    const icon = await fetch(`${sandbox.url}/favicon.ico`);
    expect(icon.status).toBe(204);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("creates a draft client, finds it by lookup, and refuses a second one with 409 naming it", async () => {
    const created = await call("/v1/clients", {
      body: { ...BELGIAN_CLIENT, einvoicingMandate: true, configurationTemplateId: "tp_be_yuki" },
      headers: { "Idempotency-Key": "row-create-1" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: "draft",
      enterpriseNumber: "0403019261",
      einvoicingMandate: true,
      configurationTemplateId: "tp_be_yuki",
    });
    const id = created.json.id as string;

    const lookup = await call("/v1/clients/lookup", {
      body: {
        identifiers: [
          { type: "enterpriseNumber", value: "0403019261" },
          { type: "contactEmail", value: "MARIE@dupont.be" },
          { type: "vatNumber", value: "BE0123456749" },
        ],
      },
    });
    expect(lookup.json.matches).toEqual([
      {
        type: "enterpriseNumber",
        value: "0403019261",
        clientId: id,
        companyName: "Boulangerie Dupont SRL",
      },
      {
        type: "contactEmail",
        value: "MARIE@dupont.be",
        clientId: id,
        companyName: "Boulangerie Dupont SRL",
      },
    ]);

    const again = await call("/v1/clients", {
      body: { ...BELGIAN_CLIENT, companyName: "Other name" },
      headers: { "Idempotency-Key": "row-create-2" },
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: "duplicate_client", existingClientId: id });
    expect((await call(`/v1/clients/${id}`)).json).toMatchObject({
      id,
      companyName: "Boulangerie Dupont SRL",
    });
  });

  it("replays the same response for the same key and body, and refuses the key with another body", async () => {
    const body = {
      ...BELGIAN_CLIENT,
      enterpriseNumber: "0123456749",
      vatNumber: "BE0123456749",
      contactEmail: "a@b-c.be",
    };
    const first = await call("/v1/clients", {
      body,
      headers: { "Idempotency-Key": "row-replay-1" },
    });
    const before = countClients(sandbox);
    const second = await call("/v1/clients", {
      body: { ...body },
      headers: { "Idempotency-Key": "row-replay-1" },
    });
    expect(second.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(countClients(sandbox)).toBe(before);
    const other = await call("/v1/clients", {
      body: { ...body, companyName: "Changed" },
      headers: { "Idempotency-Key": "row-replay-1" },
    });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe("idempotency_key_reused");
  });

  it("creates exactly one client when 50 requests race for one enterprise number", async () => {
    const enterpriseNumber = "1000000021";
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call("/v1/clients", {
          body: {
            ...BELGIAN_CLIENT,
            enterpriseNumber,
            vatNumber: `BE${enterpriseNumber}`,
            contactEmail: `race${i}@x.be`,
          },
          headers: { "Idempotency-Key": `row-race-${i}` },
        })
      )
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
    const holders = sandbox.db
      .prepare(
        "SELECT COUNT(*) AS n FROM client_identifiers WHERE field = 'enterpriseNumber' AND value = ?"
      )
      .get(enterpriseNumber) as { n: number };
    expect(holders.n).toBe(1);
  });

  it("answers 422 with a pointer and the rules engine's code for each invalid field, in the asked language", async () => {
    const { status, json } = await call("/v1/clients", {
      body: {
        ...BELGIAN_CLIENT,
        enterpriseNumber: "0403019262",
        vatNumber: "",
        country: "belgique",
        ice: "123",
        configurationTemplateId: "tp_nope",
      },
      headers: { "Idempotency-Key": "row-invalid-1", "Accept-Language": "fr-BE" },
    });
    expect(status).toBe(422);
    expect(json.errors).toEqual(
      expect.arrayContaining([
        { pointer: "/ice", code: "ice.notInRegion", detail: expect.any(String) },
        {
          pointer: "/configurationTemplateId",
          code: "configurationTemplate.unknown",
          detail: expect.any(String),
        },
        {
          pointer: "/country",
          code: "country.name",
          detail: "Indiquez le code pays à deux lettres, pas le nom.",
        },
        {
          pointer: "/enterpriseNumber",
          code: "enterpriseNumber.checksum",
          detail: expect.stringContaining("n'existe pas"),
        },
      ])
    );
  });

  it("refuses a string longer than the contract allows (a 400 KB city), pointing at it", async () => {
    const huge = await call("/v1/clients", {
      body: { ...BELGIAN_CLIENT, city: "x".repeat(400_000) },
      headers: { "Idempotency-Key": "row-huge-city" },
    });
    expect(huge.status).toBe(422);
    expect(huge.json.errors).toEqual([
      expect.objectContaining({ pointer: "/city", code: "schema.maxLength" }),
    ]);
  });

  it("requires an Idempotency-Key", async () => {
    const { status, json } = await call("/v1/clients", { body: BELGIAN_CLIENT });
    expect(status).toBe(400);
    expect(json.code).toBe("idempotency_key_missing");
  });

  it("records invitations in the outbox, once per client", async () => {
    const created = await call("/v1/clients", {
      body: {
        ...BELGIAN_CLIENT,
        enterpriseNumber: "",
        vatNumber: "",
        contactEmail: "invite@me.be",
      },
      headers: { "Idempotency-Key": "row-invite-1" },
    });
    const first = await call(`/v1/clients/${created.json.id}/invitation`, { method: "POST" });
    const second = await call(`/v1/clients/${created.json.id}/invitation`, { method: "POST" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      clientId: created.json.id,
      email: "invite@me.be",
      status: "queued",
    });
    expect(second.json.id).toBe(first.json.id);
    expect((await call(`/v1/clients/${created.json.id}`)).json.status).toBe("invited");
    expect((await call("/v1/clients/cl_doesnotexist1/invitation", { method: "POST" })).status).toBe(
      404
    );
  });

  it("survives malformed and hostile bodies with 4xx problems, and keeps answering", async () => {
    const key = { "Idempotency-Key": "row-hostile-1" };
    const malformed = await call("/v1/clients", { raw: '{"companyName": "x",', headers: key });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");
    expect(malformed.json.detail).toBe("The request body is not valid JSON.");
    // Each 4xx says what is wrong: here, XML where JSON is expected.
    const asForm = await fetch(`${sandbox.url}/v1/clients`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await automationToken(sandbox.url)}`,
        "Content-Type": "application/xml",
        ...key,
      },
      body: "<client/>",
    });
    expect(asForm.status).toBe(415);
    expect((await asForm.json()).detail).toBe("Send application/json.");
    // A client's url opens a page of the API's origin that cannot be framed, and escapes the id.
    const page = await fetch(`${sandbox.url}/clients/${encodeURIComponent("<b>x")}`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain("Client &lt;b&gt;x");
    // A route the API does not have: a problem, like every other answer.
    const nowhere = await call("/v1/nowhere");
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("content-type")).toContain("application/problem+json");
    expect(nowhere.json).toMatchObject({
      code: "route_not_found",
      detail: "The API has no GET /v1/nowhere.",
    });
    const wrongTypes = await call("/v1/clients", {
      body: { companyName: ["x"], einvoicingMandate: "yes" },
      headers: key,
    });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(["/companyName", "/einvoicingMandate"])
    );
    const huge = await call("/v1/clients", {
      body: { ...BELGIAN_CLIENT, street: "x".repeat(600_000) },
      headers: key,
    });
    expect(huge.status).toBe(413);
    const notAnObject = await call("/v1/clients", { raw: "[1,2,3]", headers: key });
    expect(notAnObject.status).toBe(422);
    const sqlish = await call("/v1/clients", {
      body: {
        ...BELGIAN_CLIENT,
        enterpriseNumber: "",
        vatNumber: "",
        companyName: "Robert'); DROP TABLE clients;--",
        contactEmail: "bobby@tables.be",
      },
      headers: { "Idempotency-Key": "row-hostile-2" },
    });
    expect(sqlish.status).toBe(201);
    expect((await call(`/v1/clients/${sqlish.json.id}`)).json.companyName).toBe(
      "Robert'); DROP TABLE clients;--"
    );
    expect((await call("/v1/partner")).status).toBe(200);
  });

  it("updates a client under an Idempotency-Key: replays, refuses another client's identifiers, 404 for an unknown id", async () => {
    const [A, B] = [belgianNumber("02000001"), belgianNumber("02000002")];
    const first = await call("/v1/clients", {
      body: {
        ...BELGIAN_CLIENT,
        companyName: "Garage Avant",
        enterpriseNumber: A,
        vatNumber: `BE${A}`,
      },
      headers: { "Idempotency-Key": "row-update-a" },
    });
    const other = await call("/v1/clients", {
      body: {
        ...BELGIAN_CLIENT,
        companyName: "Autre",
        contactEmail: "x@autre.be",
        enterpriseNumber: B,
        vatNumber: "",
      },
      headers: { "Idempotency-Key": "row-update-b" },
    });
    expect([first.status, other.status]).toEqual([201, 201]);
    const id = first.json.id as string;
    // No VAT number this time: the update clears the one stored.
    const changed: Record<string, unknown> = {
      ...BELGIAN_CLIENT,
      vatNumber: undefined,
      companyName: "Garage Après",
      contactEmail: "new@garage.be",
      enterpriseNumber: A,
    };
    // Any version (*): what versions guard is tested on its own (versions.test.ts).
    const patch = (body: object, key: string, target = id) =>
      call(`/v1/clients/${target}`, {
        method: "PATCH",
        body,
        headers: { "Idempotency-Key": key, "If-Match": "*" },
      });
    const updated = await patch(changed, "update-a-1");
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      id,
      companyName: "Garage Après",
      contactEmail: "new@garage.be",
      status: "draft",
    });
    // The lookup finds the client by its new e-mail, no longer by the VAT number it lost.
    expect(updated.json.vatNumber).toBeUndefined();
    const found = await call("/v1/clients/lookup", {
      body: {
        identifiers: [
          { type: "contactEmail", value: "new@garage.be" },
          { type: "vatNumber", value: `BE${A}` },
        ],
      },
    });
    expect(found.json.matches.map((m: { type: string }) => m.type)).toEqual(["contactEmail"]);
    // The same key and body: the same answer, replayed; nothing changes twice.
    const again = await patch(changed, "update-a-1");
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // Another key with another body changes it again.
    expect(
      (await patch({ ...changed, companyName: "Garage Encore" }, "update-a-2")).json.companyName
    ).toBe("Garage Encore");
    // The same key with another body is refused.
    expect((await patch({ ...changed, city: "Namur" }, "update-a-1")).json.code).toBe(
      "idempotency_key_reused"
    );
    // Another client's enterprise number: 409 naming it.
    const clash = await patch({ ...changed, enterpriseNumber: B }, "update-a-3");
    expect(clash.status).toBe(409);
    expect(clash.json.existingClientId).toBe(other.json.id);
    // An invalid body: 422 with the rules' codes; an unknown id: 404.
    const bad = await patch({ ...changed, contactEmail: "pas-un-email" }, "update-a-4");
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].pointer).toBe("/contactEmail");
    expect((await patch(changed, "update-a-5", "cl_nobody")).status).toBe(404);
  });

  it("lets only the add-in's origin call it from a browser (CORS)", async () => {
    const preflight = (origin: string) =>
      fetch(`${sandbox.url}/v1/clients`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization,idempotency-key",
        },
      });
    expect(
      (await preflight("https://localhost:3000")).headers.get("access-control-allow-origin")
    ).toBe("https://localhost:3000");
    expect(
      (await preflight("https://evil.example")).headers.get("access-control-allow-origin")
    ).toBeNull();
    // An update's preflight names PATCH, which is no CORS-safelisted method.
    const updatePreflight = await fetch(`${sandbox.url}/v1/clients/cl_x`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://localhost:3000",
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization,idempotency-key,if-match",
      },
    });
    expect(updatePreflight.headers.get("access-control-allow-methods")).toContain("PATCH");
    // The version an update is made from (If-Match) may be sent, and the ETag read.
    expect(updatePreflight.headers.get("access-control-allow-headers")).toMatch(/If-Match/i);
    const read = await fetch(`${sandbox.url}/v1/clients/cl_x`, {
      headers: { Origin: "https://localhost:3000" },
    });
    expect(read.headers.get("access-control-expose-headers")).toMatch(/ETag/i);
  });
});

describe("sandbox data and limits", () => {
  it("keeps its data across a stop and a restart on the same database", async () => {
    const first = await startSandbox(withAutomation("be"));
    const created = await api(first.url, await automationToken(first.url))("/v1/clients", {
      body: BELGIAN_CLIENT,
      headers: { "Idempotency-Key": "row-persist-1" },
    });
    await first.close();
    const second = await startSandbox({ ...withAutomation("be"), dbFile: first.dbFile });
    try {
      const read = await api(
        second.url,
        await automationToken(second.url)
      )(`/v1/clients/${created.json.id}`);
      expect(read.json).toMatchObject({
        id: created.json.id,
        companyName: BELGIAN_CLIENT.companyName,
      });
      expect(
        (second.db.prepare("SELECT COUNT(*) AS n FROM templates").get() as { n: number }).n
      ).toBe(8);
    } finally {
      await second.close();
    }
  });

  it("rate-limits per token with 429 and Retry-After", async () => {
    const sandbox = await startSandbox({ ...withAutomation("be"), rateLimitPerMinute: 3 });
    try {
      const call = api(sandbox.url, await automationToken(sandbox.url));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await call("/v1/partner"));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(Number(statuses[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(statuses[3]!.json).toMatchObject({ status: 429, code: "rate_limited" });
    } finally {
      await sandbox.close();
    }
  });

  it("injects faults only when asked: 500s, 429s and dropped connections", async () => {
    const faulty = await startSandbox({
      ...withAutomation("be"),
      faults: { ...NO_FAULTS, serverErrorRate: 1 },
    });
    const throttled = await startSandbox({
      ...withAutomation("be"),
      faults: { ...NO_FAULTS, throttleRate: 1 },
    });
    const dropping = await startSandbox({
      ...withAutomation("be"),
      faults: { ...NO_FAULTS, dropRate: 1 },
    });
    try {
      expect(
        (await api(faulty.url, await automationToken(faulty.url))("/v1/partner")).json
      ).toMatchObject({ status: 500, code: "server_error" });
      const limited = await api(throttled.url, await automationToken(throttled.url))("/v1/partner");
      expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
      await expect(
        api(dropping.url, await automationToken(dropping.url))("/v1/partner")
      ).rejects.toThrow();
    } finally {
      await Promise.all([faulty.close(), throttled.close(), dropping.close()]);
    }
  });

  it("stops at once: a request still being answered is cut, not left holding the close", async () => {
    // Answers take a minute; the sandbox stops while one is on its way.
    const slow = await startSandbox({ faults: { ...NO_FAULTS, latencyMs: 60_000 } });
    const arrived = once(slow.server, "request");
    const answer = fetch(`${slow.url}/v1/partner`).then(
      (response) => `answered ${response.status}`,
      () => "cut"
    );
    await arrived;
    await slow.close();
    expect(await answer).toBe("cut");
  });
});
