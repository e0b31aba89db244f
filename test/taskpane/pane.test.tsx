/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { getProfile, profileIdForLocale, uiLanguageOf } from "../../src/core";
import { columnLetters, SETTINGS, TABLE_NAME, type TemplateInfo } from "../../src/excel";
import { App } from "../../src/taskpane/App";
import { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";
import { VALID } from "../../testkit/judge";
import { settle } from "./settle";
import "../support/layout";

const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);
const column = (key: string) => columnLetters(KEYS.indexOf(key));
const row = (changes: Record<string, unknown> = {}) =>
  KEYS.map((key) => (key in changes ? changes[key] : VALID.be[key]));

const CATALOG: TemplateInfo[] = [
  {
    id: "tpl_1",
    name: "Standard",
    description: "Clients à la TVA trimestrielle",
    users: ["Sophie Lambert"],
    integrations: ["Octopus"],
  },
  { id: "tpl_2", name: "Horeca", description: null, users: [], integrations: [] },
];

function pane(
  excel: FakeExcel,
  fetchTemplates?: () => Promise<TemplateInfo[]>,
  displayLanguage = "fr-BE"
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App
        initialLanguage={uiLanguageOf(displayLanguage)}
        initialRegion={profileIdForLocale(displayLanguage)}
        inExcel
        services={{
          run: runOf(excel),
          requirements: excel.requirements,
          apiUrl: "http://127.0.0.1:4000",
          fetchTemplates,
        }}
      />
    </FluentProvider>
  );
}

async function insertedTemplate(excel: FakeExcel, fetchTemplates?: () => Promise<TemplateInfo[]>) {
  pane(excel, fetchTemplates);
  fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
  fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
  await screen.findByText("Lignes");
  await settle(excel);
  return "Clients Banqup";
}

/** Opens the problem list's "Sheet" menu and chooses one of its actions. */
async function sheetAction(name: string): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Lister ou filtrer" }));
  fireEvent.click(await screen.findByRole("menuitem", { name }));
}

function count(label: string): string {
  const status = screen.getAllByRole("status").find((node) => within(node).queryByText(label))!;
  return within(status).getByText(label).previousElementSibling!.textContent!;
}

describe("the task pane in Excel", () => {
  it("asks the region once and keeps it in the workbook", async () => {
    const excel = new FakeExcel();
    const first = pane(excel);
    expect(
      await screen.findByText("À quelle plateforme Banqup ce classeur est-il destiné ?")
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Maroc"));
    fireEvent.click(screen.getByRole("button", { name: "Utiliser cette plateforme" }));
    expect(await screen.findByText("Plateforme : Maroc")).toBeTruthy();
    // The question is gone: the focus is on the next step, not lost on the page.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("aria-labelledby")).toBe("setup-title")
    );
    expect(excel.settings()[SETTINGS.region]).toBe("ma");
    expect(screen.getByText(/API Partenaire : http:\/\/127.0.0.1:4000/)).toBeTruthy();
    first.unmount();
    pane(excel);
    expect(await screen.findByText("Plateforme : Maroc")).toBeTruthy();
    // Opened on a workbook that has its region: nothing was done here, the focus stays put.
    expect(document.activeElement).toBe(document.body);
    expect(
      screen.queryByText("À quelle plateforme Banqup ce classeur est-il destiné ?")
    ).toBeNull();
  });

  it("reopened on a workbook with its table, the pane leaves the focus where it is", async () => {
    const excel = new FakeExcel();
    await insertedTemplate(excel);
    cleanup();
    pane(excel);
    await screen.findByText("Lignes");
    await settle(excel);
    expect(document.activeElement).toBe(document.body);
  });

  it("proposes the platform of the display language's country: Morocco under fr-MA", async () => {
    pane(new FakeExcel(), undefined, "fr-MA");
    await screen.findByText("À quelle plateforme Banqup ce classeur est-il destiné ?");
    expect((screen.getByLabelText("Maroc") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Belgique") as HTMLInputElement).checked).toBe(false);
  });

  it("inserts the template, then counts and explains problems as the user types", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    expect(excel.table(TABLE_NAME)).toBeDefined();
    // The template is in: the focus moves to the client area's tabs.
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Vérifier" }));
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ country: "belgique" }),
        row({ enterpriseNumber: "0403019262", vatNumber: "" }),
      ])
    );
    await settle(excel);
    expect(count("Lignes")).toBe("2");
    expect(count("Valides")).toBe("0");
    expect(count("Avec problèmes")).toBe("2");
    const problems = screen
      .getByRole("heading", { name: "Problèmes par colonne" })
      .closest("section")!;
    expect(within(problems).getByText(/Code pays \(2 lettres\) · 1 ligne$/)).toBeTruthy();
    expect(within(problems).getByText(/Numéro d'entreprise · 1 ligne$/)).toBeTruthy();
    // Nothing a screen reader reads out (text or attribute) is an internal problem code.
    const code = new RegExp(`\\b(${KEYS.join("|")})\\.[a-z][A-Za-z]*\\b`);
    expect(document.body.innerHTML).not.toMatch(code);
    expect(
      within(problems).getByRole("listitem", { name: /^Code pays \(2 lettres\)/ })
    ).toBeTruthy();
  });

  it("fixes all like this in one click, and the highlights go", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ contactLocale: "FR_be", enterpriseNumber: "", vatNumber: "" }),
        row({ contactLocale: "nl_BE", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "Tout corriger ainsi (2)" }));
    await settle(excel);
    expect(excel.values(sheet, `${column("contactLocale")}2:${column("contactLocale")}3`)).toEqual([
      ["fr-BE"],
      ["nl-BE"],
    ]);
    expect(count("Valides")).toBe("2");
    expect(excel.highlightedCells(sheet, "A1:Q10")).toEqual([]);
    expect(screen.getByText("Aucun problème : toutes les lignes sont prêtes.")).toBeTruthy();
  });

  it("a fixed group keeps its place in the list until the pointer leaves it: the groups under it do not move", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ country: "belgique", contactLocale: "FR_be", enterpriseNumber: "", vatNumber: "" }),
        row({ country: "belgique", contactLocale: "nl_BE", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    const list = () =>
      screen
        .getByRole("heading", { name: "Problèmes par colonne" })
        .closest("section")!
        .querySelectorAll(":scope > ul > li");
    const headings = () => [...list()].map((item) => item.firstElementChild!.textContent);
    expect(headings()).toEqual([
      "Code pays (2 lettres) · 2 lignes",
      "Langue du contact · 2 lignes",
    ]);
    // The group's height as the browser laid it out (jsdom lays nothing out).
    const height = jest.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(96);
    fireEvent.click(
      within(list()[0] as HTMLElement).getByRole("button", { name: /^Tout corriger ainsi/ })
    );
    height.mockRestore();
    await settle(excel);
    expect(headings()).toEqual([
      "✓ Code pays (2 lettres) : corrigé",
      "Langue du contact · 2 lignes",
    ]);
    expect((list()[0] as HTMLElement).style.minHeight).toBe("96px");
    // Once the pointer has left the list, the place shrinks to its line; the line stays.
    fireEvent.pointerLeave(list()[0]!.parentElement!);
    expect((list()[0] as HTMLElement).style.minHeight).toBe("");
    expect(headings()[0]).toBe("✓ Code pays (2 lettres) : corrigé");
  });

  it("fixes everything certain in one click, two columns of one row included, and says how much", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ contactLocale: "FR_be", country: "belgique", enterpriseNumber: "", vatNumber: "" }),
        row({ contactLocale: "nl_BE", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    // Both rows are invalid, and certain fixes alone would repair both: the pane says so.
    expect(count("Valides")).toBe("0");
    expect(screen.getByText("Les corrections certaines règlent 2 lignes.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Corriger tout ce qui est certain (3)" }));
    await settle(excel);
    expect(excel.values(sheet, `${column("country")}2`)).toEqual([["BE"]]);
    expect(excel.values(sheet, `${column("contactLocale")}2:${column("contactLocale")}3`)).toEqual([
      ["fr-BE"],
      ["nl-BE"],
    ]);
    expect(screen.getByText("3 cellules modifiées.")).toBeTruthy();
    expect(count("Valides")).toBe("2");
    // The message has the focus and an Undo; the user has since retyped one of the cells.
    const undo = screen.getByRole("button", { name: "Annuler" });
    expect(undo.closest("[tabindex='-1']")).toBe(document.activeElement);
    await act(() => excel.user.type(sheet, `${column("contactLocale")}3`, [["en-BE"]]));
    await settle(excel);
    fireEvent.click(undo);
    await settle(excel);
    // What the add-in wrote is put back; the user's own value stays.
    expect(excel.values(sheet, `${column("country")}2`)).toEqual([["belgique"]]);
    expect(excel.values(sheet, `${column("contactLocale")}2:${column("contactLocale")}3`)).toEqual([
      ["FR_be"],
      ["en-BE"],
    ]);
    expect(
      screen.getByText("2 cellules rétablies ; 1 modifiée depuis, laissée telle quelle.")
    ).toBeTruthy();
    expect(count("Valides")).toBe("1");
  });

  it("lists every problem on a sheet of its own, values as text, with a link to each cell", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ contactEmail: "jan@acme" }),
        row({ enterpriseNumber: "0403019262", vatNumber: "" }),
      ])
    );
    await settle(excel);
    await sheetAction("Lister dans une feuille");
    expect(await screen.findByText("Problèmes listés dans la feuille « Problèmes ».")).toBeTruthy();
    const listed = excel.values("Problèmes", "A1:E3");
    expect(listed[0]).toEqual(["Ligne", "Colonne", "Valeur", "Problème", "Cellule"]);
    expect(listed.slice(1).map((line) => [line[0], line[1], line[2], line[4]])).toEqual([
      ["2", "E-mail du contact", "jan@acme", `${column("contactEmail")}2`],
      ["3", "Numéro d'entreprise", "0403019262", `${column("enterpriseNumber")}3`],
    ]);
    expect(String(listed[1]![3])).toMatch(/^« jan@acme » n'est pas une adresse e-mail valide/);
  });

  it("goes to a problem's cell and shows the selected cell's problem with its fix", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() => excel.user.type(sheet, "A2", [row({ iban: "be68 5390 0754 7034" })]));
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "Ligne 2" }));
    await settle(excel);
    expect(excel.selection()).toBe(`'${sheet}'!${column("iban")}2`);
    expect(screen.getByText(`Cellule sélectionnée · ${column("iban")}2`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Corriger : BE68539007547034" }));
    await settle(excel);
    expect(excel.values(sheet, `${column("iban")}2`)).toEqual([["BE68539007547034"]]);
    expect(await screen.findByText("Aucun problème dans cette cellule.")).toBeTruthy();
  });

  it("a likely typo in an e-mail domain is to check, with a suggestion, and the row stays valid", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() => excel.user.type(sheet, "A2", [row({ contactEmail: "sophie@gmail.con" })]));
    await settle(excel);
    expect(count("Valides")).toBe("1");
    expect(excel.highlightedCells(sheet, "A1:Q5")).toEqual([]);
    const toCheck = screen.getByRole("heading", { name: "À vérifier" }).closest("section")!;
    expect(
      within(toCheck).getByText(
        "Le domaine ressemble à une faute de frappe d'un fournisseur de messagerie courant."
      )
    ).toBeTruthy();
    fireEvent.click(within(toCheck).getByRole("button", { name: "Ligne 2" }));
    await settle(excel);
    expect(
      screen.getByText(
        "À vérifier : « sophie@gmail.con » ressemble à une faute de frappe : vouliez-vous dire sophie@gmail.com ?"
      )
    ).toBeTruthy();
    // Not among the certain fixes: "fix everything" does not touch it.
    expect(screen.queryByRole("button", { name: /^Corriger tout ce qui est certain/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Remplacer par sophie@gmail.com" }));
    await settle(excel);
    expect(excel.values(sheet, `${column("contactEmail")}2`)).toEqual([["sophie@gmail.com"]]);
    expect(screen.queryByRole("heading", { name: "À vérifier" })).toBeNull();
  });

  it("a mandate written Ja or yes in a French sheet is sent as Oui, and offered as the list writes it", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    const mandate = column("mandate");
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ mandate: "Ja", enterpriseNumber: "", vatNumber: "" }),
        row({ mandate: "yes", enterpriseNumber: "", vatNumber: "" }),
        row({ mandate: "Nee", enterpriseNumber: "", vatNumber: "" }),
        row({ mandate: "Oui", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    // Understood: the rows are valid and nothing is highlighted.
    expect(count("Valides")).toBe("4");
    expect(excel.highlightedCells(sheet, "A1:Q6")).toEqual([]);
    const toCheck = screen.getByRole("heading", { name: "À vérifier" }).closest("section")!;
    expect(within(toCheck).getByText("Mandat · 3 lignes")).toBeTruthy();
    fireEvent.click(within(toCheck).getByRole("button", { name: "Tout corriger ainsi (3)" }));
    await settle(excel);
    expect(excel.values(sheet, `${mandate}2:${mandate}5`)).toEqual([
      ["Oui"],
      ["Oui"],
      ["Non"],
      ["Oui"],
    ]);
    expect(screen.queryByRole("heading", { name: "À vérifier" })).toBeNull();
  });

  it("hides the rows without problems in the sheet, and shows them all again", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ companyName: "Un" }),
        row({ companyName: "Deux", postalCode: "999", enterpriseNumber: "", vatNumber: "" }),
        row({ companyName: "Trois", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    await sheetAction("Masquer les lignes sans problème");
    expect(
      await screen.findByText(
        "1 ligne avec problèmes reste affichée ; les autres sont masquées dans la feuille."
      )
    ).toBeTruthy();
    expect(excel.hiddenRows(sheet)).toEqual([2, 4]);
    await sheetAction("Afficher toutes les lignes");
    expect(await screen.findByText("Toutes les lignes du tableau sont affichées.")).toBeTruthy();
    expect(excel.hiddenRows(sheet)).toEqual([]);
  });

  it("reaches every problem: a group shows all its rows on request, and next/previous step through them", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    // Eight bad contact languages (more than a group lists at first), and one bad country.
    const rows = Array.from({ length: 8 }, (_, i) =>
      row({ contactLocale: "xx", enterpriseNumber: "", vatNumber: "", companyName: `C${i}` })
    );
    rows[3] = row({ country: "XX", enterpriseNumber: "", vatNumber: "" });
    await act(() => excel.user.type(sheet, "A2", rows));
    await settle(excel);
    const locales = screen.getByRole("listitem", { name: /^Langue du contact/ });
    expect(within(locales).getAllByRole("button", { name: /^Ligne / })).toHaveLength(5);
    fireEvent.click(within(locales).getByRole("button", { name: "Afficher les 7 lignes" }));
    expect(
      within(locales)
        .getAllByRole("button", { name: /^Ligne / })
        .map((button) => button.textContent)
    ).toEqual(["Ligne 2", "Ligne 3", "Ligne 4", "Ligne 6", "Ligne 7", "Ligne 8", "Ligne 9"]);

    // Next problem from nowhere: the first one; then in sheet order, row by row.
    fireEvent.click(screen.getByRole("button", { name: "Problème suivant" }));
    await settle(excel);
    expect(excel.selection()).toBe(`'${sheet}'!${column("contactLocale")}2`);
    for (const expected of [3, 4]) {
      fireEvent.keyDown(document.body, { key: "ArrowDown", altKey: true });
      await settle(excel);
      expect(excel.selection()).toBe(`'${sheet}'!${column("contactLocale")}${expected}`);
    }
    fireEvent.keyDown(document.body, { key: "ArrowDown", altKey: true });
    await settle(excel);
    expect(excel.selection()).toBe(`'${sheet}'!${column("country")}5`);
    fireEvent.keyDown(document.body, { key: "ArrowUp", altKey: true });
    await settle(excel);
    expect(excel.selection()).toBe(`'${sheet}'!${column("contactLocale")}4`);
  });

  it("loads the templates at once, shows what each does and applies one to the selected rows", async () => {
    const excel = new FakeExcel();
    let fetched = 0;
    const sheet = await insertedTemplate(excel, async () => {
      fetched++;
      return CATALOG;
    });
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ configurationTemplate: "Inconnu" }),
        row({ configurationTemplate: "", enterpriseNumber: "", vatNumber: "" }),
      ])
    );
    await settle(excel);
    fireEvent.click(screen.getByRole("tab", { name: "Modèles" }));
    // No "Refresh" needed: they were fetched when the client area opened.
    expect(await screen.findByText("Clients à la TVA trimestrielle")).toBeTruthy();
    expect(fetched).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "Actualiser depuis Banqup" }));
    await waitFor(() => expect(fetched).toBe(2));
    expect(screen.getByText("Utilisateurs : Sophie Lambert")).toBeTruthy();
    expect(screen.getByText("Intégrations : Octopus")).toBeTruthy();
    await settle(excel);
    expect(excel.highlightedCells(sheet, "A1:Q10")).toEqual([
      `${column("configurationTemplate")}2`,
    ]);
    await act(() => excel.user.select(sheet, "A2:A3"));
    fireEvent.change(screen.getByLabelText("Modèle de configuration"), {
      target: { value: "Horeca" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Appliquer aux lignes sélectionnées (2)" }));
    await settle(excel);
    const templates = column("configurationTemplate");
    expect(excel.values(sheet, `${templates}2:${templates}3`)).toEqual([["Horeca"], ["Horeca"]]);
    expect(excel.highlightedCells(sheet, "A1:Q10")).toEqual([]);
  });

  it("says how to get templates when not signed in", async () => {
    const excel = new FakeExcel();
    await insertedTemplate(excel);
    fireEvent.click(screen.getByRole("tab", { name: "Modèles" }));
    expect(
      screen.getByText("Connectez-vous à Banqup pour actualiser les modèles de configuration.")
    ).toBeTruthy();
  });

  it("offers to reuse the template when it is already there", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    fireEvent.click(screen.getByRole("button", { name: "Utiliser une autre feuille" }));
    fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
    expect(
      await screen.findByText(
        `Ce classeur contient déjà le tableau d'import, sur la feuille « ${sheet} ». Rien n'a été modifié.`
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Vérifier cette feuille" }));
    expect(await screen.findByText("Lignes")).toBeTruthy();
  });

  it("maps a sheet the user already has, with corrections", async () => {
    const excel = new FakeExcel();
    await excel.user.type("Sheet1", "A1", [
      [
        "Société cliente",
        "Pays",
        "Email de contact",
        "Prénom du contact",
        "Nom de famille du contact",
        "Langue du contact (locale)",
      ],
      ["Boulangerie Dupont", "BE", "marie@dupont.be", "Marie", "Dupont", "fr-BE"],
      ["Garage Martin", "XX", "luc@martin.be", "Luc", "Martin", "fr-BE"],
    ]);
    pane(excel);
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
    fireEvent.click(await screen.findByRole("button", { name: "Utiliser la feuille active" }));
    expect(await screen.findByText("Colonnes de « Sheet1 » (en-têtes en ligne 1)")).toBeTruthy();
    expect(
      screen.getByText(/Obligatoires, sans colonne pour l'instant : Raison sociale/)
    ).toBeTruthy();
    // Each column says its letter and shows its first values, to be recognised by.
    const companyColumn = screen.getByLabelText("Colonne A : Société cliente");
    expect(screen.getByText("ex. : Boulangerie Dupont · Garage Martin")).toBeTruthy();
    fireEvent.change(companyColumn, { target: { value: "companyName" } });
    expect(screen.queryByText(/Obligatoires, sans colonne/)).toBeNull();
    // The same field for two columns: said, and nothing is checked until one is let go.
    fireEvent.change(screen.getByLabelText("Colonne D : Prénom du contact"), {
      target: { value: "companyName" },
    });
    expect(
      screen.getByText(
        "« Raison sociale » est choisi pour les colonnes A et D. Ne le gardez que pour une seule."
      )
    ).toBeTruthy();
    const check = screen.getByRole("button", { name: "Vérifier cette feuille" });
    expect((check as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Colonne D : Prénom du contact"), {
      target: { value: "contactFirstName" },
    });
    expect(screen.queryByText(/est choisi pour les colonnes/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Vérifier cette feuille" }));
    await screen.findByText("Lignes");
    await settle(excel);
    expect(count("Lignes")).toBe("2");
    expect(count("Avec problèmes")).toBe("1");
    expect(excel.highlightedCells("Sheet1", "A1:F5")).toEqual(["B3"]);
  });

  it("switches language", async () => {
    const excel = new FakeExcel();
    await insertedTemplate(excel);
    fireEvent.change(screen.getByLabelText("Langue"), { target: { value: "nl" } });
    expect(await screen.findByText("Rijen")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Geselecteerde cel" })).toBeTruthy();
  });

  it("an Excel error is shown while it lasts, and goes once a change is checked again", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    excel.failNextSyncs("GeneralException");
    await act(() => excel.user.type(sheet, "A2", [row({ country: "XX" })]));
    await settle(excel);
    expect(
      screen.getByText(/Excel a refusé la dernière modification \(GeneralException\)/)
    ).toBeTruthy();
    await act(() => excel.user.type(sheet, "A3", [row({ enterpriseNumber: "", vatNumber: "" })]));
    await settle(excel);
    expect(screen.queryByText(/Excel a refusé/)).toBeNull();
    expect(excel.highlightedCells(sheet, "A1:R5")).toEqual([`${column("country")}2`]);
  });

  it("says when rows typed under the table are left out, and takes them in", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() => excel.user.type(sheet, "A2", [row()]));
    await settle(excel);
    excel.state.autoExpandTables = false;
    await act(() =>
      excel.user.type(sheet, "A3", [row({ enterpriseNumber: "", vatNumber: "", country: "XX" })])
    );
    await settle(excel);
    expect(
      screen.getByText(/La ligne 3 est sous le tableau mais n'en fait pas partie : elle n'est ni/)
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Les ajouter au tableau" }));
    await settle(excel);
    expect(screen.queryByText(/sont sous le tableau/)).toBeNull();
    expect(count("Lignes")).toBe("2");
    expect(excel.highlightedCells(sheet, "A1:R5")).toEqual([`${column("country")}3`]);
  });

  it("a fix whose row changed on its way is not written, and the pane says so", async () => {
    const excel = new FakeExcel();
    const sheet = await insertedTemplate(excel);
    await act(() => excel.user.type(sheet, "A2", [row({ country: "belgique" })]));
    await settle(excel);
    await act(() => excel.user.select(sheet, `${column("country")}2`));
    await settle(excel);
    // Someone (a co-author) changes the row while the fix is on its way.
    excel.whileNextSyncTravels(() => excel.sheet(sheet).enter(1, KEYS.indexOf("city"), "Ailleurs"));
    fireEvent.click(screen.getByRole("button", { name: "Corriger : BE" }));
    expect(await screen.findByText(/Non écrit, car la ligne a changé/)).toBeTruthy();
    expect(excel.values(sheet, `${column("country")}2`)).toEqual([["belgique"]]);
  });
});
