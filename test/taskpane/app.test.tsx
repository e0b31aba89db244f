import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/strings";
import { UI_LANGUAGES, uiLanguageOf, type ProfileId, type UiLang } from "../../src/core";

const render = (lang: UiLang, region: ProfileId, inExcel = false) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={lang} initialRegion={region} inExcel={inExcel} />
    </FluentProvider>
  );

describe("task pane", () => {
  it("lists the Belgian template's columns with their rules, in French", () => {
    const html = render("fr", "be");
    expect(html).toContain("Import de clients pour Banqup");
    expect(html).toContain("Raison sociale");
    expect(html).toContain("Numéro d&#x27;entreprise");
    expect(html).toContain("17 colonnes, dont 6 obligatoires");
    expect(html).toContain("10 chiffres sans points ni espaces");
  });
  it("lists the Moroccan template's columns, in Dutch", () => {
    const html = render("nl", "ma");
    expect(html).toContain("Klantnaam");
    expect(html).toContain("12 kolommen, waarvan 5 verplicht");
  });
  it("says when Excel is not connected, and nothing when it is (the pane is short)", () => {
    expect(render("en", "be", false)).toContain("Preview: Excel is not connected");
    expect(render("en", "be", true)).not.toContain("Preview: Excel is not connected");
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
