import type { Cell, ProfileId } from "../src/core";
import { belgianNumber, iceFrom, ibanFor, moroccanIban, ribFrom } from "./oracles";

/** A small deterministic PRNG (mulberry32), so every bench run judges the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digits = (next: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(next() * 10)).join("");
const pick = <T>(next: () => number, items: readonly T[]) =>
  items[Math.floor(next() * items.length)] as T;

function enterpriseNumber(next: () => number, serial: number): string {
  const firstDigit = next() < 0.8 ? "0" : "1";
  return belgianNumber(firstDigit + String(serial).padStart(7, "0").slice(0, 7));
}

function belgianIban(next: () => number): string {
  const account = digits(next, 10);
  const check = Number(BigInt(account) % 97n) || 97;
  return ibanFor("BE", account + String(check).padStart(2, "0"));
}

/** What goes wrong in the rows that are wrong: the mistakes users make most. */
const BE_MISTAKES: ((row: Record<string, Cell>) => void)[] = [
  (row) =>
    (row.enterpriseNumber = String(row.enterpriseNumber).replace(
      /^(\d{4})(\d{3})(\d{3})$/,
      "$1.$2.$3"
    )),
  (row) => (row.vatNumber = `BE ${String(row.enterpriseNumber)}`),
  (row) => (row.contactLocale = "FR_be"),
  (row) => (row.country = "belgique"),
  (row) => (row.contactEmail = "jan@acme"),
  (row) =>
    (row.iban = String(row.iban)
      .replace(/(.{4})/g, "$1 ")
      .toLowerCase()),
  (row) => (row.postalCode = "999"),
  (row) => (row.mandate = "peut-être"),
];

const MA_MISTAKES: ((row: Record<string, Cell>) => void)[] = [
  (row) => (row.ice = Number(row.ice)),
  (row) => (row.country = "Kongo"),
  (row) => (row.taxId = "123"),
  (row) => (row.contactEmail = "a@b.c"),
  (row) => (row.postalCode = "2000"),
  (row) => (row.companyLanguage = "Klingon"),
];

/** Rows in profile field order; about one in ten has a mistake. */
export function generateRows(
  profile: ProfileId,
  count: number,
  fieldOrder: readonly string[],
  seed = 42
): Cell[][] {
  const next = random(seed);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const row = profile === "be" ? belgianRow(next, i) : moroccanRow(next, i);
    if (next() < 0.1) pick(next, profile === "be" ? BE_MISTAKES : MA_MISTAKES)(row);
    rows.push(fieldOrder.map((key) => row[key]));
  }
  return rows;
}

function belgianRow(next: () => number, i: number): Record<string, Cell> {
  const enterprise = enterpriseNumber(next, i);
  return {
    companyName: `${pick(next, ["Boulangerie", "Garage", "Cabinet", "Bakkerij", "Studio"])} ${i} SRL`,
    country: "BE",
    contactEmail: `contact${i}@client${i % 997}.be`,
    contactFirstName: pick(next, ["Marie", "Jan", "Sofie", "Luc"]),
    contactLastName: pick(next, ["Dupont", "Peeters", "Janssens", "Maes"]),
    contactLocale: pick(next, ["fr-BE", "nl-BE", "de-BE", "en-BE"]),
    enterpriseNumber: enterprise,
    vatNumber: next() < 0.7 ? `BE${enterprise}` : "",
    externalReference: `CL-${i}`,
    iban: next() < 0.6 ? belgianIban(next) : "",
    street: "Rue Haute",
    houseNumber: String(1 + (i % 200)),
    postalBox: next() < 0.2 ? "B2" : "",
    postalCode: String(1000 + (i % 9000)),
    city: pick(next, ["Bruxelles", "Gent", "Liège", "Eupen"]),
    mandate: pick(next, ["Oui", "Non", ""]),
    configurationTemplate: "",
  };
}

function moroccanRow(next: () => number, i: number): Record<string, Cell> {
  return {
    companyName: `Société ${i} SARL`,
    address: `${1 + (i % 300)} boulevard Zerktouni`,
    postalCode: String(10000 + (i % 80000)),
    city: pick(next, ["Casablanca", "Rabat", "Marrakech", "Tanger"]),
    country: pick(next, ["MA", "MA", "MA", "Maroc", "المغرب"]),
    ice: iceFrom(String(1000000 + i).padStart(13, "0")),
    taxId: digits(next, next() < 0.5 ? 7 : 8),
    iban: next() < 0.6 ? moroccanIban(ribFrom(digits(next, 22))) : "",
    companyLanguage: pick(next, ["fr", "Français", "ar", "An"]),
    contactName: "Youssef Alami",
    contactLanguage: pick(next, ["fr", "ar", "العربية", "English"]),
    contactEmail: `contact${i}@client${i % 997}.ma`,
  };
}
