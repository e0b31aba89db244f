import { fieldPositions, type Profile, type RegistrySpec } from "./profile";
import { type Cell, cellText, foldForLookup } from "./text";
import { problemOf, type Problem } from "./problem";

/**
 * What a public registry said of one company number: the partner API's answer, as the core
 * needs it (the API's wire format stays in src/api). `checked: false` means the registry could
 * not be asked: nothing is known either way, and nothing is said against the row.
 */
export interface RegistryAnswer {
  checked: boolean;
  /** The upstream's fault code when not checked (MS_UNAVAILABLE…). */
  fault?: string;
  known: boolean;
  active: boolean;
  name: string | null;
  /** The address split into the template's fields (RegistrySpec.address keys). */
  address: Readonly<Record<string, string | undefined>> | null;
  /** When the registry answered (ISO 8601). */
  checkedAt: string;
  peppol?: {
    checked: boolean;
    /** A business card in the Peppol Directory (a voluntary listing). */
    registered: boolean;
    participantId: string;
    businessCardName: string | null;
    /**
     * What the Peppol lookup (SML, then the participant's SMP) says, with authority: whether
     * it receives BIS Billing 3.0 invoices; null or absent when it could not be asked.
     */
    reachable?: boolean | null;
    /** Whether its SMP lists any document at all (registered on Peppol, for something). */
    inSmp?: boolean;
  } | null;
}

/**
 * Legal forms written before or after Belgian (and neighbouring) company names, folded: they
 * differ between the sheet and the registry without naming another company ("Garage Dupont
 * SRL" is "GARAGE DUPONT"). Dotted forms are folded without their dots first ("S.A." is "sa").
 */
const LEGAL_FORMS = new Set([
  "srl",
  "bv",
  "sprl",
  "bvba",
  "sa",
  "nv",
  "scrl",
  "cvba",
  "sc",
  "cv",
  "scs",
  "commv",
  "comm v",
  "snc",
  "vof",
  "sca",
  "comm va",
  "gcv",
  "asbl",
  "vzw",
  "aisbl",
  "ivzw",
  "fondation",
  "stichting",
  "se",
  "sce",
  "sas",
  "sarl",
  "eurl",
  "gmbh",
  "ag",
  "kg",
  "ltd",
  "llc",
  "bv ba",
  "epp",
  "eenmanszaak",
  "scri",
  "scarl",
  "gie",
  "esv",
  "srl unipersonnelle",
]);

/** A company name as compared with the registry's: folded, legal forms and their dots dropped. */
export function companyNameKey(name: string): string {
  const words = foldForLookup(name.replace(/\.(?=\S|$)/g, "")).split(" ");
  // Two-word forms ("comm v") are tried before one-word forms, at either end.
  const strip = (from: "start" | "end") => {
    for (const size of [2, 1]) {
      if (words.length <= size) continue;
      const part = from === "start" ? words.slice(0, size) : words.slice(-size);
      if (LEGAL_FORMS.has(part.join(" "))) {
        words.splice(from === "start" ? 0 : words.length - size, size);
        return true;
      }
    }
    return false;
  };
  while (strip("end") || strip("start"));
  return words.join(" ");
}

/** Whether two names name the same company, legal forms, case, accents and punctuation apart. */
export function sameCompanyName(a: string, b: string): boolean {
  return companyNameKey(a) === companyNameKey(b);
}

/** The registry number of a row and the column it was read from, when it has one. */
export interface RegistryKey {
  /** The number the registries know (for Belgium: the 10 digits of the enterprise number). */
  number: string;
  field: string;
}

/**
 * A row's registry number, from its identities in the unique fields (as LiveSheet keeps them):
 * the first of the profile's lookup fields that holds one. A VAT number's identity is already
 * its enterprise number, so both columns lead to the same number.
 */
export function registryKeyOf(
  registry: RegistrySpec,
  uniqueKeys: readonly string[],
  identities: readonly (string | undefined)[]
): RegistryKey | undefined {
  for (const field of registry.lookupBy) {
    const number = identities[uniqueKeys.indexOf(field)];
    if (number !== undefined) return { number, field };
  }
  return undefined;
}

/**
 * What a registry's answer says about a row, as warnings: they never make the row invalid and
 * carry what would fix them as a suggestion (the registry's name, the registry's value for an
 * empty cell), offered one click at a time, never applied on their own.
 *
 * - the number could not be checked (the upstream stayed unavailable): said once, never as invalid;
 * - the registry does not know the number, or it is not active;
 * - the sheet's name differs beyond legal forms, case and accents;
 * - for an active number: empty name or address cells, which the registry can fill (the address
 *   only when all its cells are empty: parts of two addresses never mix);
 * - a mandate Yes for a company already found in the Peppol Directory.
 */
export function registryFindings(
  profile: Profile,
  row: { row: number; cells: readonly Cell[]; mandate?: boolean },
  key: RegistryKey,
  answer: RegistryAnswer
): Problem[] {
  const registry = profile.registry;
  if (!registry) return [];
  const position = fieldPositions(profile);
  const text = (field: string) => cellText(row.cells[position.get(field) ?? -1]);
  const findings: Problem[] = [];
  const on = (field: string, reason: string, params?: Problem["params"]) =>
    findings.push(problemOf(row.row, field, reason, params));

  if (!answer.checked) {
    on(key.field, "registryUnchecked", { value: key.number, fault: answer.fault ?? "" });
    return findings;
  }
  if (!answer.known) on(key.field, "registryUnknown", { value: key.number });
  else if (!answer.active)
    on(key.field, "registryInactive", { value: key.number, name: answer.name ?? "" });

  // A number that is not active says nothing reliable of the company's name or address (an
  // inactive company is known by its Peppol card at most): the number is the finding.
  if (!answer.active) return findings;
  const name = text(registry.name);
  if (answer.name) {
    if (name === "") on(registry.name, "registryFill", { suggestion: answer.name });
    else if (!sameCompanyName(name, answer.name))
      on(registry.name, "registryName", { value: name, suggestion: answer.name });
  }
  const address = answer.address;
  if (address && registry.address.every((field) => text(field) === "")) {
    for (const field of registry.address) {
      const value = address[field];
      if (value) on(field, "registryFill", { suggestion: value });
    }
  }
  const peppol = answer.peppol;
  if (registry.peppolMandate && row.mandate && peppol?.checked) {
    // A participant is in one SMP at a time: registering it through Banqup needs it released
    // first, whatever that SMP lists. Without the lookup, the Directory's card is the sign.
    const name = peppol.businessCardName ?? answer.name ?? "";
    const params = { name, participant: peppol.participantId };
    if (peppol.reachable === true) on(registry.peppolMandate, "registryPeppol", params);
    else if (peppol.reachable === false && peppol.inSmp)
      on(registry.peppolMandate, "registryPeppolOther", params);
    else if (peppol.reachable == null && peppol.registered)
      on(registry.peppolMandate, "registryPeppol", params);
  }
  return findings;
}

/** Whether a finding's code is a registry value for an empty cell (any field). */
export function isRegistryFillCode(code: string): boolean {
  return code.endsWith(".registryFill");
}

/** The registry findings that fill an empty cell: what "fill from the registry" writes. */
export function isRegistryFill(problem: Problem): boolean {
  return isRegistryFillCode(problem.code) && typeof problem.params?.suggestion === "string";
}
