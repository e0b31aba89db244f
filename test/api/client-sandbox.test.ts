import {
  ApiProblem,
  ClientCredentials,
  currentClientOf,
  idempotencyKeyFor,
  PartnerApiClient,
  sleep,
  type ClientInput,
} from "../../src/api";
import { NO_FAULTS } from "../../src/sandbox/server";
import { AUTOMATION, numberedClient, startSandbox, withAutomation } from "../sandbox/start-sandbox";

const rows = (count: number): ClientInput[] =>
  Array.from({ length: count }, (_, i) => numberedClient(i, 4_100_000));

function apiFor(url: string) {
  return new PartnerApiClient({
    baseUrl: url,
    tokens: new ClientCredentials(`${url}/oauth/token`, AUTOMATION.id, AUTOMATION.secret),
    region: "be",
    // Real waits, shortened so the storm below takes seconds, not minutes.
    sleep: (ms, signal) => sleep(Math.min(ms, 20), signal),
    retry: { retries: 12, baseDelayMs: 5 },
  });
}

describe("partner API client against the sandbox", () => {
  it("creates, finds and reads a client", async () => {
    const sandbox = await startSandbox(withAutomation("be"));
    try {
      const api = apiFor(sandbox.url);
      const [input] = rows(1) as [ClientInput];
      const created = await api.createClient(input, await idempotencyKeyFor("pa_be", input));
      expect(created).toMatchObject({ status: "draft", companyName: "Client 0" });
      expect(
        await api.lookup([{ type: "enterpriseNumber", value: input.enterpriseNumber as string }])
      ).toEqual([expect.objectContaining({ clientId: created.id })]);
      expect((await api.getClient(created.id)).id).toBe(created.id);
      expect((await api.listTemplates()).length).toBeGreaterThanOrEqual(4);
    } finally {
      await sandbox.close();
    }
  });

  it("asks Banqup's own verdict on clients before creating any (the dry run)", async () => {
    const sandbox = await startSandbox(withAutomation("be"));
    try {
      const api = apiFor(sandbox.url);
      const [first, second] = rows(2) as [ClientInput, ClientInput];
      const held = await api.createClient(first, await idempotencyKeyFor("pa_be", first));
      const results = await api.validateClients([
        second,
        { ...second, contactEmail: "marie@dupont" },
        { ...second, enterpriseNumber: first.enterpriseNumber, vatNumber: first.vatNumber },
      ]);
      expect(results.map((result) => result.valid)).toEqual([true, false, false]);
      expect(results[1]!.problems.map((problem) => problem.field)).toEqual(["contactEmail"]);
      expect(results[2]!.existingClientId).toBe(held.id);
      // Nothing was created: the second client is still new.
      expect(await api.lookup([{ type: "companyName", value: "Client 1" }])).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it("pages the partner's clients, reads one only if changed, and updates from a version, never over a change made meanwhile", async () => {
    const sandbox = await startSandbox(withAutomation("be"));
    try {
      const api = apiFor(sandbox.url);
      const inputs = rows(5);
      const made = [];
      for (const input of inputs)
        made.push(await api.createClient(input, await idempotencyKeyFor("pa_be", input)));
      const first = await api.listClients({ limit: 3 });
      const second = await api.listClients({ limit: 3, cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((client) => client.id)).toEqual(
        made.map((client) => client.id).reverse()
      );
      expect(second.nextCursor).toBeNull();

      const target = made[0]!;
      expect(await api.getClientIfChanged(target.id, 1)).toBeUndefined();
      const input = { ...inputs[0]!, city: "Namur" };
      const updated = await api.updateClient(target.id, input, "cix_update_namur", 1);
      expect(updated).toMatchObject({ version: 2, city: "Namur" });
      expect(await api.getClientIfChanged(target.id, 1)).toMatchObject({ version: 2 });

      // From version 1 again, with another key: Banqup is at 2, so it is refused, with the
      // client as it is; nothing is overwritten.
      const refused = await api
        .updateClient(target.id, { ...input, city: "Liège" }, "cix_update_liege", 1)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiProblem);
      expect((refused as ApiProblem).status).toBe(412);
      expect(currentClientOf(refused as ApiProblem)).toMatchObject({ version: 2, city: "Namur" });
      expect((await api.getClient(target.id)).city).toBe("Namur");
    } finally {
      await sandbox.close();
    }
  });

  it("a storm of 500s, 429s, dropped connections and lost answers still ends with every row created exactly once", async () => {
    const faults = {
      ...NO_FAULTS,
      serverErrorRate: 0.1,
      throttleRate: 0.1,
      dropRate: 0.05,
      lostResponseRate: 0.1,
    };
    const sandbox = await startSandbox({ ...withAutomation("be"), faults });
    try {
      const api = apiFor(sandbox.url);
      const inputs = rows(120);
      const created = await Promise.all(
        inputs.map(async (input) =>
          api.createClient(input, await idempotencyKeyFor("pa_be", input))
        )
      );
      const ids = new Set(created.map((client) => client.id));
      expect(ids.size).toBe(120);
      const stored = sandbox.db.prepare("SELECT id FROM clients").all() as { id: string }[];
      expect(stored).toHaveLength(120);
      expect(new Set(stored.map((row) => row.id))).toEqual(ids);
      // Sending the whole batch again creates nothing new.
      const again = await Promise.all(
        inputs.map(async (input) =>
          api.createClient(input, await idempotencyKeyFor("pa_be", input))
        )
      );
      expect(again.map((client) => client.id)).toEqual(created.map((client) => client.id));
      expect(
        (sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n
      ).toBe(120);
    } finally {
      await sandbox.close();
    }
  });

  it("derives the same idempotency key for the same row, and another for another row or partner", async () => {
    const [a, b] = rows(2) as [ClientInput, ClientInput];
    const key = await idempotencyKeyFor("pa_be", a);
    expect(await idempotencyKeyFor("pa_be", { ...a })).toBe(key);
    expect(await idempotencyKeyFor("pa_be", Object.fromEntries(Object.entries(a).reverse()))).toBe(
      key
    );
    expect(await idempotencyKeyFor("pa_be", b)).not.toBe(key);
    expect(await idempotencyKeyFor("pa_ma", a)).not.toBe(key);
    expect(key).toMatch(/^cix_[0-9a-f]{40}$/);
  });
});
