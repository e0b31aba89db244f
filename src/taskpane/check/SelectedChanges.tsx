import type { Profile } from "../../core";
import type { LiveSession } from "../../excel";
import type { PaneWork } from "../banqup/work";
import { ChangedSinceSent } from "../ChangedSinceSent";
import { useChangesSinceSent } from "../hooks/useChangesSinceSent";
import type { ChangedRow } from "../hooks/useStatusCounts";

/**
 * What changed in the selected row since it was sent (its client read from Banqup). A chunk of
 * its own, as sending is: loaded once a row that changed since it was sent is selected.
 */
export default function SelectedChanges({
  banqup,
  row,
  session,
  profile,
  firstRow,
}: {
  banqup: PaneWork;
  row: readonly ChangedRow[];
  session: LiveSession;
  profile: Profile;
  firstRow: number;
}) {
  const changes = useChangesSinceSent(banqup, row, session);
  return <ChangedSinceSent changes={changes} profile={profile} firstRow={firstRow} more={0} />;
}
