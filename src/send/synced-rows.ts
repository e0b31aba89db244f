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

/** The partner's configuration templates, as far as a client's body needs them. */
type Catalog = readonly { id: string; name: string }[];

// Made once per catalog, not once per row: a load compares thousands of rows with one list.
const namesByCatalog = new WeakMap<Catalog, ReadonlyMap<string, string>>();
const idsByCatalog = new WeakMap<Catalog, ReadonlyMap<string, string>>();

/** Template id → name (a client names its template by id, the row by name). */
function templateNamesOf(catalog: Catalog): ReadonlyMap<string, string> {
  let names = namesByCatalog.get(catalog);
  if (!names) {
    names = new Map(catalog.map((template) => [template.id, template.name]));
    namesByCatalog.set(catalog, names);
  }
  return names;
}

/** Template name → id: what a row's template is sent as. */
export function templateIdsOf(catalog: Catalog): ReadonlyMap<string, string> {
  let ids = idsByCatalog.get(catalog);
  if (!ids) {
    ids = new Map(catalog.map((template) => [template.name, template.id]));
    idsByCatalog.set(catalog, ids);
  }
  return ids;
}

/** What loading, refreshing and settling a row's differences with Banqup work with. */
export interface BanqupWork {
  session: LiveSession;
  client: PartnerApiClient;
  partnerId: string;
  region: ProfileId;
  /** The partner's configuration templates (a client names its template by id). */
  catalog: Catalog;
  /** The language of the statuses written into the sheet, and their words. */
  lang: UiLang;
  say: SendSay;
  signal?: AbortSignal;
}

/** What comparing a row with its client needs. */
export type RowReading = Pick<BanqupWork, "session" | "region" | "catalog">;

/** A client's values as the row holds them (its template by name). */
export function banqupValuesOf(work: RowReading, client: Client): RowValues {
  return valuesOfClient(work.region, client, templateNamesOf(work.catalog));
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
  const input = toClientInput(work.region, values, templateIdsOf(work.catalog));
  const key = await idempotencyKeyFor(work.partnerId, input);
  return [key, clientId, rowPrint(values), version];
}
