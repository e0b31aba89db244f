import { ApiProblem, currentClientOf, toClientInput, updateKeyFor, type Client } from "../api";
import {
  fieldDifferences,
  mergeValues,
  sheetTextOf,
  type FieldDifference,
  type MergeChoice,
  type RowSnapshot,
} from "../core";
import { formatStatus, type RowStatus } from "../excel";
import type { SendSay } from "./words";
import {
  banqupValuesOf,
  syncedLine,
  templateIdsOf,
  type BanqupWork,
  type RowReading,
} from "./synced-rows";

/**
 * A row and its client both changed since the sheet last saw the client ("Changed in Banqup
 * too"): nothing is overwritten until the user chooses, field by field.
 */
export interface Conflict {
  /** The row as it was compared: a choice is applied only while it still holds this. */
  row: RowSnapshot;
  clientId: string;
  companyName: string;
  /** The client as Banqup has it now. */
  current: Client;
  differences: FieldDifference[];
}

/** The conflict between data row `index` and its client as Banqup now has it, if they differ. */
export function conflictAt(work: RowReading, index: number, current: Client): Conflict | undefined {
  const row = work.session.rows?.snapshot(index);
  return row && conflictOf(row, current, differencesAt(work, index, current));
}

/**
 * The fields of data row `index` that differ from its client as Banqup has it: for a row
 * edited since it was sent, what an update would change ("city: Wavre → Ottignies").
 */
export function differencesAt(work: RowReading, index: number, current: Client): FieldDifference[] {
  const live = work.session.rows;
  if (!live) return [];
  return fieldDifferences(
    work.session.profile,
    live.normalized(index) ?? [],
    banqupValuesOf(work, current)
  );
}

/** A row and its client as compared, when any field differs. */
export function conflictOf(
  row: RowSnapshot,
  current: Client,
  differences: FieldDifference[]
): Conflict | undefined {
  if (differences.length === 0) return undefined;
  return {
    row,
    clientId: current.id,
    companyName: current.companyName ?? "",
    current,
    differences,
  };
}

/** The status of a row that changed in the sheet and in Banqup (at `version`). */
export function bothChangedStatus(say: SendSay, clientId: string, version: number): RowStatus {
  return {
    kind: "created",
    clientId,
    differs: true,
    detail: `${clientId} · ${say("statusBothChanged", { version })}`,
  };
}

export type Settlement =
  /** The row and its client agree now, at this version. */
  | { kind: "settled"; version: number }
  /** What was chosen was done; the fields left still differ. */
  | { kind: "partly" }
  /** Every field was left. */
  | { kind: "left" }
  /** Banqup changed the client once more meanwhile: compare again. */
  | { kind: "again"; conflict: Conflict }
  /** The row was edited, moved beyond recognition or deleted since it was compared. */
  | { kind: "rowChanged" }
  | { kind: "failed"; reason: string };

/**
 * Applies the user's choice for each differing field: Banqup gets the sheet's values kept
 * (an update made from the version shown, so a change made since is never overwritten), the
 * row gets Banqup's values taken. When every field was decided, the ledger records the row as
 * in step with the client's new version.
 */
export async function settleConflict(
  work: BanqupWork,
  conflict: Conflict,
  choices: ReadonlyMap<string, MergeChoice>
): Promise<Settlement> {
  const { session } = work;
  const live = session.rows;
  const found = live?.locate(conflict.row);
  if (!live || found?.index === undefined) return { kind: "rowChanged" };
  const index = found.index;
  const merge = mergeValues(
    live.normalized(index) ?? [],
    banqupValuesOf(work, conflict.current),
    conflict.differences,
    choices
  );
  if (merge.toBanqup.length + merge.toSheet.length === 0) return { kind: "left" };
  let version = conflict.current.version;
  if (merge.toBanqup.length > 0) {
    const input = toClientInput(work.region, merge.banqup, templateIdsOf(work.catalog));
    try {
      const key = await updateKeyFor(work.partnerId, conflict.clientId, input);
      version = (
        await work.client.updateClient(conflict.clientId, input, key, version, work.signal)
      ).version;
    } catch (error) {
      const current = error instanceof ApiProblem ? currentClientOf(error) : undefined;
      const again = current ? conflictAt(work, index, current) : undefined;
      if (again) return { kind: "again", conflict: again };
      return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
  }
  const lang = work.lang;
  const headerLang = session.geometry?.mapping.headerLang ?? "fr";
  const status: RowStatus = merge.settled
    ? {
        kind: "created",
        clientId: conflict.clientId,
        detail: `${conflict.clientId} · ${work.say("statusMerged", { version })}`,
      }
    : bothChangedStatus(work.say, conflict.clientId, version);
  const [outcome] = await session.writeRows([
    {
      row: live.snapshot(index)!,
      cells: merge.toSheet.map((difference) => ({
        field: difference.field,
        value: sheetTextOf(difference.banqup, headerLang),
      })),
      status: { text: formatStatus(status, lang) },
      ledger: merge.settled
        ? { line: await syncedLine(work, conflict.clientId, merge.sheet, version), always: false }
        : undefined,
    },
  ]);
  if (!outcome?.written) return { kind: "rowChanged" };
  return merge.settled ? { kind: "settled", version } : { kind: "partly" };
}
