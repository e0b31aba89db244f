/**
 * @jest-environment jsdom
 */
import { cleanup, render as renderPane, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/strings/all";
import { UI_LANGUAGES, uiLanguageOf, type ProfileId, type UiLang } from "../../src/core";

/** The pane outside Excel, once its screen there (a chunk of its own) is shown: its text. */
async function render(lang: UiLang, region: ProfileId, inExcel = false): Promise<string> {
  const { container } = renderPane(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={lang} initialRegion={region} inExcel={inExcel} />
    </FluentProvider>
  );
  await screen.findByRole("radiogroup");
  return container.textContent ?? "";
}

describe("task pane", () => {
  afterEach(cleanup);

  it("lists the Belgian template's columns with their rules, in French", async () => {
    const text = await render("fr", "be");
    expect(text).toContain("Import de clients pour Banqup");
    expect(text).toContain("Raison sociale");
    expect(text).toContain("Numéro d'entreprise");
    expect(text).toContain("17 colonnes, dont 6 obligatoires");
    expect(text).toContain("10 chiffres sans points ni espaces");
  });
  it("lists the Moroccan template's columns, in Dutch", async () => {
    const text = await render("nl", "ma");
    expect(text).toContain("Klantnaam");
    expect(text).toContain("12 kolommen, waarvan 5 verplicht");
  });
  it("says when Excel is not connected, and nothing when it is (the pane is short)", async () => {
    expect(await render("en", "be", false)).toContain("Preview: Excel is not connected");
    cleanup();
    expect(await render("en", "be", true)).not.toContain("Preview: Excel is not connected");
  });
  it("follows Office's display language, English by default", () => {
    expect(uiLanguageOf("fr-BE")).toBe("fr");
    expect(uiLanguageOf("nl-NL")).toBe("nl");
    expect(uiLanguageOf("de-DE")).toBe("en");
    expect(uiLanguageOf(undefined)).toBe("en");
  });
  it("has every string in every language", () => {
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(Object.keys(STRINGS.en).sort());
      for (const text of Object.values(STRINGS[lang])) expect(text.trim()).not.toBe("");
    }
  });
});
