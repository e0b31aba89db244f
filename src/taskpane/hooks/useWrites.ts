import * as React from "react";
import type { RowSnapshot } from "../../core";
import {
  describeError,
  undoWrite,
  writeUndoably,
  type LiveSession,
  type WriteUndo,
} from "../../excel";

/** What became of the pane's last write (fix, fix all, template), when it needs saying. */
export type WriteFeedback =
  | { kind: "written"; count: number; undo: WriteUndo }
  | { kind: "undone"; restored: number; kept: number }
  | { kind: "notMade"; count: number }
  | { kind: "failed"; reason: string }
  | undefined;

/**
 * Fixes and templates written from the pane. Each is written only where its row still is what
 * it was computed from; the pane says how many were not, and why a write failed. A bulk write
 * says how many cells it changed and can be undone: Excel's own undo does not cover what an
 * add-in writes.
 */
export function useWrites(session: LiveSession) {
  const [feedback, setFeedback] = React.useState<WriteFeedback>();
  const write = React.useCallback(
    async (cells: { row: RowSnapshot; field: string; value: string }[]) => {
      setFeedback(undefined);
      try {
        const { outcomes, undo } = await writeUndoably(session, cells);
        const missed = outcomes.filter((outcome) => !outcome.written).length;
        if (missed > 0) setFeedback({ kind: "notMade", count: missed });
        // A bulk change says what it did, so a user knows what moved under the pointer.
        else if (cells.length > 1) setFeedback({ kind: "written", count: cells.length, undo });
      } catch (error) {
        setFeedback({ kind: "failed", reason: describeError(error) });
      }
    },
    [session]
  );
  const undo = React.useCallback(async () => {
    if (feedback?.kind !== "written") return;
    setFeedback(undefined);
    try {
      setFeedback({ kind: "undone", ...(await undoWrite(session, feedback.undo)) });
    } catch (error) {
      setFeedback({ kind: "failed", reason: describeError(error) });
    }
  }, [session, feedback]);
  return { write, undo, feedback };
}
