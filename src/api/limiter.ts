/**
 * At most `limit` tasks at once; the others wait their turn, in order. A finishing task hands
 * its slot straight to the next waiter: were the slot freed and then taken, a caller arriving
 * in between could take it too, and two tasks would run under a limit of one.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error("The concurrency limit must be a whole number ≥ 1.");
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    // Woken with the slot of the task that finished: `running` already counts this one.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
