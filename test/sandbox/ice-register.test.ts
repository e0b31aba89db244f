import {
  ICE_COMPANIES,
  ICE_FAULTS,
  iceOfSerial,
  unregisteredIce,
} from "../../src/sandbox/registries/fixture-ice";
import { defaultOptions } from "../../src/sandbox/server";
import { bigMod97 } from "../../testkit/oracles";
import {
  api,
  automationToken,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "./start-sandbox";

/** A Moroccan client as the API takes it, with the ICE given. */
const moroccan = (ice: string, n = 0) => ({
  companyName: `Atlas Négoce ${n} SARL`,
  address: "12 boulevard Zerktouni",
  postalCode: "20250",
  city: "Casablanca",
  country: "MA",
  ice,
  contactEmail: `contact${n}@atlas.ma`,
});

const KNOWN = ICE_COMPANIES[3]!.ice;
const UNKNOWN = unregisteredIce(0);

async function moroccanSandbox(registries: object = {}) {
  const base = defaultOptions();
  const sandbox = await startSandbox({
    ...withAutomation("ma"),
    registries: { ...base.registries, retries: 0, ...registries },
  });
  const call = api(sandbox.url, await automationToken(sandbox.url));
  const count = () =>
    (sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n;
  return { sandbox, call, count };
}

const create = (call: ReturnType<typeof api>, body: object, key: string, lang = "fr-MA") =>
  call("/v1/clients", {
    body,
    headers: { "Idempotency-Key": key, "Accept-Language": lang },
  });

describe("sandbox: an ICE that passes its checksum but belongs to no company", () => {
  let sandbox: RunningSandbox;
  let call: ReturnType<typeof api>;
  let count: () => number;

  beforeAll(async () => {
    ({ sandbox, call, count } = await moroccanSandbox());
  });
  afterAll(() => sandbox.close());

  it("the register's ICEs and the unknown ones are all valid by their checksum", () => {
    for (const ice of [KNOWN, UNKNOWN, ...ICE_COMPANIES.map((c) => c.ice)]) {
      expect(ice).toMatch(/^\d{15}$/);
      expect(bigMod97(ice)).toBe(0);
    }
    expect(ICE_COMPANIES.some((c) => c.ice === UNKNOWN)).toBe(false);
  });

  it("creates a client whose ICE a company holds, with nothing to add", async () => {
    const created = await create(call, moroccan(KNOWN, 1), "cix_ice_known_1");
    expect(created.status).toBe(201);
    expect(created.json.ice).toBe(KNOWN);
    expect(created.json.notices).toBeUndefined();
  });

  it("refuses an unknown ICE with ice.unknown and the platform's words, creating nothing", async () => {
    const before = count();
    const refused = await create(call, moroccan(UNKNOWN, 2), "cix_ice_unknown_2");
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      expect.objectContaining({ pointer: "/ice", code: "ice.unknown" }),
    ]);
    expect(refused.json.errors[0].detail).toContain("trn - est invalide");
    expect(refused.json.errors[0].detail).toMatch(/^Aucune entreprise ne porte cet ICE/);
    expect(count()).toBe(before);
  });

  it("refuses an update to an unknown ICE, and keeps the client as it was", async () => {
    const created = await create(call, moroccan(ICE_COMPANIES[4]!.ice, 3), "cix_ice_known_3");
    const refused = await call(`/v1/clients/${created.json.id}`, {
      method: "PATCH",
      body: moroccan(unregisteredIce(1), 3),
      headers: { "Idempotency-Key": "cix_ice_update_3", "If-Match": '"1"' },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].code).toBe("ice.unknown");
    const now = await call(`/v1/clients/${created.json.id}`);
    expect(now.json).toMatchObject({ ice: ICE_COMPANIES[4]!.ice, version: 1 });
  });

  it("the dry run says the same as the creates, without creating", async () => {
    const bodies = [
      moroccan(ICE_COMPANIES[10]!.ice, 10),
      moroccan(unregisteredIce(2), 11),
      // A checksum the rules refuse is refused for that, not as unknown.
      moroccan(iceOfSerial(9_000_003).slice(0, 14) + "0", 12),
    ];
    const before = count();
    const checked = await call("/v1/clients/validate", { body: { clients: bodies } });
    expect(checked.status).toBe(200);
    expect(checked.json.results.map((r: { problems: { code: string }[] }) => r.problems)).toEqual([
      [],
      [expect.objectContaining({ code: "ice.unknown", pointer: "/ice" })],
      [expect.objectContaining({ code: "ice.checksum", pointer: "/ice" })],
    ]);
    expect(count()).toBe(before);
  });
});

describe("sandbox: the register asked in batches", () => {
  it("creates that arrive while the register is answering go in one request", async () => {
    const slow = { latencyMs: 100, maxConcurrent: 4 };
    const { sandbox, call } = await moroccanSandbox({ fixtures: slow });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          create(call, moroccan(ICE_COMPANIES[20 + k]!.ice, 20 + k), `cix_ice_together_${k}`)
        )
      );
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
      // Two requests at most in flight; the others' ICEs wait and go together.
      expect(sandbox.fixtures!.stats.ice.requests).toBeLessThanOrEqual(4);
      // Asked again (a send after its check), the answers are remembered.
      await call("/v1/clients/validate", {
        body: { clients: [moroccan(ICE_COMPANIES[20]!.ice, 99)] },
      });
      expect(sandbox.fixtures!.stats.ice.requests).toBeLessThanOrEqual(4);
    } finally {
      await sandbox.close();
    }
  });
});

describe("sandbox: a register that cannot be asked never refuses", () => {
  it("creates the client and says its ICE could not be checked (register unreachable)", async () => {
    // A port nothing listens on: every ask fails at once.
    const { sandbox, call, count } = await moroccanSandbox({ iceUrl: "http://127.0.0.1:9" });
    try {
      const checked = await call("/v1/clients/validate", {
        body: { clients: [moroccan(UNKNOWN, 1)] },
        headers: { "Accept-Language": "en" },
      });
      expect(checked.json.results[0]).toMatchObject({
        valid: true,
        problems: [],
        notices: [expect.objectContaining({ code: "ice.unchecked", pointer: "/ice" })],
      });
      const created = await create(call, moroccan(UNKNOWN, 1), "cix_ice_unreachable", "en");
      expect(created.status).toBe(201);
      expect(created.json.notices).toEqual([
        {
          pointer: "/ice",
          code: "ice.unchecked",
          detail: "The company register could not be asked whether this ICE exists.",
        },
      ]);
      expect(count()).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it("an ICE whose register answers 503 is created unchecked; one refused once is asked again", async () => {
    const { sandbox, call } = await moroccanSandbox({ retries: 1, baseDelayMs: 1 });
    try {
      const [down, busy] = ICE_FAULTS;
      const downAnswer = await create(call, moroccan(down!.ice, 1), "cix_ice_down");
      expect(downAnswer.status).toBe(201);
      expect(downAnswer.json.notices[0].code).toBe("ice.unchecked");
      // Sent again under its key (a lost answer): the stored answer, without asking the register.
      const asked = sandbox.fixtures!.stats.ice.requests;
      const replayed = await create(call, moroccan(down!.ice, 1), "cix_ice_down");
      expect(replayed.json.id).toBe(downAnswer.json.id);
      expect(replayed.headers.get("idempotent-replayed")).toBe("true");
      expect(sandbox.fixtures!.stats.ice.requests).toBe(asked);
      // Refused once (429), answered the second time: not in the register, so unknown.
      const busyAnswer = await create(call, moroccan(busy!.ice, 2), "cix_ice_busy");
      expect(busyAnswer.status).toBe(422);
      expect(busyAnswer.json.errors[0].code).toBe("ice.unknown");
    } finally {
      await sandbox.close();
    }
  });
});
