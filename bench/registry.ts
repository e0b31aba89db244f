import { ClientCredentials, lookupCompanies, PartnerApiClient } from "../src/api";
import { FIXTURE_COMPANIES } from "../src/sandbox/registries/fixture-companies";
import { CLIENT, startSandboxProcess } from "./submit";

const LATENCY_MS = 100;
const LIMIT = 4;
const COUNT = 300;

/**
 * A registry check of 300 rows as the pane makes it (batches, two in flight) against a
 * sandbox whose fixture registries answer in 100 ms and serve 4 requests at once, as VIES
 * does per member state. The floor is 300 × 0.1 s / 4: every VIES slot busy all the time
 * (the Directory is asked alongside, in its own 4 slots). The ratio says how close it comes.
 */
export async function benchRegistry(
  emit: (name: string, value: number, unit: string) => void
): Promise<void> {
  const sandbox = await startSandboxProcess({
    REGISTRY_FIXTURE_LATENCY_MS: String(LATENCY_MS),
    REGISTRY_FIXTURE_CONCURRENCY: String(LIMIT),
    REGISTRY_CONCURRENCY: String(LIMIT),
  });
  try {
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, CLIENT.id, CLIENT.secret),
    });
    await client.getPartner(); // sign in before timing
    const numbers = FIXTURE_COMPANIES.slice(0, COUNT).map((company) => company.number);
    const started = performance.now();
    const answers = await lookupCompanies(client, numbers);
    const seconds = (performance.now() - started) / 1000;
    const unchecked = [...answers.values()].filter((answer) => !answer.checked).length;
    if (answers.size !== COUNT || unchecked > 0)
      throw new Error(
        `the registry check answered ${answers.size} numbers, ${unchecked} unchecked`
      );
    emit("registry_check_300_s", seconds, "s");
    emit("registry_check_vs_limit", seconds / ((COUNT * LATENCY_MS) / 1000 / LIMIT), "ratio");
  } finally {
    sandbox.stop();
  }
}
