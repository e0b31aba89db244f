/**
 * Sending while rows move : a row's result reaches that row wherever
 * it is, a row deleted or changed after the summary is not sent, two panes never overwrite
 * each other's ledger lines. Against the sandbox and the Excel fake.
 */
import { getProfile } from "../../src/core";
import { columnLetters, LEDGER_SHEET, LiveSession } from "../../src/excel";
import { planSend, runSend } from "../../src/send";
import { sayFr } from "../../testkit/words";
import { settled, uniqueValidRow, type TemplateWorkbook } from "../excel/helpers";
import type { RunningSandbox } from "../sandbox/start-sandbox";
import {
  bookWithRows,
  clientCount,
  clientFor,
  PARTNER,
  planFor,
  send,
  statuses,
  withSandbox,
} from "./helpers";

const be = getProfile("be");
const ENTERPRISE = columnLetters(be.fields.findIndex((field) => field.key === "enterpriseNumber"));

/** The client the sandbox holds for an enterprise number, if any. */
function clientOf(sandbox: RunningSandbox, enterprise: unknown): string | undefined {
  const found = sandbox.db
    .prepare("SELECT client_id FROM client_identifiers WHERE partner_id = ? AND value = ?")
    .get(PARTNER, String(enterprise)) as { client_id: string } | undefined;
  return found?.client_id;
}

/** Every created status in the sheet names the client made for that row's own number. */
function expectStatusesOnTheirRows(book: TemplateWorkbook, sandbox: RunningSandbox, rows: number) {
  const numbers = book.excel.values(book.sheet, `${ENTERPRISE}2:${ENTERPRISE}${rows + 1}`);
  statuses(book, rows).forEach((status, i) => {
    if (status?.kind !== "created") return;
    expect(status.clientId).toBe(clientOf(sandbox, numbers[i]![0]));
  });
}

/** Confirms a plan: sends it from `session` (the book's own by default), results in small batches. */
async function runWith(
  book: TemplateWorkbook,
  sandbox: RunningSandbox,
  plan: Awaited<ReturnType<typeof planFor>>,
  onProgress?: (created: number) => void,
  session: LiveSession = book.session
) {
  return runSend({
    plan,
    session,
    client: clientFor(sandbox),
    lang: "fr",
    say: sayFr,
    invite: false,
    flushMillis: 5,
    flushSize: 3,
    onProgress: (progress) => onProgress?.(progress.created),
  });
}

describe("sending while rows move", () => {
  it("plan two rows, type a third, delete the first, confirm: only the planned row still there is sent, and marked right", async () => {
    await withSandbox(async (sandbox) => {
      const before = clientCount(sandbox);
      const book = await bookWithRows(2, 5000);
      const [first, second] = book.excel.values(book.sheet, `${ENTERPRISE}2:${ENTERPRISE}3`);
      const plan = await planFor(book, clientFor(sandbox));
      expect(plan.counts.create).toBe(2);
      await book.excel.user.type(book.sheet, "A4", [uniqueValidRow(book, 5002)]);
      await book.excel.user.deleteRows(book.sheet, 2);
      await settled(book);

      const report = await runWith(book, sandbox, plan);
      expect(report).toMatchObject({ created: 1, changed: 1, failed: 0 });
      expect(clientCount(sandbox) - before).toBe(1);
      expect(clientOf(sandbox, first![0])).toBeUndefined();
      const [moved, typed] = statuses(book, 2);
      expect(moved).toMatchObject({ kind: "created", clientId: clientOf(sandbox, second![0]) });
      expect(typed).toBeUndefined();
      // The next summary: the moved row is created as it is, the new row is to create.
      const next = await planFor(book, clientFor(sandbox));
      expect(next.counts).toMatchObject({ create: 1, created: 1, edited: 0 });
    });
  }, 60_000);

  it("rows sorted after the summary: each status reaches its own row", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(12, 5100);
      const plan = await planFor(book, clientFor(sandbox));
      // Sorted by company name, Z to A: every row moves.
      await book.excel.user.sort(book.sheet, `A2:R13`, 0, false);
      const report = await runWith(book, sandbox, plan);
      expect(report).toMatchObject({ created: 12, changed: 0 });
      expectStatusesOnTheirRows(book, sandbox, 12);
      expect(statuses(book, 12).every((status) => status?.kind === "created")).toBe(true);
    });
  }, 60_000);

  it("rows deleted and sorted while the send runs: no row shows another row's client", async () => {
    await withSandbox(
      async (sandbox) => {
        const book = await bookWithRows(40, 5200);
        const plan = await planFor(book, clientFor(sandbox));
        let acted = false;
        let deleted: unknown[][] = [];
        const report = await runWith(book, sandbox, plan, (created) => {
          if (acted || created < 10) return;
          acted = true;
          deleted = book.excel.values(book.sheet, `${ENTERPRISE}3:${ENTERPRISE}5`);
          void book.excel.user
            .deleteRows(book.sheet, 3, 5)
            .then(() => book.excel.user.sort(book.sheet, "A2:R38", 0, false));
        });
        await settled(book);
        expect(acted).toBe(true);
        expect(report.created + report.failed + report.changed).toBe(40);
        expectStatusesOnTheirRows(book, sandbox, 37);
        // Every client made is shown on its row, named to the user, or went with a deleted row.
        const shown = new Set(statuses(book, 37).map((status) => status?.clientId));
        const named = new Set(report.unplaced.map((client) => client.clientId));
        const withDeleted = new Set(deleted.map(([number]) => clientOf(sandbox, number)));
        const made = sandbox.db
          .prepare("SELECT id FROM clients WHERE partner_id = ? AND data LIKE '%Client 52%'")
          .all(PARTNER) as { id: string }[];
        expect(made).toHaveLength(report.created);
        for (const { id } of made)
          expect(shown.has(id) || named.has(id) || withDeleted.has(id)).toBe(true);
      },
      { latencyMs: 5 }
    );
  }, 60_000);

  it("two panes sending at once keep every ledger line", async () => {
    await withSandbox(async (sandbox) => {
      const book = await bookWithRows(20, 5300);
      const other = await LiveSession.open({
        run: book.run,
        profile: be,
        spec: book.session.areaSpec,
        requirements: book.excel.requirements,
      });
      const client = clientFor(sandbox);
      const plan = (session: LiveSession, scope: number[]) =>
        planSend({ session, client, partnerId: PARTNER, region: "be", catalog: [], scope });
      const [left, right] = await Promise.all([
        plan(book.session, [...Array(10).keys()]),
        plan(
          other,
          [...Array(10).keys()].map((i) => i + 10)
        ),
      ]);
      await Promise.all([
        runWith(book, sandbox, left),
        runWith(book, sandbox, right, undefined, other),
      ]);
      await settled(book);
      const ledger = book.excel
        .values(LEDGER_SHEET, "A1:B200")
        .filter(([key]) => String(key).startsWith("cix_"));
      const created = new Set(
        ledger.filter(([, id]) => String(id).startsWith("cl_")).map(([key]) => key)
      );
      expect(created.size).toBe(20);
      const again = await send(book, client);
      expect(again.plan.counts).toMatchObject({ create: 0, created: 20 });
      await other.close();
    });
  }, 60_000);
});
