import { setImmediate } from "node:timers";
import type { Db } from "./db";

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes committed together. Committing a client's creation cost four times the creation
 * itself (the log is written at each commit), so the writes of the requests that arrive in one
 * turn of the event loop run one after another in one transaction, each in a savepoint of its
 * own, and are committed once:
 * - a write that throws undoes only itself, and only its request fails;
 * - nothing else runs between them, so each write sees the ones before it, as if alone;
 * - every request is answered after the commit: no answer tells of a write that could still
 *   be lost, and a failed commit fails the whole batch, of which nothing was stored.
 */
export function writeBatches(db: Db): <T>(work: () => T) => Promise<T> {
  let pending: Pending[] = [];
  // Inside the batch's transaction, better-sqlite3 makes each of these a savepoint.
  const alone = db.transaction((work: () => unknown) => work());
  const together = db.transaction((batch: Pending[]) =>
    batch.map((item) => {
      try {
        return { ok: true as const, value: alone(item.work) };
      } catch (error) {
        return { ok: false as const, error };
      }
    })
  );
  const flush = () => {
    const batch = pending;
    pending = [];
    let results: ReturnType<typeof together>;
    try {
      results = together(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    results.forEach((result, i) => {
      if (result.ok) batch[i]!.resolve(result.value);
      else batch[i]!.reject(result.error);
    });
  };
  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      // After the I/O of this turn: the requests that arrived with this one join its batch.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
}
