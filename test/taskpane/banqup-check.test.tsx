/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/taskpane.html"}
 */
// The pane's origin is the add-in's, so the sandbox's CORS rules apply as in Office.
import "../support/jsdom-web";
import "whatwg-fetch";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryTokenStore } from "../../src/api";
import { getProfile } from "../../src/core";
import { columnLetters } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { createConnection } from "../../src/taskpane/connection";
import { ICE_COMPANIES, unregisteredIce } from "../../src/sandbox/registries/fixture-ice";
import { ADDIN_CLIENT_ID, DEFAULT_REDIRECT_URI, defaultOptions } from "../../src/sandbox/server";
import { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";
import { VALID } from "../../testkit/judge";
import { startSandbox, type RunningSandbox } from "../sandbox/start-sandbox";
import { nodeGet } from "../support/node-get";
import { settle } from "./settle";
import { signInAs } from "./sign-in-as";
import "../support/layout";

const ma = getProfile("ma");
const KEYS = ma.fields.map((field) => field.key);
const ICE_COLUMN = columnLetters(KEYS.indexOf("ice"));
/** The rows (0-based) whose ICE passes its checksum but belongs to no company. */
const UNKNOWN = [4, 17, 38, 59, 76];

function row(k: number) {
  const values: Record<string, unknown> = {
    ...VALID.ma,
    companyName: `Société ${k} SARL`,
    ice: UNKNOWN.includes(k) ? unregisteredIce(k) : ICE_COMPANIES[k]!.ice,
    contactEmail: `contact${k}@client${k}.ma`,
  };
  return KEYS.map((key) => values[key]);
}

describe("Check with Banqup, in the pane (Moroccan partner, sandbox on loopback)", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const base = defaultOptions();
    sandbox = await startSandbox({ registries: { ...base.registries, fetch: nodeGet } });
  });
  afterAll(() => sandbox.close());

  it("marks exactly the 5 ICEs no company holds among 80 rows, in French, before any send; editing one clears its mark", async () => {
    const excel = new FakeExcel();
    const connection = createConnection({
      apiUrl: sandbox.url,
      clientId: ADDIN_CLIENT_ID,
      redirectUri: DEFAULT_REDIRECT_URI,
      open: signInAs("karima@cabinet-benali.ma", "sandbox-ma"),
      store: new MemoryTokenStore(),
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <App initialLanguage="fr" inExcel services={{ run: runOf(excel), connection }} />
      </FluentProvider>
    );
    fireEvent.click(await screen.findByLabelText("Maroc"));
    fireEvent.click(screen.getByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
    await screen.findByText("Lignes");
    const sheet = "Clients Banqup";
    await act(() =>
      excel.user.type(
        sheet,
        "A2",
        Array.from({ length: 80 }, (_, k) => row(k))
      )
    );
    await settle(excel);
    // Every row passes the sheet's rules: the ICEs are all valid by their checksum.
    expect(excel.highlightedCells(sheet)).toEqual([]);
    expect(screen.queryByRole("button", { name: /Vérifier avec Banqup/ })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Se connecter à Banqup" }));
    const check = await screen.findByRole(
      "button",
      { name: "Vérifier avec Banqup (80)" },
      { timeout: 5000 }
    );
    fireEvent.click(check);
    expect(
      await screen.findByText(
        "Banqup a vérifié 80 lignes : 5 refusées, marquées dans la feuille.",
        {},
        { timeout: 5000 }
      )
    ).toBeTruthy();
    await settle(excel);
    expect(excel.highlightedCells(sheet).sort()).toEqual(
      UNKNOWN.map((k) => `${ICE_COLUMN}${k + 2}`).sort()
    );
    // Listed like the sheet's own problems, in the pane's language.
    expect(
      screen.getAllByText(/Aucune entreprise ne porte cet ICE au registre/).length
    ).toBeGreaterThan(0);
    expect(screen.getByText("Avec problèmes").previousSibling?.textContent).toBe("5");
    expect(screen.getByRole("button", { name: "Vérifier avec Banqup (0)" })).toBeTruthy();
    // Nothing was sent.
    expect((sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients").get() as { n: number }).n).toBe(
      0
    );

    // The user corrects one ICE: its mark goes at once, the other four stay.
    await act(() =>
      excel.user.type(sheet, `${ICE_COLUMN}${UNKNOWN[0]! + 2}`, [[ICE_COMPANIES[200]!.ice]])
    );
    await settle(excel);
    expect(excel.highlightedCells(sheet).sort()).toEqual(
      UNKNOWN.slice(1)
        .map((k) => `${ICE_COLUMN}${k + 2}`)
        .sort()
    );
    expect(screen.getByText("Avec problèmes").previousSibling?.textContent).toBe("4");
    expect(screen.getByRole("button", { name: "Vérifier avec Banqup (1)" })).toBeTruthy();
  }, 30_000);
});
