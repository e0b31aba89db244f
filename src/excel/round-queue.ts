import type { CellSpan } from "./address";
import type { TemplateInfo } from "./catalog";
import { asSessionProblem, type SessionProblem } from "./session-problem";

/** A failed round is tried again after this long, doubling up to a minute. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 60_000;

/** One round of checking: what to read again and what else to do (docs/glossary.md). */
export interface Round {
  full: boolean;
  /** Sheet rows to read again. */
  spans: CellSpan[];
  /** Check the highlight rule, text formats and drop-downs (after possible pastes). */
  heal: boolean;
  catalog?: TemplateInfo[];
  /** Data rows whose highlight keys must be written again (their verdict changed here). */
  rewrite?: number[];
  /** Save the area's spec in the workbook (a sheet area's header row moved). */
  saveSpec?: boolean;
}

/** A round that reads the whole area again; `heal` when a paste may have come with it. */
export const fullRound = (heal: boolean): Round => ({ full: true, spans: [], heal });

/** What the queue does with what it is given; the session says how. */
export interface RoundWork {
  round(round: Round): Promise<void>;
  /** A failed task may have left Excel other than the session believes. */
  taskFailed(): void;
  /** A round or task ended: what the pane shows may have changed. */
  settled(): void;
  /** Whether the queue is working changed (the pane shows it is). */
  changed(): void;
  onProblem?: (problem: SessionProblem) => void;
}

/** Where the queue stands: for a test that stalls, to say where. */
export interface QueueState {
  roundsDone: number;
  roundQueued: boolean;
  tasksQueued: number;
  roundFailed: boolean;
  working: boolean;
}

interface Task {
  work: () => Promise<unknown>;
  /** A read the pane makes in the background (a status): the pane is not shown working. */
  quiet: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The session's one line to Excel: rounds of checking and tasks (writes, reads the pane asks
 * for) run one at a time, in order. Changes that arrive while a round runs merge into the
 * next round, so a burst of events costs one round; a round that fails is kept and tried
 * again, with the next change or, when Excel itself failed, after a pause.
 */
export class RoundQueue {
  /** Rounds done so far (the self-check waits for the one an event brings). */
  roundsDone = 0;
  problem: SessionProblem | undefined;

  private next: Round | undefined;
  private tasks: Task[] = [];
  private failed: { round: Round; timer?: ReturnType<typeof setTimeout> } | undefined;
  private failures = 0;
  private worker: Promise<void> | undefined;
  private closed = false;

  /** Whether the job running now is one the pane waits on. */
  private loud = false;
  constructor(private readonly work: RoundWork) {}

  /** Whether a round or a task the pane waits on is queued or running (quiet reads apart). */
  get working(): boolean {
    if (this.worker === undefined) return false;
    return this.next !== undefined || this.loud || this.tasks.some((task) => !task.quiet);
  }

  get state(): QueueState {
    return {
      roundsDone: this.roundsDone,
      roundQueued: this.next !== undefined,
      tasksQueued: this.tasks.length,
      roundFailed: this.failed !== undefined,
      working: this.working,
    };
  }

  /** Resolves when every round and task queued so far is done. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  /** Merges a round into the next one (with a failed round's work, tried again with it). */
  schedule(round: Round): void {
    if (this.closed && !round.full) return;
    const next = this.next ?? { full: false, spans: [], heal: false };
    merge(next, round);
    if (this.failed) {
      if (this.failed.timer) clearTimeout(this.failed.timer);
      merge(next, this.failed.round);
      this.failed = undefined;
    }
    this.next = next;
    this.start();
  }

  /** Runs `work` in turn, after the rounds and tasks queued before it. */
  run<T>(work: () => Promise<T>, quiet = false): Promise<T> {
    const done = new Promise<T>((resolve, reject) =>
      this.tasks.push({ work, quiet, resolve: resolve as (value: unknown) => void, reject })
    );
    this.start();
    return done;
  }

  /** No more retries; what is queued still runs. */
  close(): void {
    this.closed = true;
    if (this.failed?.timer) clearTimeout(this.failed.timer);
    this.failed = undefined;
  }

  private start(): void {
    if (this.worker) return;
    this.worker = this.drain().finally(() => {
      this.worker = undefined;
      // Work queued while the drain was ending (its last check passed) starts a new one.
      if (this.next || this.tasks.length) this.start();
      else this.work.changed();
    });
    this.work.changed();
  }

  /** Rounds first: a task (a write) must find the area as the last change left it. */
  private async drain(): Promise<void> {
    while (this.next || this.tasks.length) {
      if (this.next) {
        const round = this.next;
        this.next = undefined;
        this.loud = true;
        try {
          await this.work.round(round);
          this.roundsDone++;
          this.succeeded();
        } catch (error) {
          this.fail(round, error);
        }
      } else {
        const task = this.tasks.shift()!;
        this.loud = !task.quiet;
        try {
          task.resolve(await task.work());
          this.succeeded();
        } catch (error) {
          this.work.taskFailed();
          task.reject(error);
        }
      }
      this.loud = false;
      this.work.settled();
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.problem = undefined;
  }

  private fail(round: Round, error: unknown): void {
    this.problem = asSessionProblem(error);
    this.work.onProblem?.(this.problem);
    if (this.closed) return;
    this.failed = { round };
    // Excel busy, or a batch refused while the user edited a cell: try again after a pause.
    if (this.problem.kind !== "excel") return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures++);
    this.failed.timer = setTimeout(() => {
      const failed = this.failed;
      if (!failed || this.closed) return;
      this.failed = undefined;
      this.schedule(failed.round);
    }, delay);
  }
}

function merge(into: Round, round: Round): void {
  into.full ||= round.full;
  into.heal ||= round.heal;
  into.spans.push(...round.spans);
  if (round.catalog) into.catalog = round.catalog;
  if (round.rewrite) into.rewrite = [...(into.rewrite ?? []), ...round.rewrite];
  into.saveSpec ||= round.saveSpec;
}
