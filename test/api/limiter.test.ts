import { ConcurrencyLimit } from "../../src/api/limiter";

/** Resolves after `ticks` microtasks. */
async function microtasks(ticks: number): Promise<void> {
  for (let i = 0; i < ticks; i++) await Promise.resolve();
}

describe("the concurrency limit", () => {
  it("never runs two tasks under a limit of one, whenever a newcomer arrives after a release", async () => {
    // A newcomer arriving k microtasks after the running task ends, for every k around the
    // release: one of them lands between the release and the waiter waking up.
    for (let delay = 0; delay <= 8; delay++) {
      const limit = new ConcurrencyLimit(1);
      let active = 0;
      let most = 0;
      const task = async () => {
        active++;
        most = Math.max(most, active);
        await microtasks(3);
        active--;
      };
      let release!: () => void;
      const first = limit.run(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          })
      );
      const waiter = limit.run(task);
      await microtasks(1);
      release();
      await microtasks(delay);
      const newcomer = limit.run(task);
      await Promise.all([first, waiter, newcomer]);
      expect([delay, most]).toEqual([delay, 1]);
    }
  });

  it("starts waiting tasks in the order they came", async () => {
    const limit = new ConcurrencyLimit(2);
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) =>
        limit.run(async () => {
          started.push(n);
          // Later tasks finish sooner: the order of starts must not follow the finishes.
          await microtasks(12 - 2 * n);
        })
      )
    );
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("frees the slot when a task fails", async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limit.run(async () => "next")).resolves.toBe("next");
  });
});
