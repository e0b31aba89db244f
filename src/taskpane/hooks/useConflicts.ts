import * as React from "react";
import type { MergeChoice } from "../../core";
import { settleConflict, type Conflict, type Settlement } from "../../send";
import { banqupWork, type PaneWork } from "../banqup/work";

/** What became of a conflict the user settled, said under the group. */
export interface SettledNote {
  clientId: string;
  /** The sheet row number the conflict was shown with. */
  row: number;
  settlement: Settlement;
}

/**
 * The "Changed in Banqup too" group: conflicts from an update, a load or a refresh (a newer
 * comparison of the same client replaces the older), and the user's choices applied one row
 * at a time.
 */
export function useConflicts(pane: PaneWork) {
  const [conflicts, setConflicts] = React.useState<Conflict[]>([]);
  const [note, setNote] = React.useState<SettledNote | undefined>(undefined);
  const [busy, setBusy] = React.useState<string | undefined>(undefined);

  const add = React.useCallback((found: Conflict[]) => {
    setConflicts((current) => {
      const fresh = new Set(found.map((conflict) => conflict.clientId));
      return [...current.filter((conflict) => !fresh.has(conflict.clientId)), ...found];
    });
  }, []);

  const settle = React.useCallback(
    async (conflict: Conflict, choices: ReadonlyMap<string, MergeChoice>, row: number) => {
      setBusy(conflict.clientId);
      let settlement: Settlement;
      try {
        settlement = await settleConflict(banqupWork(pane), conflict, choices);
      } catch (error) {
        settlement = { kind: "failed", reason: (error as Error).message };
      } finally {
        setBusy(undefined);
      }
      setNote({ clientId: conflict.clientId, row, settlement });
      setConflicts((current) =>
        settlement.kind === "failed"
          ? current
          : settlement.kind === "again"
            ? current.map((c) => (c.clientId === conflict.clientId ? settlement.conflict : c))
            : current.filter((c) => c.clientId !== conflict.clientId)
      );
    },
    [pane]
  );

  return { conflicts, add, settle, note, busy };
}
