import * as React from "react";
import { readStatusAt, type LiveSession } from "../../excel";
import { changedRowOf, type ChangedRow } from "./useStatusCounts";

/** How long a selection stays before its row's status is read (each read is a request). */
const READ_DELAY_MS = 300;

/**
 * The selected row, when its status says it changed since its client was sent: read a moment
 * after the selection settles on it, and again after each change of the sheet (`after`).
 */
export function useSelectedChangedRow(
  session: LiveSession,
  index: number | undefined,
  after: unknown
): readonly ChangedRow[] {
  const [row, setRow] = React.useState<readonly ChangedRow[]>([]);
  React.useEffect(() => {
    if (index === undefined) return setRow([]);
    let current = true;
    const timer = setTimeout(() => {
      readStatusAt(session, index).then(
        (status) => current && setRow(changedRowOf(status, index)),
        // Unreadable now (a cell being edited): the next change reads again.
        () => undefined
      );
    }, READ_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [session, index, after]);
  return row;
}
