/**
 * What the Moroccan company register says of an ICE: a company holds it, none does, or the
 * register could not be asked (which never refuses a client: the row is created and says so).
 */
export type IceVerdict = "known" | "unknown" | "unchecked";

/** The register's answer to one request: the ICEs it holds among those asked, or a fault. */
export type IceAnswer = { held: ReadonlySet<string> } | { fault: string };

/** ICEs the register takes in one request (the search's limit). */
const ICE_BATCH = 100;
/**
 * Requests to the register in flight at once: ICEs asked meanwhile wait and go together in
 * the next one, so a busy sandbox asks in batches instead of once a client.
 */
const IN_FLIGHT = 2;
/** How long an answer is trusted: companies are registered and struck off over days. */
const TRUSTED_MS = 10 * 60_000;
const MAX_REMEMBERED = 50_000;

/**
 * Asks the register for ICEs gathered across requests: the creates of one send arrive
 * together (several at once), and one request for all of them costs the register's latency
 * once, not once per client. Answers are remembered for a while, so a dry run followed by
 * the send asks once.
 */
export class IceBatches {
  private waiting = new Map<string, ((verdict: IceVerdict) => void)[]>();
  private scheduled = false;
  private inFlight = 0;
  private remembered = new Map<string, { verdict: "known" | "unknown"; at: number }>();

  constructor(
    private readonly ask: (ices: string[]) => Promise<IceAnswer>,
    private readonly now: () => number = Date.now
  ) {}

  /** Each ICE's verdict, asked together with whatever else is asked in this turn. */
  verdicts(ices: readonly string[]): Promise<Map<string, IceVerdict>> {
    return Promise.all(ices.map((ice) => this.verdict(ice).then((v) => [ice, v] as const))).then(
      (pairs) => new Map(pairs)
    );
  }

  private verdict(ice: string): Promise<IceVerdict> {
    const known = this.remembered.get(ice);
    if (known && this.now() - known.at < TRUSTED_MS) return Promise.resolve(known.verdict);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(ice);
      if (waiters) waiters.push(resolve);
      else this.waiting.set(ice, [resolve]);
      if (!this.scheduled) {
        this.scheduled = true;
        // After the requests of this turn have said what they need.
        setTimeout(() => this.flush(), 0);
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight >= IN_FLIGHT || this.waiting.size === 0) return;
    const batch = this.waiting;
    this.waiting = new Map();
    const ices = [...batch.keys()];
    for (let start = 0; start < ices.length; start += ICE_BATCH) {
      const part = ices.slice(start, start + ICE_BATCH);
      this.inFlight++;
      const asked = this.ask(part).catch((): IceAnswer => ({ fault: "UNREACHABLE" }));
      void asked.then((answer) => {
        this.inFlight--;
        this.flush();
        for (const ice of part) {
          const verdict =
            "held" in answer ? (answer.held.has(ice) ? "known" : "unknown") : "unchecked";
          if (verdict !== "unchecked") this.remember(ice, verdict);
          for (const resolve of batch.get(ice)!) resolve(verdict);
        }
      });
    }
  }

  private remember(ice: string, verdict: "known" | "unknown"): void {
    // A full memory is simply started again: answers are cheap to ask for once more.
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(ice, { verdict, at: this.now() });
  }
}
