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

/**
 * The region a display language points to ("fr-MA" → Morocco), else the first region: a
 * Moroccan accountant's Excel should not propose Belgium first.
 */
export function profileIdForLocale(tag: string | undefined): ProfileId {
  const region = regionOf(tag);
  const match = PROFILE_IDS.find((id) => PROFILES[id].country === region);
  return match ?? PROFILE_IDS[0]!;
}

function regionOf(tag: string | undefined): string | undefined {
  try {
    return tag ? new Intl.Locale(tag.trim()).region : undefined;
  } catch {
    return undefined; // not a language tag: no region to go by
  }
}
