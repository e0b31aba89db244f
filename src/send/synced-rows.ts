import {
  idempotencyKeyFor,
  toClientInput,
  valuesOfClient,
  type Client,
  type PartnerApiClient,
} from "../api";
import { rowPrint, type ProfileId, type RowValues, type UiLang } from "../core";
import type { LiveSession } from "../excel";
import type { SendSay } from "./words";

/** What loading, refreshing and settling a row's differences with Banqup work with. */
export interface BanqupWork {
  session: LiveSession;
  client: PartnerApiClient;
  partnerId: string;
  region: ProfileId;
  /** The partner's configuration templates (a client names its template by id). */
  catalog: readonly { id: string; name: string }[];
  /** The language of the statuses written into the sheet, and their words. */
  lang: UiLang;
  say: SendSay;
  signal?: AbortSignal;
}

/** What comparing a row with its client needs. */
export type RowReading = Pick<BanqupWork, "session" | "region" | "catalog">;

/** A client's values as the row holds them (its template by name). */
export function banqupValuesOf(work: RowReading, client: Client): RowValues {
  const names = new Map(work.catalog.map((template) => [template.id, template.name]));
  return valuesOfClient(work.region, client, names);
}

/**
 * The ledger line that says a row holds what its client has at `version`: the key the row's
 * values give (the one a send computes, so the row reads as in step), the client, the row's
 * print and the version.
 */
export async function syncedLine(
  work: BanqupWork,
  clientId: string,
  values: RowValues,
  version: number
): Promise<readonly [string, string, string, number]> {
  const ids = new Map(work.catalog.map((template) => [template.name, template.id]));
  const key = await idempotencyKeyFor(work.partnerId, toClientInput(work.region, values, ids));
  return [key, clientId, rowPrint(values), version];
}
