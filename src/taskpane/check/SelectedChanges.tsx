import type { Profile } from "../../core";
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
  profile,
  firstRow,
}: {
  banqup: PaneWork;
  row: readonly ChangedRow[];
  profile: Profile;
  firstRow: number;
}) {
  const changes = useChangesSinceSent(banqup, row);
  return <ChangedSinceSent changes={changes} profile={profile} firstRow={firstRow} more={0} />;
}
