import {
  duplicateSets,
  getProfile,
  LiveSheet,
  Validator,
  type Cell,
  type Problem,
} from "../../src/core";
import { SharedIdentities } from "../../src/core/duplicates";
import { VALID } from "../../testkit/judge";
import { belgianNumber } from "../../testkit/oracles";

const be = getProfile("be");
const row = (changes: Record<string, Cell> = {}) =>
  be.fields.map((field) => ({ ...VALID.be, ...changes })[field.key]);
const FIRST_ROW = 2;

/** The live sheet's problems of every row, in sheet order. */
function liveProblems(live: LiveSheet): Problem[] {
  return Array.from({ length: live.length }, (_, i) => live.problemsOf(i)).flat();
}

/** The same rows judged in bulk, as the CLI does. */
function bulkProblems(rows: Cell[][]): Problem[] {
  const validator = new Validator(be, { headerLang: "fr" });
  return validator.validateRows(rows.map((cells, i) => ({ row: FIRST_ROW + i, cells }))).problems;
}

describe("duplicates while the sheet changes", () => {
  const other = belgianNumber("04685610");
  const rows = [
    row(),
    row({ vatNumber: "" }),
    row({ enterpriseNumber: "", vatNumber: `BE${other}` }),
    row({ enterpriseNumber: other, vatNumber: "" }),
    row({ enterpriseNumber: "", vatNumber: "BE 0403 019 261" }),
    row({ enterpriseNumber: belgianNumber("01234567"), vatNumber: "" }),
  ];

  it("says what the CLI says, same company across the two number columns included", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    live.update(0, rows);
    const problems = liveProblems(live);
    expect(problems).toEqual(bulkProblems(rows));
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, "enterpriseNumber.sameCompany"],
      [2, "vatNumber.sameCompany"],
      [3, "enterpriseNumber.sameCompany"],
      [4, "vatNumber.sameCompany"],
      [5, "enterpriseNumber.sameCompany"],
      [6, "vatNumber.format"],
      [6, "vatNumber.sameCompany"],
    ]);
  });

  it("keeps saying it after edits break and make groups", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    live.update(0, rows);
    liveProblems(live);
    const edited = [...rows];
    edited[2] = row({ enterpriseNumber: "", vatNumber: "" });
    edited[5] = row({ enterpriseNumber: other, vatNumber: "" });
    live.update(2, [edited[2]!]);
    live.update(5, [edited[5]!]);
    expect(liveProblems(live)).toEqual(bulkProblems(edited));
    expect(live.problemsOf(3).map((p) => [p.code, p.params])).toEqual([
      ["enterpriseNumber.duplicate", { rows: [7], more: 0 }],
    ]);
  });

  it("names three rows of a group of 10,000 and counts the rest", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    live.update(
      0,
      Array.from({ length: 10_000 }, () => row())
    );
    const groups = live.problemGroups();
    expect(groups.map((g) => [g.code, g.rows.length])).toEqual([
      ["enterpriseNumber.duplicate", 10_000],
      ["vatNumber.duplicate", 10_000],
    ]);
    expect(live.problemsOf(9_999)[0]).toMatchObject({
      row: 10_001,
      params: { rows: [2, 3, 4], more: 9_996 },
    });
    expect(live.problemsOf(1)[0]).toMatchObject({ params: { rows: [2, 4, 5], more: 9_996 } });
  });
});

describe("whether a row is a duplicate, kept as rows change", () => {
  // Few companies, so that edits keep making and breaking groups.
  const numbers = ["04685610", "01234567", "08765432"].map(belgianNumber);
  const rowOf = (pick: number): Cell[] => {
    const number = numbers[pick % numbers.length]!;
    if (pick % 7 === 6) return row({ enterpriseNumber: "", vatNumber: "" });
    return pick % 2
      ? row({ enterpriseNumber: number, vatNumber: "" })
      : row({ enterpriseNumber: "", vatNumber: `BE${number}` });
  };
  const verdicts = (live: LiveSheet) => ({
    summary: live.summary(),
    problems: Array.from({ length: live.length }, (_, i) => live.hasProblems(i)),
    valid: Array.from({ length: live.length }, (_, i) => live.isLocallyValid(i)),
  });

  it("after any edits, drops and a judging again, says what a sheet judged afresh says", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    let rows = Array.from({ length: 12 }, (_, i) => rowOf(i));
    live.update(0, rows);
    // A fixed sequence of picks (no randomness): edits of one row, of a block, drops.
    for (let step = 0; step < 60; step++) {
      const at = (step * 5) % rows.length;
      if (step % 11 === 10) {
        rows = rows.slice(0, rows.length - 2);
        live.update(0, [], rows.length);
      } else if (step % 4 === 3) {
        const block = [rowOf(step), rowOf(step + 3), rowOf(step * 2)];
        rows = [...rows.slice(0, at), ...block, ...rows.slice(at + 3)];
        live.update(at, block);
      } else {
        rows = rows.map((cells, i) => (i === at ? rowOf(step + 1) : cells));
        live.update(at, [rows[at]!]);
      }
      const afresh = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
      afresh.update(0, rows);
      expect(verdicts(live)).toEqual(verdicts(afresh));
    }
    expect(verdicts(live).summary.invalid).toBeGreaterThan(0);
    live.rejudge(new Validator(be, { headerLang: "fr" }));
    const afresh = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    afresh.update(0, rows);
    expect(verdicts(live)).toEqual(verdicts(afresh));
  });
});

describe("rows that share an identity, found as rows are judged", () => {
  const KEYS = ["enterpriseNumber", "vatNumber"];

  it("finds every repeat past the rows planned; one row holding it in two columns is no duplicate", () => {
    // Two unique columns compared together (an enterprise number and a VAT number), planned
    // for 2 rows, given 1,000 rows that each hold their company in both columns, then repeats.
    const shared = new SharedIdentities([0, 0]);
    shared.reset(2);
    const identity = (i: number) => `0${4_000_000_000 + i}`;
    for (let i = 0; i < 1000; i++) {
      shared.add(identity(i), i, 0);
      shared.add(identity(i), i, 1);
    }
    expect([...shared.problems([], KEYS)]).toEqual([]);
    for (let i = 0; i < 1000; i++) shared.add(identity(i), 1000 + i, 0);
    const rowNumbers = Array.from({ length: 2000 }, (_, i) => i + 2);
    const found = [...shared.problems(rowNumbers, KEYS)];
    // Each first row in both its columns, each repeat in the one it has.
    expect(found).toHaveLength(3000);
    const of = (index: number) => found.filter(([at]) => at === index).map(([, p]) => p);
    expect(of(7)).toEqual([
      expect.objectContaining({
        row: 9,
        code: "enterpriseNumber.duplicate",
        params: { rows: [1009], more: 0 },
      }),
      expect.objectContaining({
        row: 9,
        code: "vatNumber.sameCompany",
        params: { rows: [1009], more: 0 },
      }),
    ]);
    expect(of(1007)).toEqual([
      expect.objectContaining({
        row: 1009,
        code: "enterpriseNumber.duplicate",
        params: { rows: [9], more: 0 },
      }),
    ]);
  });
});

describe("duplicates as sets to settle", () => {
  const a = belgianNumber("04685610");
  const b = belgianNumber("01234567");

  it("joins rows of one company however they hold it, and says which fields differ", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    live.update(0, [
      row({ enterpriseNumber: a, vatNumber: "" }),
      row({ enterpriseNumber: b, vatNumber: "" }),
      // The same company as row 0, by its VAT number.
      row({ enterpriseNumber: "", vatNumber: `BE${a}`, city: "Namur" }),
      row({ enterpriseNumber: a, vatNumber: "" }),
    ]);
    expect(duplicateSets(live)).toEqual([
      { rows: [0, 2, 3], differing: ["enterpriseNumber", "vatNumber", "city"] },
    ]);
  });

  it("calls rows identical in every field copies, however many", () => {
    const live = new LiveSheet(new Validator(be, { headerLang: "fr" }), FIRST_ROW);
    live.update(0, [row(), row({ city: "Namur" }), row(), row({ enterpriseNumber: b }), row()]);
    const sets = duplicateSets(live);
    expect(sets).toEqual([{ rows: [0, 1, 2, 4], differing: ["city"] }]);
    live.update(1, [row()]);
    expect(duplicateSets(live)).toEqual([{ rows: [0, 1, 2, 4], differing: [] }]);
  });
});
