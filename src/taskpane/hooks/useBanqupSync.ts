import * as React from "react";
import {
  loadClients,
  NO_LOAD_PROGRESS,
  refreshAllRows,
  refreshRows,
  type BanqupWork,
  type Conflict,
  type LoadProgress,
  type LoadReport,
} from "../../send";
import { banqupWork, type PaneWork } from "../banqup/work";
import { refreshCatalog } from "../templates";

/** Loading the partner's clients, or refreshing rows from Banqup. */
export type SyncAction = "load" | "refresh";

export type SyncState =
  | { kind: "idle" }
  | { kind: "working"; action: SyncAction; progress: LoadProgress }
  | { kind: "done"; action: SyncAction; report: LoadReport }
  | { kind: "failed"; action: SyncAction; reason: string };

/**
 * What the sheet and Banqup share, from the pane: load the partner's clients, refresh all or
 * the selected rows, with progress and Cancel. Rows changed in both places go to `onConflicts`.
 */
export function useBanqupSync(pane: PaneWork, onConflicts: (conflicts: Conflict[]) => void) {
  const [state, setState] = React.useState<SyncState>({ kind: "idle" });
  const controller = React.useRef<AbortController | undefined>(undefined);

  /** The work's context: the client, the partner's templates (fetched first), the words. */
  const work = React.useCallback(
    async (signal: AbortSignal): Promise<BanqupWork> => {
      await refreshCatalog(pane.session, pane.connection.client(pane.region), signal);
      return banqupWork(pane, signal);
    },
    [pane]
  );

  const start = React.useCallback(
    async (action: SyncAction, rows?: readonly number[]) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ kind: "working", action, progress: NO_LOAD_PROGRESS });
      try {
        const onProgress = (progress: LoadProgress) =>
          setState({ kind: "working", action, progress });
        const base = { ...(await work(abort.signal)), onProgress };
        const report =
          action === "load"
            ? await loadClients(base)
            : rows
              ? await refreshRows({ ...base, rows })
              : await refreshAllRows(base);
        setState({ kind: "done", action, report });
        if (report.conflictRows.length) onConflicts(report.conflictRows);
      } catch (error) {
        setState({ kind: "failed", action, reason: (error as Error).message });
      } finally {
        controller.current = undefined;
      }
    },
    [work, onConflicts]
  );

  const cancel = React.useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
