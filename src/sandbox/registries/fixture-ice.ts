/**
 * The Moroccan companies the sandbox's fixture ICE register knows: a few hundred, made the
 * same way on every run, so tests, the bench and the e2e can name them. Each ICE is valid by
 * its checksum (the 15 digits divisible by 97), as every ICE the register holds is: an ICE
 * that passes the checksum may still belong to no company, which only the register knows.
 */

export interface IceCompany {
  /** The 15-digit ICE. */
  ice: string;
  name: string;
  city: string;
}

/** The ICE whose first 13 digits are `serial`: the two check digits make it divisible by 97. */
export function iceOfSerial(serial: number): string {
  const thirteen = String(serial).padStart(13, "0");
  // (thirteen × 100 + check) mod 97 = 0, with thirteen's remainder taken digit by digit.
  let remainder = 0;
  for (const digit of thirteen) remainder = (remainder * 10 + Number(digit)) % 97;
  const check = (97 - ((remainder * 100) % 97)) % 97;
  return thirteen + String(check).padStart(2, "0");
}

/**
 * The register's serials: the test data's rows number their ICEs from 1,000,000, so the first
 * 400 generated rows are real companies; 15,258,670,000 is the rules' own example of a valid row.
 */
const FIRST_SERIAL = 1_000_000;
const COUNT = 400;
const EXAMPLE_SERIAL = 15_258_670_000;

const TRADES = ["Atlas", "Sahara", "Oasis", "Argane", "Menara", "Kasbah", "Zellige", "Médina"];
const ACTIVITIES = ["Négoce", "Conseil", "Transport", "Textile", "Agro", "Immobilier", "Services"];
const ARABIC = ["شركة الأطلس", "شركة الصحراء", "شركة الواحة", "شركة أركان"];
const FORMS = ["SARL", "SA", "SARL AU", "SNC"];
const CITIES = ["Casablanca", "Rabat", "Marrakech", "Tanger", "Fès", "Agadir", "Oujda"];

function makeCompanies(): IceCompany[] {
  const companies = Array.from({ length: COUNT }, (_, k): IceCompany => {
    // One company in five is registered under an Arabic name.
    const name =
      k % 5 === 3
        ? `${ARABIC[k % ARABIC.length]} ${k}`
        : `${TRADES[k % TRADES.length]} ${ACTIVITIES[k % ACTIVITIES.length]} ${k} ${FORMS[k % FORMS.length]}`;
    return { ice: iceOfSerial(FIRST_SERIAL + k), name, city: CITIES[k % CITIES.length]! };
  });
  companies.push({
    ice: iceOfSerial(EXAMPLE_SERIAL),
    name: "Atlas Négoce SARL",
    city: "Casablanca",
  });
  return companies;
}

export const ICE_COMPANIES: readonly IceCompany[] = makeCompanies();

/**
 * An ICE valid by its checksum that no company holds (`n` ≥ 0): what the platform refuses
 * with "trn - est invalide".
 */
export const unregisteredIce = (n: number) => iceOfSerial(9_000_000 + n);

/**
 * ICEs that make the register fail while a request names them: `status` (an HTTP status),
 * `times` times, then as usual (Infinity: always).
 */
export const ICE_FAULTS: readonly { ice: string; status: number; times: number }[] = [
  // Down for good for this ICE: the create goes through, its ICE "could not be checked".
  { ice: iceOfSerial(8_000_001), status: 503, times: Infinity },
  // Too many requests once: a retry after a wait gets the answer.
  { ice: iceOfSerial(8_000_002), status: 429, times: 1 },
];
