import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ProfileId } from "../../src/core";
import { App } from "../../src/taskpane/App";
import type { PaneServices } from "../../src/taskpane/services";
import type { FakeExcel } from "../../in-memory-excel";
import { runOf } from "../../testkit/excel-run";
import { settle } from "./settle";

/** The pane in French inside the in-memory Excel, with services of the test's own. */
export function renderPane(
  excel: FakeExcel,
  services: Partial<PaneServices> = {},
  region: ProfileId = "be"
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App
        initialLanguage="fr"
        initialRegion={region}
        inExcel
        services={{
          run: runOf(excel),
          requirements: excel.requirements,
          apiUrl: "http://127.0.0.1:4000",
          ...services,
        }}
      />
    </FluentProvider>
  );
}

/** Chooses the proposed platform and inserts the template, as a user starts; its sheet's name. */
export async function insertTemplateFromPane(excel: FakeExcel): Promise<string> {
  fireEvent.click(await screen.findByRole("button", { name: "Utiliser cette plateforme" }));
  fireEvent.click(await screen.findByRole("button", { name: "Insérer le tableau d'import" }));
  await screen.findByText("Lignes");
  await settle(excel);
  return "Clients Banqup";
}
