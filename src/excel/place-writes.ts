import { queueAreaLoad } from "./area";
import type { AreaState } from "./area-state";
import { keyChanges, writeKeyBlocks } from "./highlight";
import { LEDGER_SHEET } from "./names";
import { LEDGER_COLUMNS, LEDGER_HEADER, LEDGER_WIDTH } from "./status";
import { syncInGroups } from "./payload";
import {
  planRowWrites,
  type LedgerState,
  type Misplaced,
  type RowWrite,
  type RowWriteOutcome,
} from "./row-writes";
import { officeErrorCode } from "./run";
import { SessionProblem } from "./session-problem";
import { queueHiddenSheet } from "./hidden-sheet";

/** A write whose rows keep moving under it is placed at most this many times. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * Compare-and-set, within one `Excel.run`. Each write goes where its row is now (as the area's
 * picture has it) and the request that writes a row first reads it: a row that was not what
 * the write was computed from when the write landed (it moved on the way, or the picture was
 * stale) gets back what it held, the area is read again and the write placed anew, up to three
 * times. One request when nothing moved.
 */
export async function placeRowWrites(
  context: Excel.RequestContext,
  area: AreaState,
  writes: RowWrite[],
  ledger: LedgerState
): Promise<RowWriteOutcome[]> {
  const outcomes: RowWriteOutcome[] = [];
  let remaining = writes.map((_, i) => i);
  let affected: number[] = [];
  for (let attempt = 0; remaining.length > 0; attempt++) {
    if (attempt === MAX_WRITE_ATTEMPTS) {
      for (const i of remaining) outcomes[i] = { written: false, reason: "moving" };
      break;
    }
    if (attempt > 0) {
      // Rows moved under the writes: read the area as it is now, and place them again.
      const load = queueAreaLoad(context, area.spec);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only when rows moved under a write, at most twice
      await context.sync();
      const now = load.geometry(area.profile);
      if (!now) throw new SessionProblem("headerMissing");
      affected = union(affected, (await area.readAll(context, now)).rows);
    }
    const batch = remaining.map((i) => writes[i]!);
    const plan = planRowWrites(context, {
      live: area.live!,
      geometry: area.geometry!,
      writes: batch,
      ledger,
      withLedger: attempt === 0,
    });
    affected = union(affected, plan.affected);
    plan.outcomes.forEach((outcome, k) => (outcomes[remaining[k]!] = outcome));
    const misplaced: Misplaced[] = [];
    await syncInGroups(
      context,
      plan.units,
      (unit) => unit.bytes,
      (group) => {
        const checks = group.flatMap((unit) => unit.queue() ?? []);
        return () => checks.forEach((check) => misplaced.push(...check()));
      }
    );
    for (const wrong of misplaced) wrong.restore();
    remaining = misplaced.flatMap((wrong) => wrong.writes.map((k) => remaining[k]!));
  }
  const blocks = keyChanges(area.live!, area.geometry!, affected, area.keys!);
  await writeKeyBlocks(context, blocks, remaining.length > 0, area.checksSheet);
  return outcomes;
}

/**
 * What the ledger sheet is like. A missing ledger is created first, in a request of its own:
 * another pane may be creating it at the same moment, and then theirs is the one.
 */
export async function findLedger(context: Excel.RequestContext): Promise<LedgerState> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  await context.sync();
  if (sheet.isNullObject) {
    try {
      const created = queueHiddenSheet(context, LEDGER_SHEET, true);
      created.getRangeByIndexes(0, 0, 1, LEDGER_WIDTH).values = [[...LEDGER_HEADER]];
      await context.sync();
      return "ready";
    } catch (error) {
      if (officeErrorCode(error) !== "ItemAlreadyExists") throw error;
    }
  }
  const used = context.workbook.worksheets
    .getItem(LEDGER_SHEET)
    .getRange(LEDGER_COLUMNS)
    .getUsedRangeOrNullObject(true);
  await context.sync();
  return used.isNullObject ? "empty" : "ready";
}

export function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
