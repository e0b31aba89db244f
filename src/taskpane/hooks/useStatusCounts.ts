import * as React from "react";
import { readStatuses, type LiveSession, type RowStatus } from "../../excel";
import { useSessionView } from "./useLiveSession";

/** How long the counts wait after a change before reading the statuses (each read is a request). */
const READ_DELAY_MS = 400;

/** A row whose status says it changed in the sheet since its client was sent or read. */
export interface ChangedRow {
  index: number;
  clientId: string;
}

/** The row's changed-since-sent entry, when its status says so. */
export function changedRowOf(status: RowStatus | undefined, index: number): ChangedRow[] {
  return status?.differs === true && status.clientId ? [{ index, clientId: status.clientId }] : [];
}

interface StatusCounts {
  failed: number;
  changedRows: readonly ChangedRow[];
}

/**
 * How many rows' status says their last send failed ("Retry failed rows") or that they changed
 * in the sheet since Banqup last had them ("Update in Banqup"): read while nothing else runs,
 * a moment after each round of checks and after each step that wrote statuses (`after`
 * changes then).
 */
export function useStatusCounts(
  session: LiveSession,
  quiet: boolean,
  after: unknown
): StatusCounts {
  const [counts, setCounts] = React.useState<StatusCounts>({
    failed: 0,
    changedRows: [],
  });
  const { summary } = useSessionView(session);
  React.useEffect(() => {
    if (!quiet) return;
    let current = true;
    const timer = setTimeout(() => {
      // Quietly: the pane does not show itself working (nor its buttons off) for a count.
      readStatuses(session, true).then(
        (statuses) => {
          if (!current) return;
          const changedRows = statuses.flatMap(changedRowOf);
          setCounts({
            failed: statuses.filter((status) => status?.kind === "failed").length,
            changedRows,
          });
        },
        // Unreadable now (the user is editing a cell, say): the next change reads again.
        () => undefined
      );
    }, READ_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [session, quiet, summary, after]);
  return counts;
}
