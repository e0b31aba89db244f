import { ClientCredentials, PartnerApiClient, type ClientInput } from "../src/api";
import { getProfile } from "../src/core";
import { insertTemplate, LiveSession } from "../src/excel";
import { loadClients } from "../src/send";
import { FakeExcel } from "../in-memory-excel";
import { runOf } from "../testkit/excel-run";
import { belgianNumber } from "../testkit/oracles";
import { sayFr } from "../testkit/words";
import { CLIENT, startSandboxProcess } from "./submit";

type Emit = (name: string, value: number, unit: string) => void;

const CLIENTS = 1000;
const PAGE = 200;

/** A valid Belgian client of its own (its numbers from `n`). */
function clientNumber(n: number): ClientInput {
  const enterpriseNumber = belgianNumber(`0${String(6_000_000 + n).padStart(7, "0")}`);
  return {
    companyName: `Client ${n}`,
    country: "BE",
    contactEmail: `client${n}@example.be`,
    contactFirstName: "Marie",
    contactLastName: "Dupont",
    contactLocale: "fr-BE",
    enterpriseNumber,
    vatNumber: `BE${enterpriseNumber}`,
    city: "Namur",
  } as ClientInput;
}

/**
 * Loading the partner's 1,000 clients into an empty table from a sandbox at 20 ms latency,
 * against the pages alone: the same list read page by page with nothing done with it. The
 * pages come one after the other (each needs the last one's cursor), so they are the floor.
 */
export async function benchLoad(emit: Emit): Promise<void> {
  const sandbox = await startSandboxProcess({ SANDBOX_LATENCY_MS: "20" });
  try {
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, CLIENT.id, CLIENT.secret),
      region: "be",
    });
    const partner = await client.getPartner();
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, n) =>
        client.createClient(clientNumber(n), `cix_bench_load_${String(n).padStart(25, "0")}`)
      )
    );
    // Warm: the sandbox's list route, the client's code and a whole load run once first.
    await pagesAlone(client);
    await loadInto(client, partner.id);
    const pages = await pagesAlone(client);
    const load = await loadInto(client, partner.id);
    emit("load_clients_1000_s", load.millis / 1000, "s");
    emit("load_clients_pages_alone_s", pages / 1000, "s");
    emit("load_clients_1000_excel_s", load.excelMillis / 1000, "s");
    // The add-in's time against the pages': without Excel's part of the syncs, which the
    // in-memory Excel does in JavaScript on the add-in's thread and Excel does natively,
    // in another process, while the next page is on its way (as change_overhead counts it).
    // The wall time's ratio is printed too: it holds the in-memory Excel's part.
    emit("load_clients_vs_limit", (load.millis - load.excelMillis) / pages, "ratio");
    emit("load_clients_wall_vs_limit", load.millis / pages, "ratio");
    emit("load_clients_1000_syncs", load.syncs, "syncs");
  } finally {
    sandbox.stop();
  }
}

/** One load of the partner's clients into a new workbook's empty table. */
async function loadInto(client: PartnerApiClient, partnerId: string) {
  const profile = getProfile("be");
  const excel = new FakeExcel();
  const run = runOf(excel);
  const { spec } = await insertTemplate(run, profile, "fr");
  const session = await LiveSession.open({ run, profile, spec, requirements: excel.requirements });
  excel.resetCounters();
  const started = performance.now();
  const report = await loadClients({
    session,
    client,
    partnerId,
    region: "be",
    catalog: [],
    lang: "fr",
    say: sayFr,
    pageSize: PAGE,
  });
  const millis = performance.now() - started;
  if (report.added < CLIENTS) throw new Error(`only ${report.added} clients were loaded`);
  const { syncs, excelMillis } = excel.counters;
  await session.close();
  return { millis, syncs, excelMillis };
}

/** Milliseconds to read every page of the partner's clients, one after the other. */
async function pagesAlone(client: PartnerApiClient): Promise<number> {
  const started = performance.now();
  let cursor: string | undefined;
  do {
    const page = await client.listClients({ limit: PAGE, cursor });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return performance.now() - started;
}
