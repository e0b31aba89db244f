import { isPayloadTooLarge } from "./run";

/**
 * Excel on the web refuses a request or a response above 5 MB, counted in bytes of the
 * serialized JSON including each operation's own overhead ("Payload size limit best
 * practices"); desktop has no such limit. Reads and writes are cut to stay under 4 MB.
 */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** What one queued operation costs besides its data (object paths, ids, names): generous. */
export const OPERATION_BYTES = 256;

/** What one cell costs in a response before anything was measured (JSON, with its comma). */
const INITIAL_BYTES_PER_CELL = 20;

/**
 * What one cell of the area costs in a response, learnt from what was read: it sizes the next
 * reads, so that each stays under the budget in as few requests as it can.
 */
export class CellCost {
  private bytes = INITIAL_BYTES_PER_CELL;

  get perCell(): number {
    return this.bytes;
  }

  /** A response was refused for its size: the next reads are cut smaller. */
  refused(): void {
    this.bytes *= 2;
  }

  /** Learns what a cell costs (UTF-8 bytes) from a block read, when it is large enough to say. */
  learn(values: readonly (readonly unknown[])[]): void {
    if (values.length < 100) return;
    const sample = values.slice(0, 200);
    const cells = sample.length * (sample[0]?.length ?? 1);
    const bytes = blockBytes(sample) / Math.max(1, cells);
    this.bytes = Math.max(INITIAL_BYTES_PER_CELL / 2, Math.ceil(bytes * 1.5));
  }
}

/** The UTF-8 length of a text: Arabic letters take two bytes, most symbols three. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A cell as JSON carries it (quotes, escapes) with its comma, in bytes. */
export function cellBytes(value: unknown): number {
  if (value === null || value === undefined || value === "") return 3;
  if (typeof value !== "string") return String(value).length + 1;
  // Quotes and the comma, plus a byte for each character JSON escapes.
  let escapes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) escapes++;
  }
  return utf8Bytes(value) + escapes + 3;
}

/** The bytes of a block of cells (a row list) in a request or response. */
export function blockBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  // Indexed loops: this runs once a round over up to 200,000 cells, often before the engine
  // has optimized it, and an iterator allocates a result per cell until then.
  for (let r = 0; r < rows.length; r++) bytes += lineBytes(rows[r]!);
  return bytes;
}

/** The bytes of one row of a block (its brackets and comma included). */
export function lineBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (let c = 0; c < row.length; c++) bytes += cellBytes(row[c]);
  return bytes;
}

/**
 * Groups `items` so that each group's bytes stay under the budget (an item alone above it is a
 * group of its own), in order.
 */
export function groupsWithin<T>(
  items: readonly T[],
  bytesOf: (item: T) => number,
  budget = PAYLOAD_BUDGET_BYTES
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item) + OPERATION_BYTES;
    if (current.length > 0 && bytes + size > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Queues and syncs each piece of work in a request of its own. A piece Excel refuses for its
 * size (request or response) is split in two, each half tried again, until it cannot be split.
 * `queue` queues a piece's operations and may return what to do once its sync answered.
 */
async function syncEach<P>(
  context: Excel.RequestContext,
  pieces: readonly P[],
  queue: (piece: P) => (() => void) | void,
  split: (piece: P) => [P, P] | undefined
): Promise<void> {
  const pending = [...pieces];
  while (pending.length) {
    const piece = pending.shift()!;
    const after = queue(piece);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per piece: each request and response must stay under Excel's 5 MB
      await context.sync();
    } catch (error) {
      const halves = isPayloadTooLarge(error) ? split(piece) : undefined;
      if (!halves) throw error;
      pending.unshift(...halves);
      continue;
    }
    after?.();
  }
}

/** Items queued and synced in groups under the budget (see `groupsWithin`, `syncEach`). */
export async function syncInGroups<T>(
  context: Excel.RequestContext,
  items: readonly T[],
  bytesOf: (item: T) => number,
  queue: (group: readonly T[]) => (() => void) | void
): Promise<void> {
  await syncEach(context, groupsWithin(items, bytesOf), queue, (group) =>
    group.length < 2
      ? undefined
      : [group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2))]
  );
}

/** [top, count] chunks of at most `size` rows covering `count` rows from `top`. */
export function rowChunks(top: number, count: number, size: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let row = 0; row < count; row += size) chunks.push([top + row, Math.min(size, count - row)]);
  return chunks;
}

/** Row chunks [top, count] read one per sync; a refused chunk is read in halves. */
export async function readInChunks(
  context: Excel.RequestContext,
  chunks: readonly [number, number][],
  queue: (chunk: [number, number]) => () => void
): Promise<void> {
  await syncEach(
    context,
    chunks,
    queue,
    ([top, count]): [[number, number], [number, number]] | undefined => {
      if (count < 2) return undefined;
      const half = Math.ceil(count / 2);
      return [
        [top, half],
        [top + half, count - half],
      ];
    }
  );
}
