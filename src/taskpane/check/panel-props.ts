import type { Profile } from "../../core";
import type { LiveSession, SessionView } from "../../excel";
import type { useWrites } from "../hooks/useWrites";

/**
 * What the Check tab's parts read: the session's view (while the sheet is written or checked,
 * `view.busy`, fixes wait: no double writes), and the session to act on.
 */
export interface PanelProps {
  session: LiveSession;
  view: SessionView;
  profile: Profile;
  write: ReturnType<typeof useWrites>["write"];
}

/** A group's key: one kind of problem in one column. */
export const groupKey = (group: { field: string; code: string }) => `${group.field}:${group.code}`;

/** A field of the profile by its key. */
export const fieldOf = (profile: Profile, key: string) =>
  profile.fields.find((candidate) => candidate.key === key)!;
