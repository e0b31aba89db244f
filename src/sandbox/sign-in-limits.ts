/** Sign-in attempts per client address in a minute before 429. */
const ATTEMPTS_PER_ADDRESS = 30;
/** Failures an account is allowed before each further one makes it wait, doubling. */
const FREE_FAILURES = 3;
const MAX_WAIT_SECONDS = 300;

/**
 * How password guessing is slowed: attempts per client address in a sliding minute, and per
 * account a wait that doubles with each failure past the first three (1 s, 2 s, 4 s … 5 min),
 * until it signs in. Kept in memory: a sandbox restart forgets it, which a sandbox may.
 */
export class SignInLimits {
  private readonly attempts = new Map<string, number[]>();
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Seconds to wait before an attempt from `address` on `account` is judged; 0 when now. */
  wait(address: string, account: string): number {
    const now = this.clock();
    const recent = (this.attempts.get(address) ?? []).filter((at) => at > now - 60_000);
    if (recent.length >= ATTEMPTS_PER_ADDRESS) {
      this.attempts.set(address, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.attempts.set(address, recent);
    const state = this.failures.get(account);
    return state && state.until > now ? Math.ceil((state.until - now) / 1000) : 0;
  }

  failed(account: string): void {
    const count = (this.failures.get(account)?.count ?? 0) + 1;
    const seconds =
      count <= FREE_FAILURES ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (count - FREE_FAILURES - 1));
    this.failures.set(account, { count, until: this.clock() + seconds * 1000 });
  }

  succeeded(account: string): void {
    this.failures.delete(account);
  }
}
