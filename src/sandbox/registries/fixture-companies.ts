/**
 * The companies the sandbox's fixture registries know: a few hundred Belgian companies, made
 * the same way on every run, so tests, the bench and the e2e can name them. Some are not active
 * any more, some are registered on Peppol (a few under another name on their business card),
 * and a handful of numbers make the fixture upstreams fail with each of VIES's fault codes.
 */

export interface FixtureCompany {
  /** The 10-digit enterprise number (KBO/BCE), with valid check digits. */
  number: string;
  name: string;
  street: string;
  houseNumber: string;
  postalBox?: string;
  postalCode: string;
  city: string;
  /** VIES says valid for VAT today. */
  active: boolean;
  /** Its business card in the Peppol Directory (scheme 0208), when it published one. */
  peppol?: { name: string; registeredOn: string };
  /**
   * What its SMP lists, when it is on Peppol: invoices (BIS Billing 3.0), or other documents
   * only. The Directory's cards are voluntary: some companies receive invoices without one.
   */
  smp?: "invoices" | "otherDocuments";
}

/**
 * A number that makes an upstream fail: VIES answers `code` (its `userError`), the Directory
 * answers the HTTP status, `times` times for that number, then as usual (Infinity: always).
 */
export interface FixtureFault {
  number: string;
  upstream: "vies" | "peppol";
  code: string;
  times: number;
}

const TRADES = [
  "Boulangerie",
  "Garage",
  "Bakkerij",
  "Brasserie",
  "Menuiserie",
  "Schrijnwerkerij",
  "Pharmacie",
  "Apotheek",
  "Imprimerie",
  "Drukkerij",
  "Fiduciaire",
  "Boekhouding",
  "Transports",
  "Bouw",
  "Électricité",
  "Elektro",
  "Fleuriste",
  "Bloemen",
  "Consult",
  "Immo",
];
const FAMILIES = [
  "Dupont",
  "Peeters",
  "Janssens",
  "Maes",
  "Lambert",
  "Dubois",
  "Claes",
  "Willems",
  "Goossens",
  "Lemaire",
  "Wouters",
  "Mertens",
  "Desmet",
  "Renard",
  "Hermans",
  "Leroy",
  "Jacobs",
  "Martin",
  "Vermeulen",
  "Michel",
];
const FORMS = ["SRL", "BV", "SA", "NV", "SC", "CommV"];
const PLACES: readonly [string, string, string][] = [
  ["1000", "Bruxelles", "Rue de la Loi"],
  ["1050", "Ixelles", "Avenue Louise"],
  ["2000", "Antwerpen", "Meir"],
  ["3000", "Leuven", "Bondgenotenlaan"],
  ["4000", "Liège", "Boulevard d'Avroy"],
  ["5000", "Namur", "Rue de Fer"],
  ["6000", "Charleroi", "Boulevard Tirou"],
  ["7000", "Mons", "Grand-Rue"],
  ["8000", "Brugge", "Steenstraat"],
  ["9000", "Gent", "Veldstraat"],
];

/** The 10-digit enterprise number whose first eight digits are `base`. */
export function enterpriseNumber(base: number): string {
  const eight = String(base).padStart(8, "0");
  return eight + String(97 - (base % 97)).padStart(2, "0");
}

function makeCompanies(count: number): FixtureCompany[] {
  return Array.from({ length: count }, (_, k) => {
    const [postalCode, city, street] = PLACES[k % PLACES.length]!;
    const name = `${TRADES[k % TRADES.length]} ${FAMILIES[Math.floor(k / TRADES.length) % FAMILIES.length]} ${FORMS[k % FORMS.length]}`;
    const company: FixtureCompany = {
      number: enterpriseNumber(4_000_000 + k * 7919),
      name: name.toUpperCase(),
      street,
      houseNumber: String(1 + ((k * 37) % 180)),
      postalCode,
      city,
      active: k % 10 !== 7,
    };
    if (k % 9 === 4) company.postalBox = String(1 + (k % 12));
    // On Peppol: one in four; the inactive ones with a card are "known but not active".
    if (k % 4 === 1 || k % 20 === 7) {
      company.peppol = {
        // One card in three carries a trade name, not the registered one.
        name: k % 3 === 0 ? `${FAMILIES[k % FAMILIES.length]} & Co` : name,
        registeredOn: `202${k % 6}-0${1 + (k % 9)}-1${k % 10}`,
      };
      // One card in six belongs to a company registered for orders, not invoices.
      company.smp = k % 24 === 5 ? "otherDocuments" : "invoices";
    } else if (k % 10 === 3) company.smp = "invoices";
    return company;
  });
}

export const FIXTURE_COMPANIES: readonly FixtureCompany[] = makeCompanies(300);

/** Each fault code of VIES's REST service and of the Directory, on numbers of their own. */
export const FIXTURE_FAULTS: readonly FixtureFault[] = [
  // Outages that persist: the lookup says "could not be checked".
  {
    number: enterpriseNumber(3_900_001),
    upstream: "vies",
    code: "MS_UNAVAILABLE",
    times: Infinity,
  },
  {
    number: enterpriseNumber(3_900_002),
    upstream: "vies",
    code: "SERVICE_UNAVAILABLE",
    times: Infinity,
  },
  { number: enterpriseNumber(3_900_003), upstream: "vies", code: "TIMEOUT", times: Infinity },
  { number: enterpriseNumber(3_900_004), upstream: "vies", code: "VAT_BLOCKED", times: Infinity },
  { number: enterpriseNumber(3_900_005), upstream: "vies", code: "IP_BLOCKED", times: Infinity },
  { number: enterpriseNumber(3_900_006), upstream: "vies", code: "INVALID_INPUT", times: Infinity },
  // Passing faults: a retry after a wait gets the answer.
  {
    number: enterpriseNumber(3_900_011),
    upstream: "vies",
    code: "MS_MAX_CONCURRENT_REQ",
    times: 2,
  },
  {
    number: enterpriseNumber(3_900_012),
    upstream: "vies",
    code: "GLOBAL_MAX_CONCURRENT_REQ",
    times: 1,
  },
  { number: enterpriseNumber(3_900_013), upstream: "vies", code: "MS_UNAVAILABLE", times: 1 },
  {
    number: enterpriseNumber(3_900_014),
    upstream: "vies",
    code: "MS_MAX_CONCURRENT_REQ_TIME",
    times: 1,
  },
  {
    number: enterpriseNumber(3_900_015),
    upstream: "vies",
    code: "GLOBAL_MAX_CONCURRENT_REQ_TIME",
    times: 1,
  },
  // The Directory: rate limited once, then down for good.
  { number: enterpriseNumber(3_900_021), upstream: "peppol", code: "429", times: 1 },
  { number: enterpriseNumber(3_900_022), upstream: "peppol", code: "503", times: Infinity },
];

/** The fault numbers whose companies exist once the fault has passed (or on the other upstream). */
export const FAULT_COMPANIES: readonly FixtureCompany[] = FIXTURE_FAULTS.map((fault, i) => ({
  number: fault.number,
  name: `SOCIÉTÉ DE TEST ${i + 1} SRL`,
  street: "Rue du Test",
  houseNumber: String(i + 1),
  postalCode: "1000",
  city: "Bruxelles",
  active: true,
  ...(fault.upstream === "peppol"
    ? {
        peppol: { name: `Société de test ${i + 1}`, registeredOn: "2025-01-01" },
        smp: "invoices" as const,
      }
    : {}),
}));
