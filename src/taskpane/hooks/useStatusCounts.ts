import * as React from "react";
import { readStatuses, type LiveSession } from "../../excel";
import { useSessionView } from "./useLiveSession";

/** How long the counts wait after a change before reading the statuses (each read is a request). */
const READ_DELAY_MS = 400;

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
): { failed: number; changed: number } {
  const [counts, setCounts] = React.useState({ failed: 0, changed: 0 });
  const { summary } = useSessionView(session);
  React.useEffect(() => {
    if (!quiet) return;
    let current = true;
    const timer = setTimeout(() => {
      readStatuses(session).then(
        (statuses) => {
          if (!current) return;
          setCounts({
            failed: statuses.filter((status) => status?.kind === "failed").length,
            changed: statuses.filter((status) => status?.differs === true).length,
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
