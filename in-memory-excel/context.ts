import { tick } from "./a1";
import { FakeError } from "./workbook";
import { type WorkbookState } from "./state";
import {
  requestBytes as requestBytesOf,
  OPERATION_OVERHEAD_BYTES,
  PAYLOAD_LIMIT_BYTES,
  type FakeRunOptions,
  type OperationKind,
  type ProxyContext,
  type RequestPart,
} from "./client-object";
import { WorkbookProxy } from "./workbook-proxy";

export type { FakeRunOptions } from "./client-object";

interface Operation {
  run: () => number | void;
  part: RequestPart;
  onRange: boolean;
  kind: OperationKind;
}

/** The request context of one `Excel.run`: operations are queued and run only on `sync()`. */
export class FakeContext implements ProxyContext {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];

  constructor(
    readonly state: WorkbookState,
    readonly options: FakeRunOptions = {}
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(
    run: () => number | void,
    part: RequestPart = 0,
    onRange = false,
    kind: OperationKind = "read"
  ): void {
    this.queue.push({ run, part, onRange, kind });
    this.state.counters.operations++;
    if (onRange) this.state.counters.rangeOperations++;
    if (onRange && kind === "write") this.state.counters.rangeWrites++;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.state.counters.syncs++;
    // Counting the request's bytes is Excel's side of the sync (the add-in made the JSON).
    const counting = performance.now();
    let requestBytes = 0;
    for (const op of batch) requestBytes += requestBytesOf(op.part) + OPERATION_OVERHEAD_BYTES;
    this.state.counters.excelMillis += performance.now() - counting;
    // A round trip: other work (events, user edits) may run while the request is in flight.
    await tick();
    if (this.state.isEditing) {
      // "Delay execution while cell is being edited": without the option the batch fails.
      if (!this.options.delayForCellEdit)
        throw new FakeError(
          "InvalidOperation",
          "The request cannot be processed while the user is editing a cell."
        );
      await this.state.editEnded();
    }
    this.state.duringNextSync.shift()?.();
    const failure = this.state.failures.shift();
    if (failure) throw new FakeError(failure, `The request failed (${failure}).`);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      this.state.counters.refusedPayloads++;
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    }
    let responseBytes = 0;
    const started = performance.now();
    this.state.beginBatch();
    if (batch.some((op) => op.kind === "write"))
      this.state.beginWritingSync(this.options.mergeUndoGroup ? this : undefined);
    try {
      for (const op of batch) responseBytes += op.run() ?? 0;
    } finally {
      this.state.endBatch();
      this.state.counters.excelMillis += performance.now() - started;
    }
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      this.state.counters.refusedPayloads++;
      throw new FakeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
    // Only what Excel accepted and answered counts towards the largest payloads seen.
    const counters = this.state.counters;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, requestBytes);
    counters.maxResponseBytes = Math.max(counters.maxResponseBytes, responseBytes);
  }
}
