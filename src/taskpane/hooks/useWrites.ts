import * as React from "react";
import type { RowSnapshot } from "../../core";
import { describeError, type LiveSession } from "../../excel";

/** What became of the pane's last write (fix, fix all, template), when it needs saying. */
export type WriteFeedback =
  | { kind: "written"; count: number }
  | { kind: "notMade"; count: number }
  | { kind: "failed"; reason: string }
  | undefined;

/**
 * Fixes and templates written from the pane. Each is written only where its row still is what
 * it was computed from; the pane says how many were not, and why a write failed.
 */
export function useWrites(session: LiveSession) {
  const [feedback, setFeedback] = React.useState<WriteFeedback>();
  const write = React.useCallback(
    async (cells: { row: RowSnapshot; field: string; value: string }[]) => {
      setFeedback(undefined);
      try {
        const outcomes = await session.write(cells);
        const missed = outcomes.filter((outcome) => !outcome.written).length;
        if (missed > 0) setFeedback({ kind: "notMade", count: missed });
        // A bulk change says what it did, so a user knows what moved under the pointer.
        else if (cells.length > 1) setFeedback({ kind: "written", count: cells.length });
      } catch (error) {
        setFeedback({ kind: "failed", reason: describeError(error) });
      }
    },
    [session]
  );
  return { write, feedback };
}
