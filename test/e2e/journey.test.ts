/**
 * The whole job as a user does it, in real headless Chromium: the built pane beside the
 * preview's in-memory workbook (the Office host), the sandbox on loopback. Pane actions are
 * made with the keyboard alone; axe checks every step; screenshots go to test-results/e2e/.
 */
import { copyFileSync, mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { fieldHeader, getProfile, type Cell } from "../../src/core";
import { columnLetters } from "../../src/excel";
import { ADDIN_CLIENT_ID, defaultOptions } from "../../src/sandbox/server";
import {
  api,
  AUTOMATION,
  automationToken,
  BELGIAN_CLIENT,
  startSandbox,
  type RunningSandbox,
} from "../sandbox/start-sandbox";
import { clientFor } from "../send/helpers";
import { TEMPLATE_SHEET_TITLE } from "../../src/excel/names";
import { translate } from "../../src/taskpane/strings";
import type { UiLang } from "../../src/core";
import { belgianNumber } from "../../testkit/oracles";
import {
  enterpriseNumber,
  FIXTURE_COMPANIES,
  FIXTURE_FAULTS,
} from "../../src/sandbox/registries/fixture-companies";
import {
  measurePaneFit,
  pasteRows,
  previewWithRows,
  signInOnPreview,
  validClient,
} from "../../testkit/pane-fit";
import { buildPreview, chromiumLaunchOptions, serveFolder } from "../../testkit/serve";

const root = join(__dirname, "..", "..");
const shots = join(root, "test-results", "e2e");
const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);
const SHEET = "Banqup clients";

/** 50 rows; rows 2..11 (0-based 1..10) are wrong, each in one cell, in ten different ways. */
function journeyRows(): {
  rows: Cell[][];
  wrong: { index: number; field: string; fixable: boolean }[];
} {
  const wrong: { index: number; field: string; fixable: boolean }[] = [];
  const rows = Array.from({ length: 50 }, (_, i) => {
    const values = validClient(i, 8_100_000, "e2e");
    const enterprise = values.enterpriseNumber as string;
    const mistakes: [string, Cell, boolean][] = [
      [
        "enterpriseNumber",
        `${enterprise.slice(0, 4)}.${enterprise.slice(4, 7)}.${enterprise.slice(7)}`,
        true,
      ],
      [
        "vatNumber",
        `BE ${enterprise.slice(0, 4)} ${enterprise.slice(4, 7)} ${enterprise.slice(7)}`,
        true,
      ],
      ["country", "belgique", true],
      ["contactLocale", "FR_be", true],
      ["iban", "be68 5390 0754 7034", true],
      ["contactEmail", "jan@acme", false],
      ["postalCode", "999", false],
      ["mandate", "peut-être", false],
      [
        "enterpriseNumber",
        `${enterprise.slice(0, 8)}${(Number(enterprise.slice(8)) + 1) % 100}`.padEnd(10, "0"),
        false,
      ],
      ["companyName", "", false],
    ];
    const mistake = i >= 1 && i <= 10 ? mistakes[i - 1] : undefined;
    if (mistake) {
      const [field, value, fixable] = mistake;
      values[field] = value;
      // A wrong enterprise number leaves the VAT number alone (no second problem).
      if (field === "enterpriseNumber") values.vatNumber = "";
      wrong.push({ index: i, field, fixable });
    }
    return KEYS.map((key) => values[key]);
  });
  return { rows, wrong };
}

/**
 * 50 rows of companies the fixture registries know, each kind of finding on a few of them:
 * names that differ, addresses left empty, unknown and inactive numbers, mandates Yes for
 * companies already on Peppol, and numbers whose registry stays down.
 */
function registryRows(): { rows: Cell[][]; expected: Record<string, number[]> } {
  const active = FIXTURE_COMPANIES.filter((c) => c.active && !c.peppol);
  // On Peppol for invoices (its SMP lists them), not only with a card in the Directory.
  const onPeppol = FIXTURE_COMPANIES.filter((c) => c.active && c.peppol && c.smp === "invoices");
  const inactive = FIXTURE_COMPANIES.filter((c) => !c.active);
  const down = FIXTURE_FAULTS.filter(
    (f) => f.upstream === "vies" && f.times === Infinity && f.code === "MS_UNAVAILABLE"
  );
  const expected: Record<string, number[]> = {
    name: [],
    fill: [],
    unknown: [],
    inactive: [],
    peppol: [],
    unchecked: [],
  };
  const rows = Array.from({ length: 50 }, (_, i) => {
    const kind =
      i < 25
        ? "fine"
        : i < 30
          ? "name"
          : i < 35
            ? "fill"
            : i < 38
              ? "unknown"
              : i < 41
                ? "inactive"
                : i < 46
                  ? "peppol"
                  : i < 47
                    ? "unchecked"
                    : "fine";
    const company =
      kind === "peppol" ? onPeppol[i]! : kind === "inactive" ? inactive[i - 38]! : active[i]!;
    const number =
      kind === "unknown"
        ? enterpriseNumber(7_000_000 + i)
        : kind === "unchecked"
          ? down[0]!.number
          : company.number;
    const values: Record<string, Cell> = {
      ...validClient(i, 8_300_000, "registry"),
      // The sheet's own spelling of the registry's name: other case, another way to write the form.
      companyName: company.name.toLowerCase().replace(/ srl$/, " S.R.L."),
      enterpriseNumber: number,
      vatNumber: `BE${number}`,
      street: company.street,
      houseNumber: company.houseNumber,
      postalBox: company.postalBox ?? "",
      postalCode: company.postalCode,
      city: company.city,
      mandate: kind === "peppol" ? "Oui" : "Non",
    };
    if (kind === "name") values.companyName = `Autre nom ${i}`;
    if (kind === "fill")
      for (const key of ["street", "houseNumber", "postalBox", "postalCode", "city"])
        values[key] = "";
    if (kind !== "fine") expected[kind]!.push(i);
    return KEYS.map((key) => values[key]);
  });
  return { rows, expected };
}

const addressOf = (index: number, field: string) =>
  `${columnLetters(KEYS.indexOf(field))}${index + 2}`;

describe("the job in a real browser (Chromium, preview host, sandbox)", () => {
  let sandbox: RunningSandbox;
  let site: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let page: Page;
  let step = 0;

  beforeAll(async () => {
    // First: without a browser there is nothing to build the preview for.
    const launch = chromiumLaunchOptions();
    const folder = mkdtempSync(join(tmpdir(), "preview-"));
    site = await serveFolder(folder);
    const base = defaultOptions();
    sandbox = await startSandbox({
      allowedOrigin: site.origin,
      auth: {
        ...base.auth,
        publicClients: new Map([[ADDIN_CLIENT_ID, [`${site.origin}/auth-callback.html`]]]),
        // Plays the colleague who changes clients in Banqup's own screens.
        automationClient: { ...AUTOMATION, partnerId: "pa_be" },
      },
    });
    buildPreview(root, folder, sandbox.url);
    // axe is served from the preview's own origin: the pages run under the pane's policy,
    // which refuses inline scripts.
    copyFileSync(require.resolve("axe-core/axe.min.js"), join(folder, "axe.min.js"));
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch(launch);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await site?.close();
  });

  /** A screenshot and an accessibility check of the step just reached. */
  async function checkpoint(name: string, on: Page = page): Promise<void> {
    step++;
    await on.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`) });
    await on.addScriptTag({ url: `${site.origin}/axe.min.js` });
    const violations = await on.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: unknown): Promise<{
              violations: {
                id: string;
                impact: string;
                nodes: { target: string[]; failureSummary?: string }[];
              }[];
            }>;
          };
        }
      ).axe;
      // Tabster's focus bumpers ([data-tabster-dummy], under Fluent's TabList) are aria-hidden
      // and focusable by design: a known false positive (fluentui #27517 "by design",
      // accessibility-insights-web #7605 suppresses it the same way).
      const result = await axe.run({ include: ["#root"], exclude: ["[data-tabster-dummy]"] });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}, ${v.nodes.length} nodes: ${v.nodes
              .slice(0, 3)
              .map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`)
              .join("; ")})`
        );
    });
    expect({ step: name, violations }).toEqual({ step: name, violations: [] });
  }

  /** Moves the focus with Tab (then Shift+Tab) until it is on the named control, then presses Enter. */
  /** Opens a tab of the pane with the keyboard: Tab to the tab list, arrows to the tab. */
  async function openTab(name: string, tabs = ["Check", "Templates", "Send"]): Promise<void> {
    await press(new RegExp(`^(${tabs.join("|")})$`), "Home");
    for (let i = 0; i < 5; i++) {
      const focused = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.innerText ?? ""
      );
      if (focused.trim() === name) {
        await page.keyboard.press("Enter");
        await page.getByRole("tab", { name, selected: true }).waitFor();
        return;
      }
      await page.keyboard.press("ArrowRight");
    }
    throw new Error(`no tab named ${name}`);
  }

  async function press(name: string | RegExp, key = "Enter"): Promise<void> {
    const matches = (text: string) =>
      typeof name === "string" ? text.trim() === name : name.test(text);
    for (const direction of ["Tab", "Shift+Tab"]) {
      for (let i = 0; i < 120; i++) {
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          // A radio or a box is named by its label.
          const label = el?.labels?.[0]?.innerText;
          return el ? (el.getAttribute("aria-label") ?? label ?? el.innerText ?? "") : "";
        });
        if (matches(focused)) {
          await page.keyboard.press(key);
          return;
        }
        await page.keyboard.press(direction);
      }
    }
    throw new Error(`no control named ${name} could be reached with the keyboard`);
  }

  /** Cells of the template sheet (or another), as the in-memory workbook holds them. */
  const sheetValues = (address: string, sheet = SHEET) =>
    page.evaluate(
      ({ sheet, address }) =>
        (
          window as unknown as {
            __banqupPreview: { excel: { values(s: string, a: string): unknown[][] } };
          }
        ).__banqupPreview.excel.values(sheet, address) as string[][],
      { sheet, address }
    );

  const highlighted = () =>
    page.evaluate(
      (sheet) =>
        (
          window as unknown as {
            __banqupPreview: { excel: { highlightedCells(s: string, a: string): string[] } };
          }
        ).__banqupPreview.excel.highlightedCells(sheet, "A1:R60"),
      SHEET
    );

  it("signs in, inserts the template, checks 50 pasted rows, fixes, applies templates and sends", async () => {
    await page.goto(`${site.origin}/preview.html?lang=en`);
    await page.getByText("Which Banqup platform is this workbook for?").waitFor();
    await checkpoint("region");

    await press("Use this platform");
    await page.getByRole("button", { name: "Insert the import table" }).waitFor();
    await press("Insert the import table");
    await page.getByText("Rows", { exact: true }).waitFor();
    await checkpoint("template-inserted");

    // Sign in through the dialog (a browser window in the preview, as in Excel on the web).
    const popupOpened = page.waitForEvent("popup");
    await press("Sign in to Banqup");
    const popup = await popupOpened;
    await popup.waitForSelector("input[name=email]");
    await popup.fill("input[name=email]", "sophie@fiduciaire-lambert.be");
    await popup.fill("input[name=password]", "sandbox-be");
    await popup.keyboard.press("Enter");
    await page.getByText(/Signed in to Fiduciaire Lambert/).waitFor({ timeout: 15_000 });
    await checkpoint("signed-in");

    // Paste 50 rows, 10 of them wrong, at A2 of the template (the grid plays Excel).
    const { rows, wrong } = journeyRows();
    await page.locator('td[data-address="A2"]').click();
    await page.fill(
      "#paste-rows",
      rows.map((line) => line.map((cell) => cell ?? "").join("\t")).join("\n")
    );
    await page.getByRole("button", { name: "Paste" }).click();
    await page.waitForFunction(() => document.body.innerText.includes("With problems"));
    await page.waitForFunction(
      (expected) =>
        (
          window as unknown as {
            __banqupPreview: { excel: { highlightedCells(s: string, a: string): string[] } };
          }
        ).__banqupPreview.excel.highlightedCells("Banqup clients", "A1:R60").length === expected,
      wrong.length
    );
    expect((await highlighted()).sort()).toEqual(
      wrong.map((w) => addressOf(w.index, w.field)).sort()
    );
    // The problem list names exactly those rows.
    const listed = await page
      .locator('#root section[aria-labelledby="problems-title"] > ul')
      .getByRole("button", { name: /^Row \d+$/ })
      .allInnerTexts();
    expect(listed.map((text) => Number(text.replace("Row ", ""))).sort((a, b) => a - b)).toEqual(
      wrong.map((w) => w.index + 2).sort((a, b) => a - b)
    );
    const counts = await page.locator("#root [role=status][aria-live]").innerText();
    expect(counts.replace(/\s+/g, " ")).toContain("50 Rows 40 Valid 10 With problems");
    await checkpoint("pasted-with-problems");
    // Fix all that can be fixed, one "fix all like this" per kind of problem.
    for (let round = 0; round < 10; round++) {
      const fixAll = page.getByRole("button", { name: /^Fix all like this/ });
      const offered = await fixAll.count();
      if (offered === 0) break;
      await press(/^Fix all like this/);
      // Done when that kind of problem has left the list.
      await page.waitForFunction(
        (before) =>
          [...document.querySelectorAll("button")].filter((button) =>
            /^Fix all like this/.test(button.textContent ?? "")
          ).length < before,
        offered
      );
    }
    const unfixable = wrong.filter((w) => !w.fixable).map((w) => addressOf(w.index, w.field));
    await page.waitForFunction(
      (expected) =>
        (
          window as unknown as {
            __banqupPreview: { excel: { highlightedCells(s: string, a: string): string[] } };
          }
        ).__banqupPreview.excel.highlightedCells("Banqup clients", "A1:R60").length === expected,
      unfixable.length
    );
    expect((await highlighted()).sort()).toEqual(unfixable.sort());
    await checkpoint("fixed");

    // The partner's templates, then one of them for the first five rows.
    await openTab("Templates");
    await press("Refresh from Banqup");
    await page
      .getByText(/^Users: /)
      .first()
      .waitFor();
    await page.locator('td[data-address="A2"]').click();
    await page.locator('td[data-address="A6"]').click({ modifiers: ["Shift"] });
    const chooser = page.locator('#root select[aria-label="Configuration template"]');
    const templateName = (await chooser.locator("option").first().innerText()).trim();
    await press("Configuration template", "ArrowDown");
    await chooser.selectOption({ label: templateName });
    await press("Apply to the selected rows (5)");
    const templates = columnLetters(KEYS.indexOf("configurationTemplate"));
    await page.waitForFunction(
      ({ address, name }) =>
        (
          window as unknown as {
            __banqupPreview: { excel: { values(s: string, a: string): unknown[][] } };
          }
        ).__banqupPreview.excel
          .values("Banqup clients", address)
          .every((line) => line[0] === name),
      { address: `${templates}2:${templates}6`, name: templateName }
    );
    await checkpoint("templates-applied");

    // No API access needed: the platform's own import file, opened as a new workbook.
    await openTab("Send");
    await press("Export for the Banqup import page");
    const exported = 50 - unfixable.length;
    await page
      .getByText(`${exported} rows were copied into a new workbook`, { exact: false })
      .waitFor();
    // The preview cannot show a new workbook: the pane offers the file itself to download.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the file (.xlsx)" }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^banqup-import-[\d-]+\.xlsx$/);
    const opened = await page.evaluate(
      () =>
        (
          window as unknown as {
            __banqupPreview: {
              excel: { openedWorkbooks: { sheets: { name: string; cells: string[][] }[] }[] };
            };
          }
        ).__banqupPreview.excel.openedWorkbooks
    );
    expect(opened).toHaveLength(1);
    const [exportSheet] = opened[0]!.sheets;
    expect(exportSheet!.cells[0]![0]).toBe("Raison sociale *");
    expect(exportSheet!.cells).toHaveLength(1 + exported);
    // The rows fixed in the sheet went in as fixed: their enterprise numbers as the platform takes them.
    const enterprise = KEYS.indexOf("enterpriseNumber");
    for (const line of exportSheet!.cells.slice(1))
      expect(line[enterprise] ?? "").toMatch(/^(\d{10})?$/);
    await checkpoint("exported");

    // Send: the summary, then the statuses.
    await page.getByRole("button", { name: "Send all valid rows" }).waitFor();
    await press("Send all valid rows");
    await page.getByText("Before sending").waitFor({ timeout: 15_000 });
    await checkpoint("summary");
    const valid = 50 - unfixable.length;
    await press(`Create ${valid} clients`);
    await page
      .getByText(`Done: ${valid} created, 0 failed, ${unfixable.length} not sent.`)
      .waitFor({ timeout: 30_000 });
    await checkpoint("sent");

    const stored = sandbox.db
      .prepare("SELECT data FROM clients WHERE partner_id = 'pa_be' AND data LIKE '%Client e2e%'")
      .all() as { data: string }[];
    expect(stored).toHaveLength(valid);
    const status = columnLetters(KEYS.length);
    const statuses = await sheetValues(`${status}2:${status}51`);
    const unfixableRows = new Set(wrong.filter((w) => !w.fixable).map((w) => w.index));
    statuses.forEach(([text], index) =>
      expect(String(text).startsWith(unfixableRows.has(index) ? "– Not sent" : "✓ Created")).toBe(
        true
      )
    );

    // "Check this Excel" (a development build): every scenario held in this Excel.
    await openTab("Check");
    await press("Excel compatibility test");
    await press("Run the checks");
    const results = page.locator('#root ul[aria-label="Excel compatibility test"] > li');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#root ul[aria-label="Excel compatibility test"] > li').length ===
        6,
      undefined,
      { timeout: 30_000 }
    );
    expect(await results.evaluateAll((items) => items.map((item) => item.dataset.outcome))).toEqual(
      ["held", "held", "held", "held", "held", "held"]
    );
    // The scratch sheet is gone once the checks are over, and the user is back on the template.
    await page.getByRole("tab", { name: "Banqup self-check" }).waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "Banqup clients", selected: true }).waitFor();
    await checkpoint("self-check");
    // The user's template was not touched by the scratch one.
    const after = await sheetValues(`${status}2:${status}51`);
    expect(after).toEqual(statuses);
  }, 240_000);

  it("checks 50 pasted rows against the fixture registries and shows each kind of finding", async () => {
    const journeyPage = page;
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${site.origin}/preview.html?lang=en`);
      await page.getByRole("button", { name: "Use this platform" }).click();
      await page.getByRole("button", { name: "Insert the import table" }).click();
      await page.getByText("Rows", { exact: true }).waitFor();
      await signInOnPreview(page, "sophie@fiduciaire-lambert.be", "sandbox-be");
      const { rows, expected } = registryRows();
      await pasteRows(page, "A2", rows);
      // The fifty rows are valid: what the registries say never makes one invalid.
      const counts = () => page.locator("#root [role=status][aria-live]").innerText();
      expect((await counts()).replace(/\s+/g, " ")).toContain("50 Rows 50 Valid 0 With problems");

      await press(/^Check against the registries \(50\)$/);
      // The summary says what was found, in numbers that agree with the rows listed.
      const unknown = expected.unknown!.length + expected.inactive!.length;
      const unchecked = expected.unchecked!.length;
      await page
        .getByText(
          `50 numbers checked: ${50 - unknown - unchecked} active, ${unknown} unknown or inactive, ${unchecked} not answered by the registry.`
        )
        .waitFor({ timeout: 30_000 });
      await checkpoint("registry-checked");
      expect((await counts()).replace(/\s+/g, " ")).toContain("50 Rows 50 Valid 0 With problems");

      const toCheck = page.locator('#root section[aria-labelledby="warnings-title"]');
      const rowsUnder = async (heading: string) => {
        const item = toCheck.locator("li").filter({ hasText: heading });
        const texts = await item.getByRole("button", { name: /^Row \d+$/ }).allInnerTexts();
        return texts.map((text) => Number(text.replace("Row ", "")) - 2).sort((a, b) => a - b);
      };
      expect(await rowsUnder("The name differs from the registry's.")).toEqual(expected.name);
      expect(await rowsUnder("Number unknown or inactive in the registries.")).toEqual(
        expected.unknown
      );
      expect(await rowsUnder("Known to the registries, but not active.")).toEqual(
        expected.inactive
      );
      expect(await rowsUnder("Mandate Yes, but already on Peppol.")).toEqual(expected.peppol);
      expect(await rowsUnder("Could not be checked")).toEqual(expected.unchecked);
      // Each empty address cell is listed under its column.
      expect(await rowsUnder("Street")).toEqual(expected.fill);

      // One click fills every empty cell the registry knows; the name is replaced cell by cell.
      await press(/^Fill from the registry/);
      const [firstFill] = expected.fill!;
      const street = columnLetters(KEYS.indexOf("street"));
      const city = columnLetters(KEYS.indexOf("city"));
      const company = FIXTURE_COMPANIES.find(
        (c) => c.number === rows[firstFill!]![KEYS.indexOf("enterpriseNumber")]
      );
      await page.waitForFunction(
        ({ address, value }) =>
          (
            window as unknown as {
              __banqupPreview: { excel: { values(s: string, a: string): unknown[][] } };
            }
          ).__banqupPreview.excel.values("Banqup clients", address)[0]![0] === value,
        { address: `${street}${firstFill! + 2}`, value: company!.street }
      );
      expect(await sheetValues(`${city}${firstFill! + 2}`)).toEqual([[company!.city]]);
      await page.getByText("Empty here; the registry knows it.").waitFor({ state: "detached" });

      const [renamed] = expected.name!;
      const name = columnLetters(KEYS.indexOf("companyName"));
      await page.locator(`td[data-address="${name}${renamed! + 2}"]`).click();
      const official = FIXTURE_COMPANIES.find(
        (c) => c.number === rows[renamed!]![KEYS.indexOf("enterpriseNumber")]
      )!.name;
      await press(`Use ${official}`);
      await page.waitForFunction(
        ({ address, value }) =>
          (
            window as unknown as {
              __banqupPreview: { excel: { values(s: string, a: string): unknown[][] } };
            }
          ).__banqupPreview.excel.values("Banqup clients", address)[0]![0] === value,
        { address: `${name}${renamed! + 2}`, value: official }
      );
      // The preview's grid repaints every 400 ms: the screenshot waits for it to show the name.
      await page
        .locator(`td[data-address="${name}${renamed! + 2}"]`, { hasText: official })
        .waitFor();
      await checkpoint("registry-applied");
    } finally {
      await page.close();
      page = journeyPage;
    }
  }, 120_000);

  it("with 300 pasted rows the pane fits 350 × 900: lists scroll inside, send is a few keys away", async () => {
    const fit = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await previewWithRows(fit, site.origin, 300, 8_200_000);
      // The pane is 350 px wide in the preview, as in Excel.
      const width = await fit.evaluate(() =>
        Math.round(document.querySelector("#root")!.getBoundingClientRect().width)
      );
      expect(width).toBe(350);
      // The problem list scrolls in its own area, cut between two groups, never through one.
      const cut = await fit.evaluate(() => {
        const list = document.querySelector<HTMLElement>(
          '#root section[aria-labelledby="problems-title"] > ul'
        )!;
        const top = list.getBoundingClientRect().top;
        const items = Array.from(list.children).map((item) => {
          const box = item.getBoundingClientRect();
          return { top: box.top - top, bottom: box.bottom - top };
        });
        return {
          scrolls: list.scrollHeight > list.clientHeight,
          halfShown: items.filter(
            (item) => item.top < list.clientHeight - 1 && item.bottom > list.clientHeight + 1
          ).length,
        };
      });
      expect(cut).toEqual({ scrolls: true, halfShown: 0 });
      const { heightPx, keysToSend } = await measurePaneFit(fit);
      const metrics = { pane_height_300_rows_px: heightPx, tab_presses_to_send: keysToSend };
      writeFileSync(join(shots, "metrics.json"), JSON.stringify(metrics));
      process.stdout.write(`${JSON.stringify(metrics)}\n`);
      await fit.screenshot({ path: join(shots, "300-rows-send.png") });
      expect(heightPx).toBeLessThanOrEqual(900);
      expect(keysToSend).toBeLessThanOrEqual(10);
      // A sheet this large is compressed in a worker: the export works under the pane's policy.
      const refused: string[] = [];
      fit.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await fit.getByRole("button", { name: "Export for the Banqup import page" }).click();
      await fit
        .getByText("copied into a new workbook", { exact: false })
        .waitFor({ timeout: 30_000 });
      const lines = await fit.evaluate(
        () =>
          (
            window as unknown as {
              __banqupPreview: {
                excel: { openedWorkbooks: { sheets: { cells: string[][] }[] }[] };
              };
            }
          ).__banqupPreview.excel.openedWorkbooks[0]!.sheets[0]!.cells.length
      );
      expect(lines).toBeGreaterThan(200);
      expect(refused).toEqual([]);
    } finally {
      await fit.close();
    }
  }, 120_000);

  it.each(["fr", "nl", "en"] as UiLang[])(
    "in %s: loads the partner's clients, updates the rows edited in the sheet, and settles one changed in Banqup too",
    async (lang) => {
      const t = (key: Parameters<typeof translate>[1], params = {}) => translate(lang, key, params);
      const series = { fr: 1, nl: 3, en: 5 }[lang];
      const client = clientFor(sandbox);
      const made = await Promise.all(
        [0, 1].map((n) => {
          const number = belgianNumber(`0${String(8_500_000 + series + n).padStart(7, "0")}`);
          return client.createClient(
            {
              ...BELGIAN_CLIENT,
              companyName: `Journey ${lang} ${n}`,
              contactEmail: `journey-${lang}-${n}@example.be`,
              enterpriseNumber: number,
              vatNumber: `BE${number}`,
              city: "Bruxelles",
            },
            `cix_journey${lang}${String(series + n).padStart(31, "0")}`
          );
        })
      );
      const partnerClients = (
        sandbox.db
          .prepare("SELECT COUNT(*) AS n FROM clients WHERE partner_id = 'pa_be'")
          .get() as { n: number }
      ).n;
      const values = (address: string) => sheetValues(address, TEMPLATE_SHEET_TITLE[lang]);

      await page.goto(`${site.origin}/preview.html?lang=${lang}`);
      await press(t("regionSave"));
      await page.getByRole("button", { name: t("insertTemplate") }).waitFor();
      await press(t("insertTemplate"));
      await page.getByText(t("rowsCount"), { exact: true }).waitFor();
      // Signed in already when an earlier step of this browser signed in (the token is kept).
      const signIn = page.getByRole("button", { name: t("signIn") });
      const signOut = page.getByRole("button", { name: t("signOut") });
      await signIn.or(signOut).waitFor();
      if (await signIn.isVisible()) {
        const popupOpened = page.waitForEvent("popup");
        await press(t("signIn"));
        const popup = await popupOpened;
        await popup.waitForSelector("input[name=email]");
        // The sign-in page speaks the pane's language.
        expect(await popup.locator("html").getAttribute("lang")).toBe(lang);
        await popup.fill("input[name=email]", "sophie@fiduciaire-lambert.be");
        await popup.fill("input[name=password]", "sandbox-be");
        await popup.keyboard.press("Enter");
        await signOut.waitFor({ timeout: 15_000 });
      }
      await openTab(t("tabSend"), [t("tabCheck"), t("tabTemplates"), t("tabSend")]);

      // Load: every client of the partner gets a row, each status naming its client.
      await press(t("loadClients"));
      await page
        .getByText(t("loadDone", { added: partnerClients, refreshed: 0, inStep: 0 }))
        .waitFor({ timeout: 30_000 });
      await checkpoint(`loaded-${lang}`);
      const status = columnLetters(KEYS.length);
      const statuses = await values(`${status}2:${status}${partnerClients + 1}`);
      const rowOf = (id: string) => statuses.findIndex(([text]) => String(text).includes(id)) + 2;
      const [first, second] = made.map((created) => rowOf(created.id));
      expect(Math.min(first!, second!)).toBeGreaterThan(1);

      // The city of both rows is edited in the sheet; a colleague changes the second's in Banqup.
      const city = columnLetters(KEYS.indexOf("city"));
      for (const row of [first, second]) {
        await page.locator(`td[data-address="${city}${row}"]`).click();
        await page.fill("#paste-rows", "Namur");
        await page.getByRole("button", { name: "Paste" }).click();
      }
      // The Send tab says what changed since the rows were sent, in the pane's language.
      const cityHeader = fieldHeader(be.fields[KEYS.indexOf("city")]!, lang);
      await page
        .getByText(
          t("changedSinceSent", { row: first!, changes: [`${cityHeader} (Bruxelles → Namur)`] }),
          { exact: true }
        )
        .waitFor({ timeout: 15_000 });
      const call = api(sandbox.url, await automationToken(sandbox.url));
      await call(`/sandbox/clients/${made[1]!.id}`, { method: "PATCH", body: { city: "Gent" } });
      await page
        .getByRole("button", { name: t("updateChanged", { count: 2 }) })
        .waitFor({ timeout: 15_000 });
      await press(t("updateChanged", { count: 2 }));
      await press(t("confirmUpdate", { count: 2 }));
      const group = page.getByRole("region", { name: t("conflictsTitle", { count: 1 }) });
      await group.waitFor({ timeout: 15_000 });
      await group.getByText(t("conflictBanqup", { value: "Gent" })).waitFor();
      await checkpoint(`conflict-${lang}`);

      // Take Banqup's city for the second row: from "Leave it", one arrow up.
      await press(t("leaveIt"), "ArrowUp");
      await press(t("conflictApply"));
      await page
        .getByText(t("settledDone", { row: second, version: 2 }))
        .waitFor({ timeout: 15_000 });
      // The grid shows Banqup's city, and no row is left to update.
      await page
        .locator(`td[data-address="${city}${second}"]`)
        .filter({ hasText: "Gent" })
        .waitFor();
      await page
        .getByRole("button", { name: t("updateChanged", { count: 0 }), exact: true })
        .waitFor();
      await checkpoint(`settled-${lang}`);
      expect(await values(`${city}${second}`)).toEqual([["Gent"]]);
      const stored = (id: string) =>
        JSON.parse(
          (sandbox.db.prepare("SELECT data FROM clients WHERE id = ?").get(id) as { data: string })
            .data
        ) as { city: string };
      expect([stored(made[0]!.id).city, stored(made[1]!.id).city]).toEqual(["Namur", "Gent"]);
    },
    120_000
  );

  it("follows Office's theme (dark, then light when the pane regains the focus) and Windows high contrast, axe clean in each", async () => {
    const journeyPage = page;
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${site.origin}/preview.html?lang=en&theme=dark`);
      await page.getByRole("button", { name: "Use this platform" }).click();
      await page.getByRole("button", { name: "Insert the import table" }).click();
      await page.getByText("Rows", { exact: true }).waitFor();
      const rows = Array.from({ length: 6 }, (_, i) => {
        const values: Record<string, Cell> = {
          ...validClient(i, 8_800_000, "theme"),
          contactEmail: i % 2 ? "marie@" : `theme${i}@example.be`,
        };
        return KEYS.map((key) => values[key]);
      });
      await pasteRows(page, "A2", rows);
      const background = () =>
        page.evaluate(
          () => getComputedStyle(document.querySelector("[data-theme]")!).backgroundColor
        );
      await page.waitForFunction(
        () => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "dark"
      );
      expect(await background()).not.toBe("rgb(255, 255, 255)");
      await checkpoint("theme-dark");

      // The user switches Office back to light, then comes back to the pane.
      await page.evaluate(() => {
        (window as unknown as { __banqupPreview: { theme: string } }).__banqupPreview.theme =
          "light";
        window.dispatchEvent(new Event("focus"));
      });
      await page.waitForFunction(
        () => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "light"
      );
      expect(await background()).toBe("rgb(255, 255, 255)");

      // Windows high contrast, a dark scheme (High Contrast Black): Fluent's high-contrast theme.
      await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
      await page.waitForFunction(
        () => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "highContrast"
      );
      await checkpoint("theme-high-contrast");
      // A light one (High Contrast White): the light theme under the system's colours.
      await page.emulateMedia({ forcedColors: "active", colorScheme: "light" });
      await page.waitForFunction(
        () => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "light"
      );
      await checkpoint("theme-high-contrast-white");
    } finally {
      await page.close();
      page = journeyPage;
    }
  }, 60_000);

  it("the preview's grid follows the pane's 'Row N', draws a selection as one box, and keeps its headers apart when scrolled", async () => {
    const grid = await browser.newPage({ viewport: { width: 1400, height: 700 } });
    try {
      await grid.goto(`${site.origin}/preview.html?lang=en`);
      await grid.getByRole("button", { name: "Use this platform" }).click();
      await grid.getByRole("button", { name: "Insert the import table" }).click();
      await grid.getByText("Rows", { exact: true }).waitFor();
      const good = validClient(0, 8_300_000, "grid");
      const wrong: Record<string, Cell> = {
        ...validClient(1, 8_300_000, "grid"),
        contactEmail: "jan@acme",
      };
      await pasteRows(grid, "A2", [KEYS.map((key) => good[key]), KEYS.map((key) => wrong[key])]);
      // The pane's "Row 3" selects the cell: the grid's address and formula bar follow it.
      await grid.getByRole("button", { name: "Row 3" }).first().click();
      const email = `${columnLetters(KEYS.indexOf("contactEmail"))}3`;
      await grid.locator("label.address", { hasText: email }).waitFor();
      expect(await grid.inputValue("#cell-input")).toBe("jan@acme");

      // A selection of 3 × 3 cells: one box, its edges on the outer cells only.
      await grid.locator('td[data-address="A5"]').click();
      await grid.locator('td[data-address="C7"]').click({ modifiers: ["Shift"] });
      const shadow = (address: string) =>
        grid
          .locator(`td[data-address="${address}"]`)
          .evaluate((cell) => getComputedStyle(cell).boxShadow);
      expect(await shadow("B6")).toBe("none");
      expect(await shadow("A5")).not.toBe("none");
      expect(await grid.locator("td.selected").count()).toBe(9);

      // Scrolled down and to the right: the column letters stay on top of the rows, the row
      // numbers at the left, and a cell right of the row numbers is a cell, not a number.
      await grid.locator(".scroll").evaluate((scroll) => scroll.scrollTo(400, 300));
      const layout = await grid.evaluate(() => {
        const scroll = document.querySelector(".scroll")!.getBoundingClientRect();
        const header = document.querySelector("thead th:nth-child(8)")!.getBoundingClientRect();
        const corner = document.querySelector("thead th:first-child")!.getBoundingClientRect();
        const rowNumber = document.querySelector("tbody tr:nth-child(20) th")!;
        const numberBox = rowNumber.getBoundingClientRect();
        const right = document.elementFromPoint(numberBox.right + 5, numberBox.top + 3);
        const top = document.elementFromPoint(scroll.left + corner.width + 30, scroll.top + 3);
        return {
          headerOnTop: Math.round(header.top - scroll.top),
          cornerAt: [Math.round(corner.left - scroll.left), Math.round(corner.top - scroll.top)],
          numberAtLeft: Math.round(numberBox.left - scroll.left),
          rightOfNumber: right?.tagName,
          atTop: top?.closest("thead") ? "column letter" : top?.tagName,
        };
      });
      expect(layout).toEqual({
        headerOnTop: 0,
        cornerAt: [0, 0],
        numberAtLeft: 0,
        rightOfNumber: "TD",
        atTop: "column letter",
      });
    } finally {
      await grid.close();
    }
  }, 60_000);

  it("a company on several rows: copies go in one click, differing rows are compared and one kept (French, 350 px)", async () => {
    const grid = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await grid.goto(`${site.origin}/preview.html?lang=fr`);
      await grid.getByRole("button", { name: "Utiliser cette plateforme" }).click();
      await grid.getByRole("button", { name: "Insérer le tableau d'import" }).click();
      await grid.getByText("Lignes", { exact: true }).waitFor();
      const copy = validClient(0, 8_400_000, "dup");
      const other = validClient(1, 8_400_000, "dup");
      const cave = validClient(2, 8_400_000, "dup");
      const line = (client: Record<string, Cell>) => KEYS.map((key) => client[key]);
      await pasteRows(
        grid,
        "A2",
        [
          line(copy),
          line(other),
          line(copy),
          line({ ...cave, city: "Wavre" }),
          line({ ...cave, city: "Ottignies-Louvain-la-Neuve", contactEmail: "info@cave.be" }),
        ],
        "Lignes"
      );
      const section = grid.getByRole("region", { name: "Doublons" });
      await section.getByText("1 ligne est la copie d'une autre").waitFor();
      const compare = section.getByRole("group", { name: /^Lignes 5, 6 : une même société/ });
      await compare.getByRole("cell", { name: "Ottignies-Louvain-la-Neuve" }).waitFor();
      // The comparison fits the pane: nothing of the pane scrolls sideways but the table.
      const pane = await grid.locator("#root").boundingBox();
      expect(pane!.width).toBeLessThanOrEqual(400);
      await section.scrollIntoViewIfNeeded();
      await checkpoint("duplicates", grid);
      await section
        .getByRole("button", { name: "Garder la première, supprimer les autres (1)" })
        .click();
      await section.getByText("1 ligne supprimée.").waitFor();
      // The copy went: the company's rows moved up one.
      await section
        .getByRole("group", { name: /^Lignes 4, 5 : une même société/ })
        .getByRole("button", { name: "Garder la ligne 4" })
        .click();
      // Three rows left, as the grid shows them (it redraws what the workbook holds).
      await grid.waitForFunction(
        () =>
          document.querySelector('td[data-address="A5"]')?.textContent === "" &&
          document.querySelector('td[data-address="A4"]')?.textContent !== ""
      );
      await section.getByText("1 ligne supprimée.").waitFor();
      await grid.getByText("Aucun problème : toutes les lignes sont prêtes.").waitFor();
      await checkpoint("duplicates-settled", grid);
    } finally {
      await grid.close();
    }
  }, 90_000);

  it("every page names an icon that exists: the browser asks for no missing file", async () => {
    const visitor = await browser.newPage({ viewport: { width: 350, height: 900 } });
    try {
      const missing: string[] = [];
      visitor.on("response", (response) => {
        if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
      });
      await visitor.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      for (const path of ["taskpane.html", "preview.html", "support.html", "privacy.html"]) {
        await visitor.goto(`${site.origin}/${path}`);
        const icon = await visitor.evaluate(
          () => (document.querySelector('link[rel="icon"]') as HTMLLinkElement | null)?.href
        );
        expect({ path, icon }).toEqual({ path, icon: `${site.origin}/assets/icon-32.png` });
        const answer = await visitor.request.get(icon!);
        expect(answer.headers()["content-type"]).toBe("image/png");
      }
      // The sandbox's sign-in page points to no icon, and its /favicon.ico is no error.
      expect((await visitor.request.get(`${sandbox.url}/favicon.ico`)).status()).toBe(204);
      expect(missing).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 60_000);

  it("the task pane runs under its Content-Security-Policy: nothing refused, Fluent's styles applied", async () => {
    const pane = await browser.newPage({ viewport: { width: 350, height: 900 } });
    try {
      const refused: string[] = [];
      pane.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      // Offline here: Office's CDN is refused at once, and the pane runs as a preview.
      await pane.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
      await pane.goto(`${site.origin}/taskpane.html`);
      await pane.getByRole("heading", { name: "Client Import for Banqup" }).waitFor();
      const policy = await pane.evaluate(
        () =>
          document
            .querySelector('meta[http-equiv="Content-Security-Policy"]')
            ?.getAttribute("content") ?? ""
      );
      expect(policy).toContain(`connect-src 'self' ${new URL(sandbox.url).origin}`);
      // Griffel's inserted rules took: the heading is semibold, as Fluent draws it.
      const weight = await pane.evaluate(
        () => getComputedStyle(document.querySelector("h1")!).fontWeight
      );
      expect(weight).toBe("600");
      expect(refused).toEqual([]);
    } finally {
      await pane.close();
    }
  }, 60_000);
});
