import { ClientCredentials, PartnerApiClient, type ClientInput } from "../../src/api";
import { columnLetters } from "../../src/excel";
import { checkWithBanqup, planSend } from "../../src/send";
import { ICE_COMPANIES, unregisteredIce } from "../../src/sandbox/registries/fixture-ice";
import { settled, templateWorkbook, type TemplateWorkbook } from "../excel/helpers";
import {
  AUTOMATION,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "../sandbox/start-sandbox";

/** Row k's ICE: a registered company's, except for the rows named unknown. */
const iceOf = (k: number, unknown: readonly number[]) =>
  unknown.includes(k) ? unregisteredIce(k) : ICE_COMPANIES[k]!.ice;

async function moroccanBook(count: number, unknown: readonly number[]) {
  const book = await templateWorkbook("ma", "fr");
  const rows = Array.from({ length: count }, (_, k) =>
    book.row({
      companyName: `Société ${k} SARL`,
      ice: iceOf(k, unknown),
      contactEmail: `contact${k}@client${k}.ma`,
    })
  );
  await book.excel.user.type(book.sheet, "A2", rows);
  await settled(book);
  expect(book.session.summary()).toMatchObject({ rows: count, valid: count });
  return book;
}

/** The sandbox's client, counting the clients each dry run was asked about. */
function countingClient(sandbox: RunningSandbox) {
  const client = new PartnerApiClient({
    baseUrl: sandbox.url,
    tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, AUTOMATION.id, AUTOMATION.secret),
    region: "ma",
    retry: { baseDelayMs: 2, maxDelayMs: 20, retries: 12 },
  });
  const asked: number[] = [];
  const validate = client.validateClients.bind(client);
  client.validateClients = (clients: ClientInput[], signal?: AbortSignal) => {
    asked.push(clients.length);
    return validate(clients, signal);
  };
  return { client, asked };
}

const iceCells = (book: TemplateWorkbook, rows: readonly number[]) =>
  rows.map((k) => book.at(k, "ice"));

describe("Banqup's verdict before sending (the dry run, from the sheet)", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(withAutomation("ma"));
  });
  afterAll(() => sandbox.close());

  const clients = () =>
    (sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n;

  it("marks exactly the unknown ICEs of 250 rows, in batches of 100, and asks again only for rows changed since", async () => {
    const unknown = [3, 77, 120, 199, 248];
    const book = await moroccanBook(250, unknown);
    const { client, asked } = countingClient(sandbox);
    const progress: number[] = [];
    const report = await checkWithBanqup({
      session: book.session,
      client,
      region: "ma",
      catalog: [],
      onProgress: ({ done }) => progress.push(done),
    });
    await settled(book);
    expect(report).toMatchObject({ checked: 250, refused: 5, existing: 0, cancelled: false });
    expect(asked).toEqual([100, 100, 50]);
    expect(progress.at(-1)).toBe(250);
    expect(book.excel.highlightedCells(book.sheet).sort()).toEqual(iceCells(book, unknown).sort());
    // The status column says it in words, for the sheet read or printed without the pane.
    const status = columnLetters(book.session.profile.fields.length);
    expect(book.excel.values(book.sheet, `${status}${unknown[0]! + 2}`)[0]![0]).toBe(
      "⚠ 1 problème : ICE"
    );
    const problems = book.session.rows!.problemsOf(unknown[0]!);
    expect(problems.map((p) => p.code)).toEqual(["ice.unknown"]);
    expect(clients()).toBe(0);

    // Fixed: its mark goes at once, and the next check asks only for that row.
    await book.excel.user.type(book.sheet, book.at(3, "ice"), [[ICE_COMPANIES[300]!.ice]]);
    await settled(book);
    expect(book.excel.highlightedCells(book.sheet)).not.toContain(book.at(3, "ice"));
    expect(book.session.summary().invalid).toBe(4);
    const again = await checkWithBanqup({
      session: book.session,
      client,
      region: "ma",
      catalog: [],
    });
    expect(again).toMatchObject({ checked: 1, refused: 0 });
    expect(asked).toEqual([100, 100, 50, 1]);

    // A send plans the rows Banqup refused as problems, and asks only for rows changed since.
    await book.excel.user.type(book.sheet, book.at(10, "contactName"), [["Nadia Idrissi"]]);
    await settled(book);
    const plan = await planSend({
      session: book.session,
      client,
      partnerId: "pa_ma",
      region: "ma",
      catalog: [],
    });
    expect(asked).toEqual([100, 100, 50, 1, 1]);
    expect(plan.counts).toMatchObject({ create: 246, invalid: 4 });
  });

  it("editing another cell of a refused row keeps the ICE's mark; a cancel keeps what was judged", async () => {
    const book = await moroccanBook(30, [5]);
    const { client } = countingClient(sandbox);
    await checkWithBanqup({ session: book.session, client, region: "ma", catalog: [] });
    await settled(book);
    await book.excel.user.type(book.sheet, book.at(5, "city"), [["Rabat"]]);
    await settled(book);
    expect(book.excel.highlightedCells(book.sheet)).toEqual([book.at(5, "ice")]);

    const cancelled = new AbortController();
    cancelled.abort();
    await book.excel.user.type(book.sheet, book.at(6, "city"), [["Fès"]]);
    await settled(book);
    const report = await checkWithBanqup({
      session: book.session,
      client,
      region: "ma",
      catalog: [],
      signal: cancelled.signal,
    });
    expect(report).toMatchObject({ checked: 0, cancelled: true });
    // Rows 5 and 6 changed and were not asked again: they wait; the others stay judged.
    expect(book.session.rows!.awaitingRemoteJudgement()).toEqual([5, 6]);
  });
});
