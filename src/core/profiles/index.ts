import type { Profile, ProfileId } from "../profile";
import { belgium } from "./be";
import { morocco } from "./ma";

export const PROFILES: Readonly<Record<ProfileId, Profile>> = { be: belgium, ma: morocco };

/** The regions, in the order the profiles are listed. */
export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function isProfileId(id: string): id is ProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}
