/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { getProfile, type RegistryAnswer } from "../../src/core";
import { columnLetters, REGISTRY_SHEET } from "../../src/excel";
import type { RegistryLookup } from "../../src/taskpane/hooks/useRegistryCheck";
import { FakeExcel } from "../../in-memory-excel";
import { VALID } from "../../testkit/judge";
import { settle } from "./settle";
import { insertTemplateFromPane, renderPane } from "./harness";
import { registryAnswer } from "../support/registry";
import "../support/layout";

const be = getProfile("be");
const KEYS = be.fields.map((field) => field.key);
const row = (changes: Record<string, unknown>) =>
  KEYS.map((key) => (key in changes ? changes[key] : VALID.be[key]));

const official = (name: string) => registryAnswer(name);
const REGISTRY: Record<string, RegistryAnswer> = {
  "0403019261": official("BOULANGERIE DUPONT"),
  // Its SMP lists the BIS Billing invoice: it can receive invoices.
  "0123456749": registryAnswer("GARAGE MAES", {
    peppol: {
      checked: true,
      registered: false,
      participantId: "iso6523-actorid-upis::0208:0123456749",
      businessCardName: null,
      reachable: true,
      inSmp: true,
    },
  }),
};

/**
 * A lookup that answers one number per batch, and waits for the test before the second:
 * what it was asked is recorded, and a cancel stops it where it is.
 */
function steppedLookup() {
  const asked: string[][] = [];
  let release: () => void = () => undefined;
  const lookup: RegistryLookup = async (numbers, { signal, onBatch }) => {
    asked.push([...numbers]);
    const answers = new Map<string, RegistryAnswer>();
    for (const [i, number] of numbers.entries()) {
      if (i > 0)
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          signal?.addEventListener("abort", () => reject(new Error("cancelled")));
        });
      answers.set(number, REGISTRY[number]!);
      onBatch?.(new Map([[number, REGISTRY[number]!]]), i + 1, numbers.length);
    }
    return answers;
  };
  return { lookup, asked, next: () => release() };
}

describe("checking rows against the registries from the pane", () => {
  afterEach(cleanup);

  it("shows progress, cancels, remembers what it got, and asks only the rest next time", async () => {
    const excel = new FakeExcel();
    const first = steppedLookup();
    renderPane(excel, { registryLookup: first.lookup });
    const sheet = await insertTemplateFromPane(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ companyName: "Autre nom", mandate: "Non" }),
        row({
          enterpriseNumber: "0123456749",
          vatNumber: "",
          companyName: "Garage Maes SRL",
          street: "",
          houseNumber: "",
          postalBox: "",
          postalCode: "",
          city: "",
          mandate: "Non",
        }),
      ])
    );
    await settle(excel);

    fireEvent.click(screen.getByRole("button", { name: "Vérifier auprès des registres (2)" }));
    await screen.findByText("Vérification : 1 sur 2 numéros…");
    // The first answer shows at once, before the check is over.
    const toCheck = () => screen.getByRole("heading", { name: "À vérifier" }).closest("section")!;
    expect(within(toCheck()).getByText("Le nom diffère de celui du registre.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));
    await screen.findByText("Annulé : 1 vérifié, les autres n'ont pas été demandés.");
    await settle(excel);
    expect(first.asked).toEqual([["0403019261", "0123456749"]]);
    // Remembered in the workbook, out of sight, with the date of the answer.
    expect(excel.sheet(REGISTRY_SHEET).visibility).toBe("VeryHidden");
    expect(excel.values(REGISTRY_SHEET, "A2:B2")).toEqual([
      ["0403019261", "2026-11-29T10:00:00.000Z"],
    ]);

    // Reopened: the finding is there without asking; a check asks only the number left.
    cleanup();
    const second = steppedLookup();
    renderPane(excel, { registryLookup: second.lookup });
    await screen.findByText("Le nom diffère de celui du registre.");
    expect(second.asked).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Vérifier auprès des registres (2)" }));
    await screen.findByText("1 numéro vérifié : 1 actif, 0 inconnu ou inactif.");
    expect(
      screen.getByText(
        "Sur Peppol, selon la recherche Peppol : 1 peut recevoir des factures, 0 inscrit pour d'autres documents seulement, 0 absent de Peppol."
      )
    ).toBeTruthy();
    expect(second.asked).toEqual([["0123456749"]]);
    await settle(excel);

    // The second row's empty address, filled in one click for all rows.
    fireEvent.click(
      within(toCheck()).getByRole("button", { name: "Compléter depuis le registre (4)" })
    );
    await settle(excel);
    const street = columnLetters(KEYS.indexOf("street"));
    const city = columnLetters(KEYS.indexOf("city"));
    expect(excel.values(sheet, `${street}3`)).toEqual([["Rue Haute"]]);
    expect(excel.values(sheet, `${city}3`)).toEqual([["Bruxelles"]]);
    // All numbers answered: checking again says so, and offers to ask anew.
    fireEvent.click(screen.getByRole("button", { name: "Vérifier auprès des registres (2)" }));
    await screen.findByText(
      "Ces 2 numéros ont déjà été vérifiés ; les réponses sont gardées dans ce classeur."
    );
    expect(second.asked).toHaveLength(1);
  });

  it("says what was found, in the colour of the worst, and which rows share a number", async () => {
    const excel = new FakeExcel();
    const lookup: RegistryLookup = async (numbers, { onBatch }) => {
      const answers = new Map(
        numbers.map((number): [string, RegistryAnswer] => [
          number,
          REGISTRY[number] ?? { ...official(""), known: false, active: false, name: null },
        ])
      );
      onBatch?.(answers, numbers.length, numbers.length);
      return answers;
    };
    renderPane(excel, { registryLookup: lookup });
    const sheet = await insertTemplateFromPane(excel);
    await act(() =>
      excel.user.type(sheet, "A2", [
        row({ companyName: "Boulangerie Dupont" }),
        row({ companyName: "Boulangerie Dupont", contactEmail: "autre@dupont.be" }),
        row({ enterpriseNumber: "0202239951", vatNumber: "", companyName: "Inconnue" }),
      ])
    );
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "Vérifier auprès des registres (2)" }));
    const summary = await screen.findByText(
      "2 numéros vérifiés : 1 actif, 1 inconnu ou inactif. 1 ligne a le numéro d'une autre."
    );
    // Not a success: a number is unknown. The summary wears the warning's icon.
    const iconOf = (node: Element) =>
      node.closest(".fui-MessageBar")!.querySelector(".fui-MessageBar__icon")!.innerHTML;
    const reference = render(
      <MessageBar intent="warning">
        <MessageBarBody>reference</MessageBarBody>
      </MessageBar>
    );
    expect(iconOf(summary)).toBe(iconOf(within(reference.container).getByText("reference")));
    const toCheck = screen.getByRole("heading", { name: "À vérifier" }).closest("section")!;
    expect(within(toCheck).getByText("Numéro inconnu ou inactif dans les registres.")).toBeTruthy();
  });

  it("does not offer the check for Morocco, which has no registry to ask", async () => {
    const excel = new FakeExcel();
    const lookup = steppedLookup();
    renderPane(excel, { registryLookup: lookup.lookup }, "ma");
    await insertTemplateFromPane(excel);
    expect(screen.queryByRole("button", { name: /^Vérifier auprès des registres/ })).toBeNull();
    expect(screen.queryByText(/registres/)).toBeNull();
  });
});
