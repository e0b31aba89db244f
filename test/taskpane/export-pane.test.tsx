/**
 * @jest-environment jsdom
 */
import { blobAt } from "../support/jsdom-web";
import { fireEvent, screen, within, act } from "@testing-library/react";
import { getProfile, platformHeaderOf } from "../../src/core";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import { settle } from "./settle";
import { insertTemplateFromPane, renderPane } from "./harness";
import "../support/layout";

const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);
const row = (changes: Record<string, unknown>) =>
  KEYS.map((key) => (key in changes ? changes[key] : VALID.be[key]));

describe("exporting the platform's import file from the pane", () => {
  it("signed out, opens the valid rows (fixes applied) as a new workbook and lists the rows left out", async () => {
    const excel = new FakeExcel();
    renderPane(excel, { createWorkbook: excel.createWorkbook });
    await insertTemplateFromPane(excel);
    await act(() =>
      excel.user.type("Clients Banqup", "A2", [
        row({
          enterpriseNumber: "0403.019.261",
          vatNumber: "",
          country: "belgique",
          configurationTemplate: "",
        }),
        row({ enterpriseNumber: "0123456749", vatNumber: "", contactEmail: "jan@acme" }),
        row({
          enterpriseNumber: "0202239951",
          vatNumber: "",
          externalReference: "=1+1",
          mandate: "Non",
        }),
      ])
    );
    await settle(excel);

    fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));
    fireEvent.click(
      await screen.findByRole("button", { name: "Exporter pour la page d'import de Banqup" })
    );
    await screen.findByText(/^2 lignes ont été copiées dans un nouveau classeur/);
    expect(
      screen.getByText(
        /1 ligne a été laissée de côté, encore invalide après les corrections certaines/
      )
    ).toBeTruthy();
    const leftOut = screen.getByRole("list", { name: "Lignes laissées de côté (1)" });
    expect(within(leftOut).getByRole("button", { name: "Ligne 3" })).toBeTruthy();
    expect(
      within(leftOut).getByText(/« jan@acme » n'est pas une adresse e-mail valide/)
    ).toBeTruthy();

    expect(excel.openedWorkbooks).toHaveLength(1);
    const [sheet] = excel.openedWorkbooks[0]!.sheets;
    expect(sheet!.cells[0]).toEqual(
      be.fields.map((field) => platformHeaderOf(field) + (field.required ? " *" : ""))
    );
    const at = (line: number, key: string) => sheet!.cells[line]![KEYS.indexOf(key)];
    expect(sheet!.cells).toHaveLength(3);
    expect([at(1, "enterpriseNumber"), at(1, "country"), at(1, "configurationTemplate")]).toEqual([
      "0403019261",
      "BE",
      undefined,
    ]);
    expect([at(2, "enterpriseNumber"), at(2, "externalReference"), at(2, "mandate")]).toEqual([
      "0202239951",
      "=1+1",
      "Non",
    ]);
    // Text cells, written with Excel's text format.
    expect(sheet!.textFormatted[1]![KEYS.indexOf("enterpriseNumber")]).toBe(true);
    // The user's workbook is as it was: the fix went into the file, not into the sheet.
    expect(excel.values("Clients Banqup", "G2")).toEqual([["0403.019.261"]]);
    // Here no new workbook can be shown (no Office platform said where): the file is offered
    // to download, the very bytes opened as the new workbook.
    expect(screen.getByText(/^Ici, aucun classeur ne peut s'ouvrir/)).toBeTruthy();
    const link = screen.getByRole("link", { name: "Télécharger le fichier (.xlsx)" });
    expect(link.getAttribute("download")).toMatch(/^banqup-import-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = new Uint8Array(await blobAt(link.getAttribute("href")!)!.arrayBuffer());
    expect(String.fromCharCode(file[0]!, file[1]!)).toBe("PK");
    expect(file.length).toBeGreaterThan(1000);
  });

  it.each([
    ["window", /^Excel l'a ouvert dans une nouvelle fenêtre/],
    ["tab", /^Excel pour le web l'a ouvert dans un nouvel onglet du navigateur/],
  ] as const)(
    "in Excel (%s), says where the new workbook is, and offers no download",
    async (place, words) => {
      const excel = new FakeExcel();
      renderPane(excel, { createWorkbook: excel.createWorkbook, newWorkbookPlace: place });
      await insertTemplateFromPane(excel);
      await act(() => excel.user.type("Clients Banqup", "A2", [row({})]));
      await settle(excel);
      fireEvent.click(screen.getByRole("tab", { name: "Envoyer" }));
      fireEvent.click(
        await screen.findByRole("button", { name: "Exporter pour la page d'import de Banqup" })
      );
      expect(await screen.findByText(words)).toBeTruthy();
      expect(screen.queryByRole("link", { name: "Télécharger le fichier (.xlsx)" })).toBeNull();
    }
  );
});
