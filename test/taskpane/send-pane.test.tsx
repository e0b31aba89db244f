/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/taskpane.html"}
 */
// The pane's origin is the add-in's, so the sandbox's CORS rules apply as in Office.
import "../support/jsdom-web";
import "whatwg-fetch";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryTokenStore } from "../../src/api";
import { getProfile } from "../../src/core";
import { columnLetters, DialogClosed, formatStatus, parseStatus } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { createConnection } from "../../src/taskpane/connection";
import { ADDIN_CLIENT_ID, DEFAULT_REDIRECT_URI } from "../../src/sandbox/server";
import { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";
import { VALID } from "../../testkit/judge";
import { belgianNumber } from "../../testkit/oracles";
import {
  api,
  automationToken,
  BELGIAN_CLIENT,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "../sandbox/start-sandbox";
import { clientFor } from "../send/helpers";
import { settle } from "./settle";
import { signInAs } from "./sign-in-as";
import "../support/layout";

// jsdom lacks WebCrypto's digest, TextEncoder and a layout engine: what the pane needs of them.

const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);

function row(i: number, changes: Record<string, unknown> = {}) {
  const enterprise = belgianNumber(`0${String(500 + i).padStart(7, "0")}`);
  const values: Record<string, unknown> = {
    ...VALID.be,
    companyName: `Client ${i}`,
    enterpriseNumber: enterprise,
    vatNumber: `BE${enterprise}`,
    configurationTemplate: "",
    ...changes,
  };
  return KEYS.map((key) => values[key]);
}

/** A client made in Banqup's own screens, for the pane to load. */
function paneClient(n: number) {
  const enterprise = belgianNumber(`0${String(700 + n).padStart(7, "0")}`);
  return {
    companyName: `Pane ${n}`,
    contactEmail: `pane${n}@example.be`,
    enterpriseNumber: enterprise,
    vatNumber: `BE${enterprise}`,
  };
}

describe("signing in and sending from the pane (sandbox on loopback)", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(withAutomation("be"));
  });
  afterAll(() => sandbox.close());

  function pane(
    excel: FakeExcel,
    email = "sophie@fiduciaire-lambert.be",
    password = "sandbox-be",
    open: (url: string) => Promise<string> = signInAs(email, password)
  ) {
    const connection = createConnection({
      apiUrl: sandbox.url,
      clientId: ADDIN_CLIENT_ID,
      redirectUri: DEFAULT_REDIRECT_URI,
      open,
      store: new MemoryTokenStore(),
    });
    return render(
      <FluentProvider theme={webLightTheme}>
        <App initialLanguage="fr" inExcel services={{ run: runOf(excel), connection }} />
      </FluentProvider>
    );
  }

  /** The template inserted, rows typed into it, and signed in: the pane ready to send. */
  async function readyToSend(rows: unknown[][]) {
    const excel = new FakeExcel();
    pane(excel);
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
    await screen.findByText("Lignes");
    const sheet = "Clients Banqup";
    await act(() => excel.user.type(sheet, "A2", rows));
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "Se connecter à Banqup" }));
    expect(
      await screen.findByText(/Connecté à Fiduciaire Lambert/, {}, { timeout: 5000 })
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));
    return { excel, sheet };
  }

  it("signs in, shows the partner, confirms a summary and writes each row's status", async () => {
    const { excel, sheet } = await readyToSend([
      row(1),
      row(2),
      row(3, { contactEmail: "pas-un-email" }),
    ]);

    fireEvent.click(await screen.findByRole("checkbox", { name: /^Inviter chaque client/ }));
    // Nothing has failed yet: nothing to retry.
    const retry = screen.getByRole("button", { name: "Renvoyer les lignes en échec" });
    expect(retry.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(
      await screen.findByRole("button", { name: "Envoyer toutes les lignes valides" })
    );
    const summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    // It takes the focus, and states every consequence and every row left out.
    expect(summary.contains(document.activeElement)).toBe(true);
    expect(within(summary).getByText("À créer : 2")).toBeTruthy();
    expect(
      within(summary).getByText("E-mails d'invitation envoyés aux contacts des clients : 2")
    ).toBeTruthy();
    expect(
      within(summary).getByText(
        "Inscriptions à la facturation électronique sur Peppol demandées (mandat Oui) : 2"
      )
    ).toBeTruthy();
    expect(within(summary).getByText("Invalides, ignorées : 1")).toBeTruthy();
    expect(within(summary).getByText("Ligne 4")).toBeTruthy();
    fireEvent.click(within(summary).getByRole("button", { name: "Créer 2 clients" }));
    const done = await screen.findByText(
      "Terminé. Créés : 2, en échec : 0, non envoyés : 1.",
      {},
      { timeout: 5000 }
    );
    // The outcome takes the focus: the confirm button is gone.
    await waitFor(() => expect(document.activeElement?.contains(done)).toBe(true));
    await settle(excel);
    const status = columnLetters(KEYS.length);
    const written = excel
      .values(sheet, `${status}2:${status}4`)
      .map((line) => parseStatus(line[0]));
    expect(written.map((s) => s?.kind)).toEqual(["created", "created", "skipped"]);
    const count = sandbox.db
      .prepare(
        "SELECT COUNT(*) AS n FROM clients WHERE partner_id = 'pa_be' AND data LIKE '%\"Client %'"
      )
      .get() as { n: number };
    expect(count.n).toBe(2);
  }, 30_000);

  it("shows the partner's templates as soon as the user signs in, described in the pane's language", async () => {
    await readyToSend([row(51)]);
    // The Send tab says truthfully what the mandate column does (it is not sent as typed).
    expect(
      await screen.findByText(
        "Mandat : Oui (ou Ja, Yes) inscrit le client à la facturation électronique sur Peppol ; Non ou vide ne demande rien."
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Modèles" }));
    expect(
      await screen.findByText("Sophie suit le client ; les factures vont dans Exact Online.")
    ).toBeTruthy();
    expect(screen.queryByText(/Sophie follows the client/)).toBeNull();
  }, 30_000);

  it("loads the partner's clients, updates the rows edited in the sheet, and settles one changed in Banqup too", async () => {
    const client = clientFor(sandbox);
    const made = await Promise.all(
      [1, 2].map((n) =>
        client.createClient(
          { ...BELGIAN_CLIENT, ...paneClient(n) },
          `cix_pane${String(n).padStart(36, "0")}`
        )
      )
    );
    const excel = new FakeExcel();
    pane(excel);
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
    await screen.findByText("Lignes");
    fireEvent.click(screen.getByRole("button", { name: "Se connecter à Banqup" }));
    await screen.findByText(/Connecté à Fiduciaire Lambert/, {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));

    fireEvent.click(
      await screen.findByRole("button", { name: "Charger les clients depuis Banqup" })
    );
    const loaded = await screen.findByText(/clients? ajoutés?/, {}, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement?.contains(loaded)).toBe(true));
    await settle(excel);
    const sheet = "Clients Banqup";
    const status = columnLetters(KEYS.length);
    const city = columnLetters(KEYS.indexOf("city"));
    const rowOf = (id: string) => {
      const lines = excel.values(sheet, `${status}2:${status}2000`);
      return lines.findIndex((line) => parseStatus(line[0])?.clientId === id) + 2;
    };
    const [first, second] = made.map((created) => rowOf(created.id));
    expect(first).toBeGreaterThan(1);
    await act(() => excel.user.type(sheet, `${city}${first}`, [["Namur"]]));
    await act(() => excel.user.type(sheet, `${city}${second}`, [["Namur"]]));
    await settle(excel);
    // The Send tab says what changed since the rows were sent, field by field.
    expect(
      await screen.findByText(
        `Ligne ${first}, modifiée depuis l'envoi : Commune/ville (vide → Namur)`
      )
    ).toBeTruthy();
    // So does the selected cell's panel, for the row it is on.
    await act(() => excel.user.select(sheet, `${city}${first}`));
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    const selected = (
      await screen.findByRole("heading", { name: /^Cellule sélectionnée/ })
    ).closest("section")!;
    expect(
      await within(selected).findByText(
        `Ligne ${first}, modifiée depuis l'envoi : Commune/ville (vide → Namur)`
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));
    // A colleague changes the second client's city in Banqup meanwhile.
    const call = api(sandbox.url, await automationToken(sandbox.url));
    await call(`/sandbox/clients/${made[1]!.id}`, { method: "PATCH", body: { city: "Gent" } });

    fireEvent.click(
      await screen.findByRole(
        "button",
        { name: "Mettre à jour dans Banqup (2)" },
        { timeout: 5000 }
      )
    );
    const summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    fireEvent.click(within(summary).getByRole("button", { name: "Mettre à jour 2 clients" }));
    const group = await screen.findByRole(
      "region",
      { name: "Modifiés aussi dans Banqup (1)" },
      { timeout: 5000 }
    );
    const card = within(group).getByRole("group", { name: `Ligne ${second} : Pane 2` });
    expect(within(card).getByText("Feuille : Namur")).toBeTruthy();
    expect(within(card).getByText("Banqup : Gent")).toBeTruthy();
    fireEvent.click(within(card).getByRole("radio", { name: "Prendre celle de Banqup" }));
    fireEvent.click(within(card).getByRole("button", { name: "Appliquer" }));
    expect(
      await screen.findByText(/Ligne \d+ : la feuille et Banqup concordent \(version 2\)\./)
    ).toBeTruthy();
    await settle(excel);
    expect(excel.values(sheet, `${city}${second}`)[0]![0]).toBe("Gent");
    const stored = (id: string) =>
      JSON.parse(
        (sandbox.db.prepare("SELECT data FROM clients WHERE id = ?").get(id) as { data: string })
          .data
      );
    expect([stored(made[0]!.id).city, stored(made[1]!.id).city]).toEqual(["Namur", "Gent"]);
  }, 60_000);

  it("updates in Banqup the client of a row edited after it was created", async () => {
    const { excel, sheet } = await readyToSend([row(61), row(62)]);
    const sendAll = async () => {
      fireEvent.click(
        await screen.findByRole("button", { name: "Envoyer toutes les lignes valides" })
      );
      return screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    };
    fireEvent.click(within(await sendAll()).getByRole("button", { name: "Créer 2 clients" }));
    await screen.findByText(/^Terminé\. Créés : 2/, {}, { timeout: 5000 });
    const city = columnLetters(KEYS.indexOf("city"));
    await act(() => excel.user.type(sheet, `${city}3`, [["Namur"]]));
    await settle(excel);
    const summary = await sendAll();
    expect(
      within(summary).getByText("Modifiées après leur création, Banqup diffère : 1")
    ).toBeTruthy();
    // The update of a row the user changed is on by default; unticked, only nothing is left.
    const update = within(summary).getByRole("checkbox", { name: "Mettre à jour dans Banqup" });
    expect((update as HTMLInputElement).checked).toBe(true);
    expect(within(summary).getByText("À mettre à jour dans Banqup : 1")).toBeTruthy();
    fireEvent.click(update);
    expect(within(summary).queryByText("À mettre à jour dans Banqup : 1")).toBeNull();
    fireEvent.click(update);
    fireEvent.click(within(summary).getByRole("button", { name: "Mettre à jour 1 client" }));
    expect(await screen.findByText(/1 client mis à jour\./, {}, { timeout: 5000 })).toBeTruthy();
    const stored = sandbox.db
      .prepare(
        "SELECT data FROM clients WHERE partner_id = 'pa_be' AND data LIKE '%\"Client 62\"%'"
      )
      .get() as { data: string };
    expect(JSON.parse(stored.data).city).toBe("Namur");
  }, 30_000);

  it("offers to retry the rows whose last send failed, once there are some", async () => {
    const { excel, sheet } = await readyToSend([row(41), row(42)]);
    const retry = await screen.findByRole("button", { name: "Renvoyer les lignes en échec" });
    expect(retry.getAttribute("aria-disabled")).toBe("true");
    // The sheet as an earlier send left it: row 3's client was refused.
    fireEvent.click(screen.getByRole("tab", { name: "Vérifier" }));
    const status = columnLetters(KEYS.length);
    const failed = formatStatus({ kind: "failed", detail: "refusé par l'API" }, "fr");
    await act(() => excel.user.type(sheet, `${status}3`, [[failed]]));
    await settle(excel);
    fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));
    const active = await screen.findByRole("button", { name: "Renvoyer les lignes en échec (1)" });
    expect(active.getAttribute("aria-disabled")).toBeNull();
    fireEvent.click(active);
    const summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    expect(within(summary).getByText("À créer : 1")).toBeTruthy();
  }, 30_000);

  it("a row with no number like an existing client is created only when the user says so", async () => {
    const noNumber = { enterpriseNumber: "", vatNumber: "", contactEmail: "compta@maison-31.be" };
    const { excel, sheet } = await readyToSend([row(31, noNumber)]);
    fireEvent.click(
      await screen.findByRole("button", { name: "Envoyer toutes les lignes valides" })
    );
    let summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    fireEvent.click(within(summary).getByRole("button", { name: "Créer 1 client" }));
    await screen.findByText(/Terminé. Créés : 1/, {}, { timeout: 5000 });

    // Another shop with the same contact address and no number either.
    await act(() => excel.user.type(sheet, "A3", [row(32, noNumber)]));
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "Envoyer toutes les lignes valides" }));
    summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    expect(
      within(summary).getByText(
        "Sans numéro, et un client a la même adresse e-mail de contact ou le même nom : 1"
      )
    ).toBeTruthy();
    // Nothing to create yet: said as text, not as a button that does nothing.
    expect(within(summary).getByText("Rien à envoyer.")).toBeTruthy();
    expect(within(summary).queryByRole("button", { name: /Créer/ })).toBeNull();
    fireEvent.click(
      within(summary).getByRole("checkbox", { name: "Créer quand même ces clients" })
    );
    fireEvent.click(within(summary).getByRole("button", { name: "Créer 1 client" }));
    expect(
      await screen.findByText(/Terminé. Créés : 1, en échec : 0/, {}, { timeout: 5000 })
    ).toBeTruthy();
    const shops = sandbox.db
      .prepare(
        "SELECT COUNT(*) AS n FROM clients WHERE partner_id = 'pa_be' AND contact_email = 'compta@maison-31.be'"
      )
      .get() as { n: number };
    expect(shops.n).toBe(2);
  }, 30_000);

  it("a row deleted between the summary and its confirmation: the new summary is shown, nothing sent", async () => {
    const { excel, sheet } = await readyToSend([row(21), row(22)]);
    fireEvent.click(
      await screen.findByRole("button", { name: "Envoyer toutes les lignes valides" })
    );
    let summary = await screen.findByRole("region", { name: "Avant l'envoi" }, { timeout: 5000 });
    expect(within(summary).getByText("À créer : 2")).toBeTruthy();
    // Client 21's row goes, a new one comes: still two rows to create, but not the same.
    await act(async () => {
      await excel.user.deleteRows(sheet, 2);
      await excel.user.type(sheet, "A3", [row(23)]);
    });
    await settle(excel);
    fireEvent.click(within(summary).getByRole("button", { name: "Créer 2 clients" }));
    expect(await screen.findByText(/La feuille a changé depuis ce récapitulatif/)).toBeTruthy();
    summary = screen.getByRole("region", { name: "Avant l'envoi" });
    expect(within(summary).getByText("À créer : 2")).toBeTruthy();
    const created = () =>
      (
        sandbox.db
          .prepare(
            "SELECT COUNT(*) AS n FROM clients WHERE partner_id = 'pa_be' AND data LIKE '%\"Client 2_\"%'"
          )
          .get() as { n: number }
      ).n;
    expect(created()).toBe(0);
    // Confirmed as it is now: the rows there are the ones created.
    fireEvent.click(within(summary).getByRole("button", { name: "Créer 2 clients" }));
    expect(
      await screen.findByText(/Terminé. Créés : 2, en échec : 0/, {}, { timeout: 5000 })
    ).toBeTruthy();
    expect(created()).toBe(2);
    const names = (
      sandbox.db.prepare("SELECT data FROM clients WHERE partner_id = 'pa_be'").all() as {
        data: string;
      }[]
    )
      .map(({ data }) => JSON.parse(data).companyName as string)
      .filter((name) => /^Client 2\d$/.test(name));
    expect(names.sort()).toEqual(["Client 22", "Client 23"]);
  }, 30_000);

  it("explains a region mismatch between the workbook and the partner, and does not offer sending", async () => {
    const excel = new FakeExcel();
    pane(excel, "karima@cabinet-benali.ma", "sandbox-ma");
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
    await screen.findByText("Lignes");
    fireEvent.click(screen.getByRole("button", { name: "Se connecter à Banqup" }));
    expect(
      await screen.findByText(
        /Ce classeur est destiné à la plateforme Belgique/,
        {},
        { timeout: 5000 }
      )
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Envoyer toutes les lignes valides" })).toBeNull();
  }, 30_000);

  it("a window closed after a failed attempt is a failure, closed untried a cancel", async () => {
    // The user types a wrong password; the sign-in page tells the pane (what its notice script
    // sends by messageParent), then the user closes the window.
    const failsThenCloses = async (url: string) => {
      const query = Object.fromEntries(new URL(url).searchParams);
      // The sign-in page is asked to speak the pane's language.
      expect(query.ui_locales).toBe("fr");
      const page = await (
        await fetch(url.replace(/\?.*$/, ""), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            ...query,
            email: "sophie@fiduciaire-lambert.be",
            password: "x",
          }),
        })
      ).text();
      expect(page).toContain('<script src="/oauth/sign-in-notice.js"></script>');
      const failure = /data-sign-in-failed="([^"]+)"/.exec(page)![1]!;
      throw new DialogClosed(12006, failure);
    };
    const first = pane(new FakeExcel(), "", "", failsThenCloses);
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Se connecter à Banqup" }));
    expect(
      await screen.findByText(
        "La connexion a échoué : Adresse e-mail ou mot de passe incorrect.",
        {},
        { timeout: 5000 }
      )
    ).toBeTruthy();
    first.unmount();
    pane(new FakeExcel(), "", "", async () => {
      throw new DialogClosed(12006);
    });
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Se connecter à Banqup" }));
    expect(await screen.findByText("La connexion a été annulée.")).toBeTruthy();
  }, 30_000);

  it("says why a sign-in failed", async () => {
    const excel = new FakeExcel();
    pane(excel, "sophie@fiduciaire-lambert.be", "wrong-password");
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Se connecter à Banqup" }));
    expect(await screen.findByText(/La connexion a échoué/, {}, { timeout: 5000 })).toBeTruthy();
  }, 30_000);
});
