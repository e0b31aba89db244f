import { describeProblem, findColumns, getProfile, validateSheet, type Cell } from "../../src/core";
import { VALID } from "../../testkit/judge";

const be = getProfile("be");
const ma = getProfile("ma");
const headersIn = (lang: "fr" | "nl" | "en" | "de", profile = be) =>
  profile.fields.map((f) => f.headers[lang] as string);
const rowOf = (profile = be, record: Record<string, Cell> = VALID[profile.id]) =>
  profile.fields.map((f) => record[f.key]);

describe("finding the header row and the columns", () => {
  it.each(["fr", "nl", "en", "de"] as const)(
    "reads Belgian headers in %s and detects the language",
    (lang) => {
      const mapping = findColumns(be, [headersIn(lang), rowOf()]);
      expect(mapping?.headerRow).toBe(0);
      expect(mapping?.columns).toEqual(be.fields.map((_, i) => i));
      expect(mapping?.headerLang).toBe(lang);
    }
  );
  it("ignores accents, case, spaces and a trailing * on required columns", () => {
    const headers = be.fields.map(
      (f) =>
        `  ${f.headers.fr
          .toUpperCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")}${f.required ? " *" : ""} `
    );
    expect(findColumns(be, [headers])?.columns).toEqual(be.fields.map((_, i) => i));
  });
  it("maps shuffled columns, with unknown columns and a title row above", () => {
    const order = [...be.fields.keys()].reverse();
    const headers = ["Notes", ...order.map((i) => be.fields[i]!.headers.en)];
    const mapping = findColumns(be, [["Client import — October"], [], headers]);
    expect(mapping?.headerRow).toBe(2);
    expect(mapping?.columns[0]).toBe(headers.indexOf("Company name"));
    expect(mapping?.columns[16]).toBe(1);
  });
  it("accepts a short form and known other names", () => {
    const mapping = findColumns(be, [["Raison sociale", "Pays", "Numéro de TVA", "E-mail"]]);
    expect(mapping?.columns.slice(0, 3)).toEqual([0, 1, 3]);
    expect(mapping?.columns[7]).toBe(2);
  });
  it("tells the Moroccan 'Langue' from 'Langue contact'", () => {
    const mapping = findColumns(ma, [["Langue contact", "Langue", "Nom client"]]);
    expect(mapping?.columns[8]).toBe(1);
    expect(mapping?.columns[10]).toBe(0);
  });
  it("finds no header row in a sheet without one", () => {
    expect(
      findColumns(be, [
        ["a", "b"],
        ["1", "2"],
      ])
    ).toBeUndefined();
    expect(findColumns(be, [])).toBeUndefined();
  });
});

describe("judging a whole sheet", () => {
  it("reports a missing required column once, on the header row, and not on every row", () => {
    const keep = be.fields.filter((f) => f.key !== "contactLocale");
    const second: Record<string, Cell> = {
      ...VALID.be,
      enterpriseNumber: "0123456749",
      vatNumber: "BE0123456749",
    };
    const sheet = [
      keep.map((f) => f.headers.fr),
      keep.map((f) => VALID.be[f.key]),
      keep.map((f) => second[f.key]),
    ];
    const result = validateSheet(be, sheet);
    expect(result?.problems).toEqual([
      { row: 1, field: "contactLocale", code: "contactLocale.missingColumn", fix: null },
    ]);
    expect(result?.rowCount).toBe(2);
  });
  it("skips rows whose cells are all empty and numbers rows as the sheet does", () => {
    const sheet = [
      headersIn("fr"),
      rowOf(),
      be.fields.map(() => "  "),
      [],
      rowOf(be, { ...VALID.be, enterpriseNumber: "1", vatNumber: "" }),
    ];
    const result = validateSheet(be, sheet);
    expect(result?.rowCount).toBe(2);
    expect(result?.problems.map((p) => [p.row, p.code])).toEqual([[5, "enterpriseNumber.format"]]);
  });
  it("reports duplicates on every row that shares the value, naming the others", () => {
    const other = { ...VALID.be, vatNumber: "", enterpriseNumber: "0403.019.261" };
    const sheet = [
      headersIn("fr"),
      rowOf(),
      rowOf(be, other),
      rowOf(be, { ...VALID.be, enterpriseNumber: "0123456749", vatNumber: "" }),
      rowOf(),
    ];
    const problems = validateSheet(be, sheet)!.problems.filter((p) =>
      /\.(duplicate|sameCompany)$/.test(p.code)
    );
    // Row 3 has no VAT number: for the VAT cells of rows 2 and 5 it is the same company.
    expect(problems.map((p) => [p.row, p.code, p.params?.rows])).toEqual([
      [2, "enterpriseNumber.duplicate", [3, 5]],
      [2, "vatNumber.sameCompany", [3, 5]],
      [3, "enterpriseNumber.duplicate", [2, 5]],
      [5, "enterpriseNumber.duplicate", [2, 3]],
      [5, "vatNumber.sameCompany", [2, 3]],
    ]);
    const [first] = problems;
    expect(describeProblem(first!, "en", be)).toBe(
      "The same value is on rows 3 and 5: each client must appear once."
    );
    expect(describeProblem(first!, "fr", be)).toMatch(/^La même valeur figure aux lignes 3 et 5 :/);
  });
  it("finds the same company written as a VAT number on one row and an enterprise number on another", () => {
    const sheet = [
      headersIn("fr"),
      rowOf(be, { ...VALID.be, vatNumber: "" }),
      rowOf(be, { ...VALID.be, enterpriseNumber: "", vatNumber: "BE 0403.019.261" }),
    ];
    const problems = validateSheet(be, sheet)!.problems;
    expect(problems.map((p) => [p.row, p.code, p.params?.rows])).toEqual([
      [2, "enterpriseNumber.sameCompany", [3]],
      [3, "vatNumber.format", undefined],
      [3, "vatNumber.sameCompany", [2]],
    ]);
    expect(describeProblem(problems[0]!, "en", be)).toMatch(/^The same company is on row 3, /);
  });
  it("names three other rows and counts the rest, whatever the size of the group", () => {
    const sheet = [headersIn("fr"), ...Array.from({ length: 4000 }, () => rowOf())];
    const { problems } = validateSheet(be, sheet)!;
    expect(problems).toHaveLength(8000);
    const last = problems.at(-1)!;
    expect(last).toMatchObject({ row: 4001, params: { rows: [2, 3, 4], more: 3996 } });
    expect(describeProblem(last, "en", be)).toBe(
      "The same value is on rows 2, 3, and 4 (and 3996 more): each client must appear once."
    );
    expect(JSON.stringify(problems).length).toBeLessThan(1_000_000);
  });
  it("accepts the Yes/No of the sheet's header language", () => {
    const sheet = [headersIn("nl"), rowOf(be, { ...VALID.be, mandate: "Nee" })];
    expect(validateSheet(be, sheet)?.problems).toEqual([]);
  });
});
