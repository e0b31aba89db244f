/**
 * Whether the pane fits a task pane's window with many rows: the pane's height after 300 rows
 * with problems were pasted, and the keys pressed from the pane's first control to the send
 * button. Measured by the e2e (which asserts the goals) and by the bench (which prints them).
 */
import type { Page } from "playwright-core";
import { getProfile, type Cell } from "../src/core";
import { VALID } from "./judge";
import { belgianNumber } from "./oracles";

const KEYS = getProfile("be").fields.map((field) => field.key);

/** Client `i` of a test's rows: valid, with its own enterprise number (from `firstNumber`). */
export function validClient(i: number, firstNumber: number, label: string): Record<string, Cell> {
  const enterprise = belgianNumber(`0${String(firstNumber + i).padStart(7, "0")}`);
  return {
    ...VALID.be,
    companyName: `Client ${label} ${i}`,
    contactEmail: `contact${i}@${label}${i}.be`,
    enterpriseNumber: enterprise,
    vatNumber: `BE${enterprise}`,
    configurationTemplate: "",
  };
}

/** `count` rows; one in five has one mistake, of five kinds (the pane's lists grow long). */
function rowsWithProblems(count: number, firstNumber: number): Cell[][] {
  const mistakes: [string, Cell][] = [
    ["contactLocale", "francais belge"],
    ["contactEmail", "jan@acme"],
    ["postalCode", "999"],
    ["mandate", "peut-être"],
    ["country", "belgique"],
  ];
  return Array.from({ length: count }, (_, i) => {
    // The sheet is English: its valid rows say Yes, as its drop-down does (Oui would be
    // understood, and listed to be written as Yes).
    const values: Record<string, Cell> = { ...validClient(i, firstNumber, "fit"), mandate: "Yes" };
    if (i % 5 === 1) {
      const [field, value] = mistakes[Math.floor(i / 5) % mistakes.length]!;
      values[field] = value;
    }
    return KEYS.map((key) => values[key]);
  });
}

/**
 * The preview at `origin` as an accountant starts: Belgium, the import table inserted, signed
 * in as Sophie, then `rows` pasted under the headers (one in five with a problem).
 */
export async function previewWithRows(
  page: Page,
  origin: string,
  rows: number,
  firstNumber: number
): Promise<void> {
  await page.goto(`${origin}/preview.html?lang=en`);
  await page.getByRole("button", { name: "Use this platform" }).click();
  await page.getByRole("button", { name: "Insert the import table" }).click();
  await page.getByText("Rows", { exact: true }).waitFor();
  await signInOnPreview(page, "sophie@fiduciaire-lambert.be", "sandbox-be");
  await pasteRows(page, "A2", rowsWithProblems(rows, firstNumber));
}

/** Signs in through the preview's sign-in window (the sandbox's form). */
export async function signInOnPreview(page: Page, email: string, password: string) {
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Sign in to Banqup" }).click();
  const popup = await popupOpened;
  await popup.waitForSelector("input[name=email]");
  await popup.fill("input[name=email]", email);
  await popup.fill("input[name=password]", password);
  await popup.keyboard.press("Enter");
  await page.getByText(/Signed in to /).waitFor({ timeout: 15_000 });
}

/** Pastes rows at the grid's selected cell and waits until the pane has checked them. */
export async function pasteRows(
  page: Page,
  at: string,
  rows: Cell[][],
  /** The pane's word for its row count, in its language. */
  rowsWord = "Rows"
): Promise<void> {
  await page.locator(`td[data-address="${at}"]`).click();
  await page.fill(
    "#paste-rows",
    rows.map((line) => line.map((c) => c ?? "").join("\t")).join("\n")
  );
  await page.getByRole("button", { name: "Paste" }).click();
  await page.waitForFunction(
    ({ count, word }) =>
      document
        .querySelector("#root [role=status][aria-live]")
        ?.textContent?.includes(`${count}${word}`),
    { count: rows.length, word: rowsWord }
  );
}

export interface PaneFit {
  /** The pane's height at the preview's window size, in CSS pixels. */
  heightPx: number;
  /** Keys pressed from the pane's first control to the send button (Tab, arrows, Enter). */
  keysToSend: number;
}

/** Measures the pane as it is now (a client area, signed in), on the Check tab. */
export async function measurePaneFit(page: Page): Promise<PaneFit> {
  const heightPx = await page.evaluate(() =>
    Math.round(document.querySelector("#root main")!.getBoundingClientRect().height)
  );
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { text: el?.innerText.trim() ?? "", role: el?.getAttribute("role") ?? "" };
    });
  await page.evaluate(() => {
    const first = document.querySelector<HTMLElement>(
      "#root button:not([disabled]), #root [role=tab], #root select, #root input, #root a[href]"
    );
    first?.focus();
  });
  let keys = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    keys++;
    if (keys > 60) throw new Error("the send button was not reached in 60 keys");
  };
  while ((await focused()).role !== "tab") await press("Tab");
  while ((await focused()).text !== "Send") await press("ArrowRight");
  await press("Enter");
  await page.getByRole("button", { name: "Send all valid rows" }).waitFor();
  while ((await focused()).text !== "Send all valid rows") await press("Tab");
  return { heightPx, keysToSend: keys };
}
