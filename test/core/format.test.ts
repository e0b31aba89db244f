import { CATALOGS, formatMessage } from "../../src/core";
import { translate } from "../../src/taskpane/strings";
import { STRINGS } from "../../src/taskpane/strings/all";

describe("one message formatter", () => {
  const rows = "{count, plural, one {# row} other {# rows}}";
  it("chooses the plural form with the language's rules", () => {
    expect(formatMessage(rows, "en", { count: 1 })).toBe("1 row");
    expect(formatMessage(rows, "en", { count: 0 })).toBe("0 rows");
    expect(formatMessage(rows, "en", { count: 2 })).toBe("2 rows");
    const lignes = "{count, plural, one {# ligne} other {# lignes}}";
    // French counts 0 and 1 as singular.
    expect(formatMessage(lignes, "fr", { count: 0 })).toBe("0 ligne");
    expect(formatMessage(lignes, "fr", { count: 1 })).toBe("1 ligne");
    expect(formatMessage(lignes, "fr", { count: 2 })).toBe("2 lignes");
  });
  it("prefers an exact choice, and fills placeholders inside a choice", () => {
    const template =
      "{n, plural, =0 {nothing} one {row {first}} other {rows {first} to {last} (#)}}";
    expect(formatMessage(template, "en", { n: 0, first: 3 })).toBe("nothing");
    expect(formatMessage(template, "en", { n: 1, first: 3 })).toBe("row 3");
    expect(formatMessage(template, "en", { n: 3, first: 3, last: 5 })).toBe("rows 3 to 5 (3)");
  });
  it("writes lists the language's way and counts them for plurals", () => {
    const template = "{rows, plural, one {row} other {rows}} {rows}";
    expect(formatMessage(template, "en", { rows: [3, 7, 9] })).toBe("rows 3, 7, and 9");
    expect(formatMessage(template, "fr", { rows: [3, 7, 9] })).toBe("rows 3, 7 et 9");
    expect(formatMessage(template, "nl", { rows: [3, 7, 9] })).toBe("rows 3, 7 en 9");
    expect(formatMessage(template, "en", { rows: [12] })).toBe("row 12");
  });
  it("leaves a placeholder without a value as written, so the gap shows", () => {
    expect(formatMessage("Row {row} of {total}", "en", { row: 2 })).toBe("Row 2 of {total}");
  });
  it("refuses a malformed template at once", () => {
    expect(() => formatMessage("{n, plural, one {x}}", "en", { n: 1 })).toThrow(/other/);
    expect(() => formatMessage("{n, plural, one {x} other {y}", "en", { n: 1 })).toThrow(/brace/);
  });
});

describe("pane strings with counts", () => {
  it("say one client and several clients in each language", () => {
    expect(translate("en", "confirmSend", { count: 1 })).toBe("Create 1 client");
    expect(translate("en", "confirmSend", { count: 75 })).toBe("Create 75 clients");
    expect(translate("fr", "confirmSend", { count: 1 })).toBe("Créer 1 client");
    expect(translate("nl", "confirmSend", { count: 1 })).toBe("1 klant aanmaken");
    expect(translate("fr", "rowsAffected", { count: 1 })).toBe("1 ligne");
    expect(translate("nl", "rowsAffected", { count: 4 })).toBe("4 rijen");
  });
  it("and the rules' messages parse in every language (a malformed one fails here)", () => {
    for (const [lang, strings] of [...Object.entries(STRINGS), ...Object.entries(CATALOGS)]) {
      for (const [key, template] of Object.entries(strings)) {
        expect([lang, key, typeof formatMessage(template, lang, { count: 2 })]).toEqual([
          lang,
          key,
          "string",
        ]);
      }
    }
  });
});
