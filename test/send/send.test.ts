import { columnLetters, writeResults, LEDGER_PENDING } from "../../src/excel";
import { runSend } from "../../src/send";
import { sayFr } from "../../testkit/words";
import { toClientInput } from "../../src/api";
import { belgianNumber } from "../../testkit/oracles";
import { settled, templateWorkbook, uniqueValidRow } from "../excel/helpers";
import type { Faults } from "../../src/sandbox/server";
import {
  bookWithRows,
  clientCount,
  clientFor,
  planFor,
  send,
  statuses,
  storedClient,
  withSandbox,
} from "./helpers";

describe("sending rows from the sheet to the partner API (sandbox + Excel fake)", () => {
  it("200 rows through 500s, 429s, dropped connections, lost answers and an expired token: 200 clients, 200 created statuses", async () => {
    const faults: Faults = {
      latencyMs: 0,
      serverErrorRate: 0.1,
      throttleRate: 0.1,
      dropRate: 0.05,
      lostResponseRate: 0.05,
    };
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await bookWithRows(200);
      const client = clientFor(sandbox);
      let revoked = false;
      const { plan, report } = await send(book, client, {
        onProgress: (progress) => {
          // Mid-batch every access token dies: the client must refresh and carry on.
          if (!revoked && progress.created >= 80) {
            revoked = true;
            sandbox.db.prepare("UPDATE tokens SET revoked = 1 WHERE kind = 'access'").run();
          }
        },
      });
      expect(plan.counts.create).toBe(200);
      expect(revoked).toBe(true);
      expect(report).toMatchObject({
        total: 200,
        created: 200,
        failed: 0,
        skipped: 0,
        cancelled: false,
      });
      expect(clientCount(sandbox) - before).toBe(200);
      const written = statuses(book, 200);
      expect(
        written.every((status) => status?.kind === "created" && status.clientId?.startsWith("cl_"))
      ).toBe(true);
      expect(new Set(written.map((status) => status!.clientId)).size).toBe(200);
    }, faults);
  }, 60_000);

  it("cancel in the middle, then send again: every row ends created, no client twice", async () => {
    await withSandbox(
      async (sandbox) => {
        const before = clientCount(sandbox);
        const book = await bookWithRows(120, 1000);
        const client = clientFor(sandbox);
        const controller = new AbortController();
        const first = await send(book, client, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.created >= 30) controller.abort();
          },
        });
        expect(first.report.cancelled).toBe(true);
        expect(first.report.created).toBeLessThan(120);
        // Every row has a definite status: created, or not sent (cancelled).
        const afterCancel = statuses(book, 120);
        expect(
          afterCancel.every((status) => status?.kind === "created" || status?.kind === "skipped")
        ).toBe(true);
        expect(afterCancel.filter((status) => status?.kind === "created")).toHaveLength(
          first.report.created
        );

        const second = await send(book, client);
        expect(second.plan.counts.created).toBe(first.report.created);
        expect(second.report.failed).toBe(0);
        expect(clientCount(sandbox) - before).toBe(120);
        expect(statuses(book, 120).every((status) => status?.kind === "created")).toBe(true);

        // A third send creates nothing.
        const third = await send(book, client);
        expect(third.plan.counts).toMatchObject({ create: 0, created: 120 });
        expect(clientCount(sandbox) - before).toBe(120);
      },
      { latencyMs: 5 }
    );
  }, 60_000);

  it("a send cut short before its answers were written is resumed, not repeated", async () => {
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await bookWithRows(40, 2000);
      const client = clientFor(sandbox);
      // The pane wrote its pending keys, 15 clients were created, then the pane was closed.
      const plan = await planFor(book, client);
      await writeResults(
        book.session,
        plan.rows.map((row) => ({ row: row.row, ledger: [row.key!, LEDGER_PENDING] })),
        "fr"
      );
      for (const row of plan.rows.slice(0, 15)) await client.createClient(row.input!, row.key!);
      expect(clientCount(sandbox) - before).toBe(15);

      const again = await send(book, client);
      expect(again.plan.counts).toMatchObject({ create: 40, exists: 0 });
      expect(again.report).toMatchObject({ created: 40, failed: 0 });
      expect(clientCount(sandbox) - before).toBe(40);
      expect(statuses(book, 40).every((status) => status?.kind === "created")).toBe(true);
    });
  }, 60_000);

  it("an edited created row is not created again, and the user is told", async () => {
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await bookWithRows(5, 3000);
      const client = clientFor(sandbox);
      await send(book, client);
      const createdId = statuses(book, 5)[2]!.clientId;
      await book.excel.user.type(book.sheet, book.at(2, "city"), [["Namur"]]);
      await settled(book);
      const { plan } = await send(book, client);
      expect(plan.counts).toMatchObject({ create: 0, created: 4, edited: 1 });
      const edited = statuses(book, 5)[2]!;
      expect(edited).toMatchObject({ kind: "created", clientId: createdId, differs: true });
      expect(clientCount(sandbox) - before).toBe(5);
      // Sent once more: still nothing created.
      await send(book, client);
      expect(clientCount(sandbox) - before).toBe(5);
    });
  }, 60_000);

  it("a created row says at once when an edit makes Banqup differ, and when it is in step again", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(3, 3700);
      const client = clientFor(sandbox);
      await send(book, client);
      const before = statuses(book, 3);
      const city = book.excel.values(book.sheet, book.at(1, "city"))[0]![0];
      await book.excel.user.type(book.sheet, book.at(1, "city"), [["Namur"]]);
      await settled(book);
      // No send: the status changed as the user typed, and names the same client.
      const edited = statuses(book, 3);
      expect(edited[1]).toMatchObject({
        kind: "created",
        differs: true,
        clientId: before[1]!.clientId,
      });
      expect(edited[1]!.detail).toContain("modifiée dans la feuille");
      expect([edited[0], edited[2]]).toEqual([before[0], before[2]]);
      // The same edit taken back: in step again.
      await book.excel.user.type(book.sheet, book.at(1, "city"), [[city]]);
      await settled(book);
      expect(statuses(book, 3)[1]).toMatchObject({
        kind: "created",
        clientId: before[1]!.clientId,
      });
      expect(statuses(book, 3)[1]!.differs).toBeUndefined();
      // Edited again, then updated in Banqup: in step, and it stays so.
      await book.excel.user.type(book.sheet, book.at(1, "city"), [["Namur"]]);
      await settled(book);
      expect(statuses(book, 3)[1]!.differs).toBe(true);
      await send(book, client, { updateEdited: true });
      await settled(book);
      expect(statuses(book, 3)[1]!.differs).toBeUndefined();
      expect(statuses(book, 3)[1]!.detail).toContain("mis à jour");
    });
  }, 60_000);

  it("an edited created row updates its client in Banqup on request, once, and is then in step", async () => {
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await bookWithRows(3, 3500);
      const client = clientFor(sandbox);
      await send(book, client);
      const createdId = statuses(book, 3)[1]!.clientId!;
      await book.excel.user.type(book.sheet, book.at(1, "city"), [["Namur"]]);
      await settled(book);
      const { plan, report } = await send(book, client, { updateEdited: true });
      expect(plan.counts).toMatchObject({ create: 0, created: 2, edited: 1 });
      expect(report).toMatchObject({ created: 0, updated: 1, failed: 0 });
      expect(storedClient(sandbox, createdId).city).toBe("Namur");
      const updated = statuses(book, 3)[1]!;
      expect(updated).toMatchObject({ kind: "created", clientId: createdId });
      expect(updated.detail).toContain("mis à jour");
      // In step now: the next plan has nothing to create or update, and no client was added.
      const next = await send(book, client, { updateEdited: true });
      expect(next.plan.counts).toMatchObject({ create: 0, created: 3, edited: 0 });
      expect(next.report.updated).toBe(0);
      expect(clientCount(sandbox) - before).toBe(3);
    });
  }, 60_000);

  it("an edited row whose client changed in Banqup meanwhile overwrites nothing, and says so", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(2, 3550);
      const client = clientFor(sandbox);
      await send(book, client);
      const createdId = statuses(book, 2)[1]!.clientId!;
      // A colleague fixes the client in Banqup's own screens: a new version.
      sandbox.db
        .prepare(
          "UPDATE clients SET data = json_set(data, '$.city', 'Gent'), version = version + 1 WHERE id = ?"
        )
        .run(createdId);
      await book.excel.user.type(book.sheet, book.at(1, "city"), [["Namur"]]);
      await settled(book);
      const { report } = await send(book, client, { updateEdited: true });
      expect(report).toMatchObject({ updated: 0, failed: 1 });
      expect(storedClient(sandbox, createdId).city).toBe("Gent");
      const status = statuses(book, 2)[1]!;
      expect(status).toMatchObject({ kind: "created", clientId: createdId });
      expect(status.detail).toContain("modifié aussi dans Banqup (version 2)");
    });
  }, 60_000);

  it("an update refused because another client has the new number fails on that cell", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(2, 3600);
      const client = clientFor(sandbox);
      await send(book, client);
      const createdId = statuses(book, 2)[1]!.clientId;
      // The number row 2 is given belongs to a client created elsewhere.
      const other = belgianNumber("03600099");
      await client.createClient(
        {
          ...toClientInput("be", book.session.rows!.normalized(0)!),
          enterpriseNumber: other,
          vatNumber: undefined,
          companyName: "Ailleurs",
          contactEmail: "a@ailleurs.be",
        },
        "cix_elsewhere3600000000000000000000000000"
      );
      await book.excel.user.type(book.sheet, book.at(1, "enterpriseNumber"), [[other]]);
      await book.excel.user.type(book.sheet, book.at(1, "vatNumber"), [[""]]);
      await settled(book);
      const { report } = await send(book, client, { updateEdited: true });
      expect(report).toMatchObject({ updated: 0, failed: 1 });
      // The row keeps its client's id (it is never created twice) and says the update failed.
      const status = statuses(book, 2)[1]!;
      expect(status).toMatchObject({ kind: "created", clientId: createdId });
      expect(status.detail).toContain("la mise à jour a été refusée");
      expect(book.session.problemsOf(1).map((p) => p.field)).toContain("enterpriseNumber");
    });
  }, 60_000);

  it("a row with no number, created, then its status cleared and its city edited: the next send asks first", async () => {
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await templateWorkbook("be", "fr");
      const noNumber = { enterpriseNumber: "", vatNumber: "" };
      await book.excel.user.type(book.sheet, "A2", [
        uniqueValidRow(book, 4100, { ...noNumber, contactEmail: "info@bakkerij-peeters.be" }),
        uniqueValidRow(book, 4101, { ...noNumber, companyName: "Épicerie Lebrun" }),
      ]);
      await settled(book);
      const client = clientFor(sandbox);
      await send(book, client);
      expect(clientCount(sandbox) - before).toBe(2);
      const [first, second] = statuses(book, 2);

      const status = columnLetters(book.session.profile.fields.length);
      await book.excel.user.clear(book.sheet, `${status}2:${status}3`);
      await book.excel.user.type(book.sheet, book.at(0, "city"), [["Namur"]]);
      // Another address, and the name written another way: still the same name.
      await book.excel.user.type(book.sheet, book.at(1, "contactEmail"), [["compta@lebrun.be"]]);
      await book.excel.user.type(book.sheet, book.at(1, "companyName"), [["EPICERIE  lebrun"]]);
      await settled(book);
      const again = await send(book, client);
      expect(again.plan.counts).toMatchObject({ create: 0, similar: 2 });
      expect(again.report).toMatchObject({ created: 0, skipped: 2 });
      expect(clientCount(sandbox) - before).toBe(2);
      const told = statuses(book, 2);
      expect(told[0]).toMatchObject({ kind: "skipped" });
      expect(told[0]!.detail).toContain(`${first!.clientId}`);
      expect(told[0]!.detail).toContain("même adresse e-mail de contact");
      expect(told[1]!.detail).toContain(`${second!.clientId}`);
      expect(told[1]!.detail).toContain("même nom");

      // The user says these are other clients: they are created.
      const { report } = await send(book, client, { createSimilar: true });
      expect(report).toMatchObject({ created: 2, skipped: 0 });
      expect(clientCount(sandbox) - before).toBe(4);
    });
  }, 60_000);

  it("skips invalid rows and clients that already exist, and shows the API's refusals on their cells", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(4, 4000);
      const client = clientFor(sandbox);
      // Row 0 exists in the partner space already (created elsewhere).
      const plan0 = await planFor(book, client);
      await client.createClient(
        { ...plan0.rows[0]!.input!, companyName: "Créé ailleurs" },
        "cix_elsewhere0000000000000000000000000000"
      );
      // Row 1 becomes invalid in the sheet; row 2 names a template the partner does not have.
      await book.excel.user.type(book.sheet, book.at(1, "contactEmail"), [["pas-un-email"]]);
      await book.excel.user.type(book.sheet, book.at(2, "configurationTemplate"), [["Inconnu"]]);
      await settled(book);
      const { plan, report } = await send(book, client, { invite: true });
      expect(plan.counts).toMatchObject({ exists: 1, invalid: 1, create: 2 });
      expect(report).toMatchObject({ created: 1, failed: 1 });
      const written = statuses(book, 4);
      expect(written[0]).toMatchObject({ kind: "skipped" });
      expect(written[0]!.detail).toContain("Créé ailleurs");
      expect(written[1]).toMatchObject({ kind: "skipped", detail: "problèmes dans la feuille" });
      expect(written[2]).toMatchObject({ kind: "failed" });
      expect(written[3]).toMatchObject({ kind: "created" });
      expect(written[3]!.detail).toContain("invité");
      // The API's refusal is highlighted on its cell like the sheet's own problems.
      expect(book.session.problemsOf(2).map((p) => p.field)).toContain("configurationTemplate");
      expect(book.excel.highlightedCells(book.sheet, "A1:R6")).toEqual(
        expect.arrayContaining([book.at(1, "contactEmail"), book.at(2, "configurationTemplate")])
      );
      // "Retry failed rows" once the user fixed the template: only that row is sent.
      await book.excel.user.type(book.sheet, book.at(2, "configurationTemplate"), [[""]]);
      await settled(book);
      const retry = await planFor(book, client, { onlyFailed: true });
      expect(retry.rows.map((row) => [row.index, row.kind])).toEqual([[2, "create"]]);
      const retried = await runSend({
        plan: retry,
        session: book.session,
        client,
        lang: "fr",
        say: sayFr,
        invite: false,
      });
      expect(retried).toMatchObject({ created: 1, failed: 0 });
      expect(statuses(book, 4).map((status) => status?.kind)).toEqual([
        "skipped",
        "skipped",
        "created",
        "created",
      ]);
      // The client's page is on the API's origin, but this sandbox speaks plain http: no link
      // in the cell (only https links of the API's own origin become hyperlinks).
      const created = sandbox.db
        .prepare("SELECT id FROM clients ORDER BY created_at DESC")
        .get() as {
        id: string;
      };
      const answer = await client.getClient(created.id);
      expect(answer.url).toBe(`${sandbox.url}/clients/${created.id}`);
      expect(book.excel.cell(book.sheet, `${columnLetters(17)}5`).hyperlink).toBeUndefined();
      const invitations = sandbox.db.prepare("SELECT COUNT(*) AS n FROM outbox").get() as {
        n: number;
      };
      expect(invitations.n).toBe(1);
    });
  }, 60_000);
});
