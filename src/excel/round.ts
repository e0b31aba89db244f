import { LAST_ROW, type CellSpan } from "./address";
import { dataRowCount, firstDataRow, queueAreaLoad, sameLayout, type AreaGeometry } from "./area";
import type { AreaState } from "./area-state";
import { queueSpanReads, type SpanReads } from "./span-reads";
import { queueFacts } from "./facts";
import { HealthCheck } from "./health";
import { keyChanges, writeKeyBlocks } from "./highlight";
import { union } from "./place-writes";
import type { Round } from "./round-queue";
import { isPayloadTooLarge, type ExcelRun } from "./run";
import { problemStatusChanges, queueStatusRuns } from "./problem-statuses";
import type { SentRows } from "./sent-rows";
import { SessionProblem } from "./session-problem";
import { SETTINGS } from "./names";
import { queueSettingWrite } from "./settings";
import { readLedger } from "./status";

/** What a round works with: the session's area, Excel, and what was sent from it. */
export interface RoundContext {
  run: ExcelRun;
  area: AreaState;
  sent: SentRows;
  /** The options of a batch: wait while a cell is edited; one undo record where it can. */
  runOptions(mergeUndo: boolean): Excel.RunOptions;
}

/**
 * One round (docs/glossary.md): read the changed rows with the keys at the same cells, judge,
 * write only the keys that changed, heal what a paste took away. For up to 10,000 rows: two
 * syncs (read; write, with the highlight rule read back), a third only when something needs
 * healing; one when nothing changed.
 */
export async function runRound(at: RoundContext, round: Round): Promise<void> {
  const { area } = at;
  // Creating a very hidden sheet cannot be undone, so it cannot join a merged undo group; nor
  // is a settings write known to be undoable.
  const mergeUndo = area.checksExists && (!round.catalog || area.listsExists) && !round.saveSpec;
  await at.run(at.runOptions(mergeUndo), async (context) => {
    const previous = area.geometry;
    const partial = !round.full && previous !== undefined && area.live !== undefined;
    const facts = partial ? undefined : queueFacts(context, area.checksSheet);
    const load = queueAreaLoad(context, area.spec);
    const reads: SpanReads = partial
      ? queueSpanReads(context, area, load, previous, round.spans)
      : { ranges: [], deferred: [] };
    const health =
      partial && round.heal && area.checksExists
        ? new HealthCheck(context, area.healthScope(previous, rowsOf(round.spans, previous)))
        : undefined;
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || !partial) throw error;
      // The changed rows were too many for one response: read the layout alone, then cut.
      area.cost.refused();
      return runRound(at, { ...round, full: true });
    }
    if (facts) area.learnFacts(facts);
    const geometry = load.geometry(area.profile);
    if (!geometry) throw new SessionProblem("headerMissing");
    if (geometry.mapping.columns.every((column) => column === undefined))
      throw new SessionProblem("headerMissing");
    if (round.catalog) area.useCatalog(round.catalog);
    if (round.saveSpec) queueSettingWrite(context, SETTINGS.area, area.spec);

    const rebuild = !partial || !sameLayout(previous, geometry) || !!round.catalog;
    let affected: number[];
    // Whether writes are queued that no key write will carry to Excel.
    let queued = !!round.saveSpec;
    if (rebuild) {
      const all = await area.readAll(context, geometry);
      affected = all.rows;
      queued ||= all.cleared;
      await area.findStrays(context, geometry);
    } else {
      affected = await area.applySpanReads(context, geometry, reads);
      if (round.rewrite) affected = union(affected, round.rewrite);
    }
    queued = (await queueSentStatuses(context, at, geometry)) || queued;
    const words = problemStatusChanges(area.live!, geometry, area.statusTexts);
    queueStatusRuns(context, geometry, words, area.statusTexts);
    queued ||= words.length > 0;

    let check = rebuild ? undefined : health;
    if (rebuild && (round.full || round.heal)) {
      check = new HealthCheck(context, area.healthScope(geometry));
      await context.sync();
    }
    if (!area.checksExists) {
      area.queueChecksSheet(context);
      queued = true;
    }
    if (round.catalog) {
      area.queueCatalogWrite(context, geometry, round.catalog);
      queued = true;
    }
    const blocks = keyChanges(area.live!, geometry, affected, area.keys!);
    // The rule's formula and range ride with the first key write: a change that needs no
    // healing costs two syncs (read, write), one that does a third (the repairs).
    await writeKeyBlocks(context, blocks, queued, area.checksSheet, check?.ruleDetails());
    if (check) await heal(context, area, geometry, check);
  });
}

/**
 * Once the rule's details are synced: the repairs the health check found needed, queued and
 * synced (nothing when all is well). Keys written for an older rule are of another kind: every
 * one is written again.
 */
async function heal(
  context: Excel.RequestContext,
  area: AreaState,
  geometry: AreaGeometry,
  check: HealthCheck
): Promise<void> {
  const repairs = check.queueRepairs();
  let queued = repairs.rule || repairs.outdatedRule || repairs.textColumns.length > 0;
  if (repairs.formatsPasted) {
    area.queueValidation(context, geometry);
    queued = true;
  }
  const blocks = repairs.outdatedRule
    ? keyChanges(area.live!, geometry, [...Array(dataRowCount(geometry)).keys()], area.keys!, true)
    : [];
  await writeKeyBlocks(context, blocks, queued, area.checksSheet);
}

/**
 * Created rows read in this round whose status no longer says the truth (edited since sent,
 * or back in step): their statuses, queued. The ledger's prints are read the first time a
 * created row is met (a sheet never sent costs nothing).
 */
async function queueSentStatuses(
  context: Excel.RequestContext,
  { area, sent }: RoundContext,
  geometry: AreaGeometry
): Promise<boolean> {
  const statuses = area.createdStatuses;
  if (statuses.size === 0 || !area.live) return false;
  if (!sent.loaded) sent.load((await readLedger(context)).prints);
  const corrections = sent.corrections(statuses, area.live);
  queueStatusRuns(context, geometry, corrections, area.statusTexts);
  return corrections.length > 0;
}

/** The sheet rows a round's spans cover within the area (for the health check). */
function rowsOf(spans: CellSpan[], geometry: AreaGeometry): { top: number; bottom: number } {
  const top = Math.min(...spans.map((span) => span.top));
  const bottom = Math.max(...spans.map((span) => span.bottom));
  return {
    top: Number.isFinite(top) ? top : firstDataRow(geometry),
    bottom: bottom === LAST_ROW || !Number.isFinite(bottom) ? geometry.lastRow + 1 : bottom,
  };
}
