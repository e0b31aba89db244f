import type { PartnerApiClient } from "../../src/api";
import { fieldHeader, getProfile, type MergeChoice } from "../../src/core";
import { detectActiveSheet, LiveSession, parseStatus, sheetAreaSpec } from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";
import {
  loadClients,
  refreshAllRows,
  refreshRows,
  runSend,
  settleConflict,
  type BanqupWork,
  type Conflict,
  type SendPlan,
  type SendProgress,
} from "../../src/send";
import { sayFr } from "../../testkit/words";
import { settled, templateWorkbook, type TemplateWorkbook } from "../excel/helpers";
import {
  api,
  automationToken,
  numberedClient,
  type RunningSandbox,
} from "../sandbox/start-sandbox";
import { clientFor, PARTNER, planFor, statuses, storedClient, withSandbox } from "./helpers";

/** Creates `count` numbered clients in the sandbox, as if made in Banqup's own screens. */
async function seedClients(client: PartnerApiClient, count: number, series: number) {
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const made = await client.createClient(
        numberedClient(n, series),
        `cix_seed${String(series + n).padStart(36, "0")}`
      );
      ids[n] = made.id;
    })
  );
  return ids;
}

/** A colleague changes a client in Banqup's own screens (a new version). */
async function changeElsewhere(
  sandbox: RunningSandbox,
  id: string,
  fields: Record<string, unknown>
) {
  const call = api(sandbox.url, await automationToken(sandbox.url));
  const answer = await call(`/sandbox/clients/${id}`, { method: "PATCH", body: fields });
  expect(answer.status).toBe(200);
}

function workOf(session: LiveSession, client: PartnerApiClient): BanqupWork {
  return {
    session,
    client,
    partnerId: PARTNER,
    region: "be",
    catalog: [],
    lang: "fr",
    say: sayFr,
  };
}

/** The data row whose status names the client. */
function rowOf(book: TemplateWorkbook, id: string): number {
  const all = statuses(book, book.session.rows!.length);
  return all.findIndex((status) => status?.clientId === id);
}

function cell(book: TemplateWorkbook, index: number, field: string): unknown {
  return book.excel.values(book.sheet, book.at(index, field))[0]![0];
}

async function typeIn(book: TemplateWorkbook, index: number, field: string, value: string) {
  await book.excel.user.type(book.sheet, book.at(index, field), [[value]]);
  await settled(book);
}

/** "Update in Banqup": the rows with a client, the edited ones sent from their versions. */
async function updateAll(
  book: TemplateWorkbook,
  client: PartnerApiClient,
  extra: { plan?: SendPlan; signal?: AbortSignal; onProgress?: (p: SendProgress) => void } = {}
) {
  return runSend({
    plan: extra.plan ?? (await planFor(book, client, { onlyWithClient: true })),
    session: book.session,
    client,
    lang: "fr",
    say: sayFr,
    invite: false,
    updateEdited: true,
    flushMillis: 20,
    ...extra,
  });
}

describe("Banqup and the sheet as one truth", () => {
  it("loads 1,000 clients, updates the rows edited in the sheet, and lets the user settle those changed in Banqup too, field by field", async () => {
    await withSandbox(
      async (sandbox) => {
        const client = clientFor(sandbox);
        const ids = await seedClients(client, 1000, 5_100_000);
        const book = await templateWorkbook("be", "fr");
        const work = workOf(book.session, client);

        const pages: number[] = [];
        const loaded = await loadClients({
          ...work,
          onProgress: (progress) => pages.push(progress.received),
        });
        expect(loaded.cancelled).toBe(false);
        expect(loaded.added).toBeGreaterThanOrEqual(1000);
        // Page by page: progress came more than once, and every client has exactly one row.
        expect(new Set(pages).size).toBeGreaterThan(4);
        await settled(book);
        const rows = book.session.rows!.length;
        expect(rows).toBe(loaded.added);
        const all = statuses(book, rows);
        for (const id of ids)
          expect(all.filter((status) => status?.clientId === id)).toHaveLength(1);
        const first = rowOf(book, ids[0]!);
        expect(cell(book, first, "companyName")).toBe("Client 0");
        expect(all[first]!.detail).toBe(`${ids[0]} · chargé depuis Banqup (version 1)`);
        // Loaded rows read as in step: nothing to create, nothing to update.
        const fresh = await planFor(book, client);
        expect(fresh.counts).toMatchObject({ create: 0, edited: 0, created: rows });

        // Loading again adds nobody.
        const again = await loadClients(work);
        expect(again).toMatchObject({ added: 0, inStep: rows, conflicts: 0 });
        expect(book.session.rows!.length).toBe(rows);

        // Three rows edited in the sheet; two of their clients changed in Banqup meanwhile.
        const [a, b, c] = [ids[1]!, ids[2]!, ids[3]!];
        for (const id of [a, b, c]) await typeIn(book, rowOf(book, id), "city", "Namur");
        expect(statuses(book, rows)[rowOf(book, a)]!.detail).toContain("modifiée dans la feuille");
        await changeElsewhere(sandbox, b, { city: "Gent", companyName: "Client 2 SA" });
        await changeElsewhere(sandbox, c, { city: "Liège", companyName: "Client 3 SA" });

        // "Update in Banqup" sends the three edited rows only, each from its version.
        const updates = await planFor(book, client, { onlyWithClient: true });
        expect(updates.counts.edited).toBe(3);
        const report = await updateAll(book, client, { plan: updates });
        expect(report).toMatchObject({ created: 0, updated: 1, failed: 2 });
        expect(storedClient(sandbox, a).city).toBe("Namur");
        // Nothing of the colleague's was overwritten.
        expect(storedClient(sandbox, b)).toMatchObject({
          city: "Gent",
          companyName: "Client 2 SA",
        });
        expect(storedClient(sandbox, c)).toMatchObject({
          city: "Liège",
          companyName: "Client 3 SA",
        });
        const group = new Map(report.conflicts.map((conflict) => [conflict.clientId, conflict]));
        expect([...group.keys()].sort()).toEqual([b, c].sort());
        const fieldsOf = (conflict: Conflict) =>
          conflict.differences.map((difference) => [
            difference.field,
            difference.sheet,
            difference.banqup,
          ]);
        expect(fieldsOf(group.get(b)!)).toEqual([
          ["companyName", "Client 2", "Client 2 SA"],
          ["city", "Namur", "Gent"],
        ]);

        // Row b: keep the sheet's city, take Banqup's name.
        const choose = (entries: [string, MergeChoice][]) => new Map(entries);
        const settledB = await settleConflict(
          work,
          group.get(b)!,
          choose([
            ["city", "sheet"],
            ["companyName", "banqup"],
          ])
        );
        expect(settledB).toEqual({ kind: "settled", version: 3 });
        expect(storedClient(sandbox, b)).toMatchObject({
          city: "Namur",
          companyName: "Client 2 SA",
        });
        await settled(book);
        const rowB = rowOf(book, b);
        expect([cell(book, rowB, "city"), cell(book, rowB, "companyName")]).toEqual([
          "Namur",
          "Client 2 SA",
        ]);

        // Row c: take Banqup's city, leave the name.
        const partly = await settleConflict(
          work,
          group.get(c)!,
          choose([
            ["city", "banqup"],
            ["companyName", "leave"],
          ])
        );
        expect(partly).toEqual({ kind: "partly" });
        await settled(book);
        const rowC = rowOf(book, c);
        expect([cell(book, rowC, "city"), cell(book, rowC, "companyName")]).toEqual([
          "Liège",
          "Client 3",
        ]);
        expect(storedClient(sandbox, c)).toMatchObject({
          city: "Liège",
          companyName: "Client 3 SA",
        });
        expect(statuses(book, rows)[rowC]!.detail).toContain(
          "modifié aussi dans Banqup (version 2)"
        );

        // b is in step now; c is still edited, and its next update comes back to the group with
        // the name only.
        const after = await planFor(book, client, { onlyWithClient: true });
        const kindOf = (id: string) => after.rows.find((row) => row.clientId === id)?.kind;
        expect([kindOf(a), kindOf(b), kindOf(c)]).toEqual(["created", "created", "edited"]);
        const retry = await updateAll(book, client, { plan: after });
        expect(retry.conflicts.map(fieldsOf)).toEqual([
          [["companyName", "Client 3", "Client 3 SA"]],
        ]);

        // Leaving every field changes nothing anywhere.
        const left = await settleConflict(
          work,
          retry.conflicts[0]!,
          choose([["companyName", "leave"]])
        );
        expect(left).toEqual({ kind: "left" });
        expect(storedClient(sandbox, c).companyName).toBe("Client 3 SA");
        expect(cell(book, rowC, "companyName")).toBe("Client 3");

        // Keeping the sheet's name settles it: Banqup gets it, from the version shown.
        const kept = await settleConflict(
          work,
          retry.conflicts[0]!,
          choose([["companyName", "sheet"]])
        );
        expect(kept).toEqual({ kind: "settled", version: 3 });
        expect(storedClient(sandbox, c)).toMatchObject({ city: "Liège", companyName: "Client 3" });
        await settled(book);
        const final = await planFor(book, client, { onlyWithClient: true });
        expect(final.counts).toMatchObject({ edited: 0, created: rows });
        // No faults and no rate limit: this test is about versions, not failures.
      },
      {},
      { rateLimitPerMinute: 100_000 }
    );
  }, 120_000);

  it("refreshes rows not edited in the sheet with Banqup's values, and puts rows edited in both places in the group", async () => {
    await withSandbox(async (sandbox) => {
      const client = clientFor(sandbox);
      const ids = await seedClients(client, 5, 5_200_000);
      const book = await templateWorkbook("be", "fr");
      const work = workOf(book.session, client);
      await loadClients(work);
      await settled(book);
      const [quiet, both] = [ids[0]!, ids[1]!];
      await changeElsewhere(sandbox, quiet, { city: "Gent" });
      await changeElsewhere(sandbox, both, { city: "Gent" });
      await typeIn(book, rowOf(book, both), "city", "Namur");

      const refreshed = await refreshAllRows(work);
      expect(refreshed).toMatchObject({ added: 0, refreshed: 1, conflicts: 1 });
      await settled(book);
      expect(cell(book, rowOf(book, quiet), "city")).toBe("Gent");
      expect(statuses(book, book.session.rows!.length)[rowOf(book, quiet)]).toMatchObject({
        kind: "created",
        clientId: quiet,
        detail: `${quiet} · actualisé depuis Banqup (version 2)`,
      });
      // Edited in both: the sheet keeps its value until the user chooses.
      expect(cell(book, rowOf(book, both), "city")).toBe("Namur");
      expect(refreshed.conflictRows.map((conflict) => conflict.clientId)).toEqual([both]);

      // The selected rows only: one request each, a 304 where nothing changed.
      await changeElsewhere(sandbox, ids[2]!, { city: "Mons" });
      const selected = await refreshRows({
        ...work,
        rows: [rowOf(book, ids[2]!), rowOf(book, ids[3]!)],
      });
      expect(selected).toMatchObject({ received: 2, refreshed: 1, inStep: 1, failed: 0 });
      await settled(book);
      expect(cell(book, rowOf(book, ids[2]!), "city")).toBe("Mons");
      const plan = await planFor(book, client);
      const kinds = plan.rows.map((row) => row.kind);
      expect(kinds.filter((kind) => kind === "edited")).toHaveLength(1);
    }, {});
  }, 60_000);
});

describe("loading many clients", () => {
  it("loads 5,000 clients in requests Excel accepts, and a load cancelled halfway is completed by the next without doubling anyone", async () => {
    await withSandbox(
      async (sandbox) => {
        const client = clientFor(sandbox);
        const ids = await seedClients(client, 5000, 5_300_000);
        const book = await templateWorkbook("be", "fr");
        const work = workOf(book.session, client);
        const abort = new AbortController();
        const first = await loadClients({
          ...work,
          signal: abort.signal,
          onProgress: (progress) => {
            if (progress.received >= 1000) abort.abort();
          },
        });
        expect(first.cancelled).toBe(true);
        expect(first.added).toBeGreaterThanOrEqual(1000);
        expect(first.added).toBeLessThan(5000);
        // What was added before the Cancel is recorded: in step, nothing to send.
        const halfway = await planFor(book, client);
        expect(halfway.counts).toMatchObject({ create: 0, edited: 0, created: first.added });

        const rest = await loadClients(work);
        expect(rest.cancelled).toBe(false);
        expect(rest.inStep).toBe(first.added);
        await settled(book);
        const all = statuses(book, book.session.rows!.length);
        const seen = new Map<string, number>();
        for (const status of all)
          seen.set(status!.clientId!, (seen.get(status!.clientId!) ?? 0) + 1);
        for (const id of ids) expect(seen.get(id)).toBe(1);
        expect(book.session.rows!.length).toBe(first.added + rest.added);
        expect(book.excel.counters.refusedPayloads).toBe(0);
      },
      {},
      { rateLimitPerMinute: 100_000 }
    );
  }, 120_000);
});

describe("updates cut short", () => {
  it("are finished by the next press, never made twice: lost answers and a Cancel mid-way", async () => {
    await withSandbox(
      async (sandbox) => {
        const client = clientFor(sandbox);
        const ids = await seedClients(client, 30, 5_400_000);
        const book = await templateWorkbook("be", "fr");
        const work = workOf(book.session, client);
        await loadClients(work);
        await settled(book);
        for (const id of ids) await typeIn(book, rowOf(book, id), "city", "Namur");
        const update = (signal?: AbortSignal, onProgress?: (updated: number) => void) =>
          updateAll(book, client, {
            signal,
            onProgress: (progress) => onProgress?.(progress.updated),
          });
        const abort = new AbortController();
        const first = await update(abort.signal, (updated) => {
          if (updated >= 5) abort.abort();
        });
        expect(first.cancelled).toBe(true);
        const second = await update();
        expect(second.cancelled).toBe(false);
        expect(first.updated + second.updated).toBeGreaterThanOrEqual(ids.length);
        expect(second.conflicts).toEqual([]);
        // Each client changed once: version 2, whatever answers were lost on the way.
        for (const id of ids) {
          const stored = sandbox.db.prepare("SELECT version FROM clients WHERE id = ?").get(id) as {
            version: number;
          };
          expect([storedClient(sandbox, id).city, stored.version]).toEqual(["Namur", 2]);
        }
        await settled(book);
        expect((await planFor(book, client, { onlyWithClient: true })).counts.edited).toBe(0);
      },
      { lostResponseRate: 0.3 },
      { rateLimitPerMinute: 100_000 }
    );
  }, 120_000);
});

describe("loading into a sheet the user already has", () => {
  it("adds the clients under the sheet's last row, in its own column order, and a second load adds nobody", async () => {
    await withSandbox(
      async (sandbox) => {
        const client = clientFor(sandbox);
        const ids = await seedClients(client, 3, 5_500_000);
        const be = getProfile("be");
        const excel = new FakeExcel();
        const run = runOf(excel);
        // The user's own list: a title, then the headers in another order (name last).
        const order = [...be.fields].reverse();
        await excel.user.type("Sheet1", "A1", [
          ["Mes clients"],
          order.map((field) => fieldHeader(field, "fr")),
        ]);
        const detected = (await detectActiveSheet(run, be))!;
        const spec = sheetAreaSpec(detected, {}, be);
        const session = await LiveSession.open({ run, profile: be, spec });
        const work = workOf(session, client);
        const loaded = await loadClients(work);
        expect(loaded.added).toBeGreaterThanOrEqual(3);
        await excel.settle();
        await session.idle();
        const name = order.findIndex((field) => field.key === "companyName");
        const lines = excel.values("Sheet1", `A3:Z${2 + loaded.added}`);
        const status = lines.map((line) => parseStatus(line[order.length]));
        for (const [n, id] of ids.entries()) {
          const at = status.findIndex((s) => s?.clientId === id);
          expect(lines[at]![name]).toBe(`Client ${n}`);
        }
        expect(session.summary().rows).toBe(loaded.added);
        const again = await loadClients(work);
        expect(again).toMatchObject({ added: 0, inStep: loaded.added });
      },
      {},
      { rateLimitPerMinute: 100_000 }
    );
  }, 60_000);
});
