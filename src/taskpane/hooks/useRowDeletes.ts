import * as React from "react";
import type { RowSnapshot } from "../../core";
import {
  deleteRows,
  describeError,
  restoreRows,
  type DeletedRow,
  type LiveSession,
} from "../../excel";

/** What became of the pane's last deletion of rows, with what Undo needs. */
export type DeleteFeedback =
  | { kind: "deleted"; count: number; kept: number; rows: DeletedRow[] }
  | { kind: "restored"; count: number }
  | { kind: "failed"; reason: string }
  | undefined;

/**
 * Rows deleted from the pane (a duplicate's copies). Each goes only if it still holds what the
 * pane showed; the pane says how many stayed, and Undo puts the deleted ones back: Excel's own
 * undo does not cover what an add-in deletes.
 */
export function useRowDeletes(session: LiveSession) {
  const [feedback, setFeedback] = React.useState<DeleteFeedback>();
  const remove = React.useCallback(
    async (rows: RowSnapshot[]) => {
      setFeedback(undefined);
      try {
        const { deleted, kept } = await deleteRows(session, rows);
        setFeedback({ kind: "deleted", count: deleted.length, kept, rows: deleted });
      } catch (error) {
        setFeedback({ kind: "failed", reason: describeError(error) });
      }
    },
    [session]
  );
  const undo = React.useCallback(async () => {
    if (feedback?.kind !== "deleted") return;
    setFeedback(undefined);
    try {
      setFeedback({ kind: "restored", count: await restoreRows(session, feedback.rows) });
    } catch (error) {
      setFeedback({ kind: "failed", reason: describeError(error) });
    }
  }, [session, feedback]);
  return { remove, undo, feedback };
}
