/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { getProfile } from "../../src/core";
import { columnLetters } from "../../src/excel";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import { belgianNumber } from "../../testkit/oracles";
import { insertTemplateFromPane, renderPane } from "./harness";
import { settle } from "./settle";
import "../support/layout";

const KEYS = getProfile("be").fields.map((field) => field.key);
const company = (name: string, serial: string, changes: Record<string, unknown> = {}) => {
  const number = belgianNumber(serial);
  const values: Record<string, unknown> = {
    ...VALID.be,
    companyName: name,
    enterpriseNumber: number,
    vatNumber: `BE${number}`,
    ...changes,
  };
  return KEYS.map((key) => values[key]);
};

/** The company names down the table, from sheet row 2. */
const names = (excel: FakeExcel, sheet: string, last: number) =>
  excel.values(sheet, `A2:A${last}`).map(([name]) => name);

async function sheetWithDuplicates(excel: FakeExcel): Promise<string> {
  renderPane(excel);
  const sheet = await insertTemplateFromPane(excel);
  const copy = company("Brasserie A", "01000001");
  await act(() =>
    excel.user.type(sheet, "A2", [
      copy,
      company("Atelier B", "02000002"),
      copy,
      copy,
      company("Cave C", "03000003", { city: "Wavre" }),
      company("Cave C", "03000003", { city: "Ottignies-Louvain-la-Neuve" }),
    ])
  );
  await settle(excel);
  return sheet;
}

describe("duplicates in the Check tab", () => {
  it("deletes a company's copies in one click, keeping the first, and Undo puts them back", async () => {
    const excel = new FakeExcel();
    const sheet = await sheetWithDuplicates(excel);
    const section = screen.getByRole("region", { name: "Doublons" });
    expect(
      within(section).getByText(
        "2 lignes sont des copies d'autres, identiques dans chaque colonne."
      )
    ).toBeTruthy();
    fireEvent.click(
      within(section).getByRole("button", { name: "Garder la première, supprimer les autres (2)" })
    );
    await settle(excel);
    expect(names(excel, sheet, 5)).toEqual(["Brasserie A", "Atelier B", "Cave C", "Cave C"]);
    expect(await screen.findByText("2 lignes supprimées.")).toBeTruthy();
    // Brasserie A is alone now: only Cave C is still a duplicate.
    expect(screen.queryByText(/lignes sont des copies/)).toBeNull();
    fireEvent.click(within(section).getByRole("button", { name: "Annuler" }));
    await settle(excel);
    expect(await screen.findByText("2 lignes remises.")).toBeTruthy();
    expect(names(excel, sheet, 7)).toEqual([
      "Brasserie A",
      "Atelier B",
      "Brasserie A",
      "Brasserie A",
      "Cave C",
      "Cave C",
    ]);
  });

  it("shows differing rows side by side and keeps the one the user picks", async () => {
    const excel = new FakeExcel();
    const sheet = await sheetWithDuplicates(excel);
    const compare = screen.getByRole("group", { name: /^Lignes 6, 7 : une même société/ });
    const table = within(compare).getByRole("table");
    const cells = within(table)
      .getAllByRole("row")
      .map((row) =>
        within(row)
          .queryAllByRole("cell")
          .map((cell) => cell.textContent)
      );
    expect(cells[1]).toEqual(["Wavre", "Ottignies-Louvain-la-Neuve"]);
    fireEvent.click(within(compare).getByRole("button", { name: "Garder la ligne 7" }));
    await settle(excel);
    expect(names(excel, sheet, 6)).toEqual([
      "Brasserie A",
      "Atelier B",
      "Brasserie A",
      "Brasserie A",
      "Cave C",
    ]);
    const city = columnLetters(KEYS.indexOf("city"));
    expect(excel.values(sheet, `${city}6`)).toEqual([["Ottignies-Louvain-la-Neuve"]]);
    expect(screen.queryByRole("group", { name: /^Lignes 6, 7/ })).toBeNull();
  });
});
