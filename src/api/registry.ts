import { ConcurrencyLimit } from "./limiter";
import type { RegistryAnswer } from "../core";
import { toRegistryAnswer } from "./adapter";
import type { PartnerApiClient } from "./client";
import { Cancelled } from "./errors";

/** Numbers per request: small enough that progress moves every second or so (the contract allows 100). */
const REGISTRY_BATCH = 25;
/**
 * Requests in flight at once: two keep the API's upstream slots busy while one batch ends and
 * the next starts, without queueing the whole sheet at the server.
 */
const REGISTRY_PARALLEL = 2;

export interface RegistryCheckOptions {
  signal?: AbortSignal;
  /** After each batch: the answers so far (to show and remember them at once) and the count. */
  onBatch?: (answers: ReadonlyMap<string, RegistryAnswer>, done: number, total: number) => void;
  batchSize?: number;
  parallel?: number;
}

/**
 * Asks the partner API what the registries say of each number, in batches, with progress and
 * cancellation. Returns the answers by number; on cancel (or a failure) the batches answered
 * so far have already been handed to `onBatch`, so nothing asked is lost.
 */
export async function lookupCompanies(
  client: PartnerApiClient,
  numbers: readonly string[],
  options: RegistryCheckOptions = {}
): Promise<Map<string, RegistryAnswer>> {
  const unique = [...new Set(numbers)];
  const size = options.batchSize ?? REGISTRY_BATCH;
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  const limit = new ConcurrencyLimit(options.parallel ?? REGISTRY_PARALLEL);
  const answers = new Map<string, RegistryAnswer>();
  let done = 0;
  await Promise.all(
    batches.map((batch) =>
      limit.run(async () => {
        if (options.signal?.aborted) return;
        const results = await client.lookupCompanies(batch, options.signal);
        const answered = new Map<string, RegistryAnswer>();
        results.forEach((result, i) => answered.set(batch[i]!, toRegistryAnswer(result)));
        for (const [number, answer] of answered) answers.set(number, answer);
        done += batch.length;
        options.onBatch?.(answered, done, unique.length);
      })
    )
  );
  if (options.signal?.aborted) throw new Cancelled();
  return answers;
}
