import { getProfile, Validator, type Cell, type Problem, type ProfileId } from "../../src/core";
import { generateRows } from "../../testkit/generate-rows";

/**
 * Judging many rows at once (a paste, a file) must say exactly what judging each row alone
 * says, plus the duplicates (docs/rules.md). The reference below is the plain reading of that
 * rule, with no care for speed: each row judged alone, every row sharing an identity with
 * another named, everything sorted by row then column.
 */
function reference(validator: Validator, inputs: { row: number; cells: readonly Cell[] }[]) {
  const { profile } = validator;
  const order = new Map(profile.fields.map((field, i) => [field.key, i]));
  const keys = validator.uniqueKeys;
  const judged = inputs.flatMap((input) => {
    const alone = validator.validateRow(input);
    const live = validator.judgeLive(input);
    return alone && live ? [{ row: input.row, alone, identities: live.identities }] : [];
  });
  const problems: Problem[] = judged.flatMap((row) => row.alone.problems);
  keys.forEach((key, u) => {
    const slot = validator.identitySlots[u]!;
    for (const row of judged) {
      const identity = row.identities[u];
      if (identity === undefined) continue;
      // Every row holding this identity in a column of the same slot (itself counted once).
      const group = judged.filter((other) =>
        other.identities.some(
          (value, w) => validator.identitySlots[w] === slot && value === identity
        )
      );
      if (group.length < 2) continue;
      const sameField = group.every((other) => other.identities[u] === identity);
      // The message names the first three other rows and counts the rest.
      const named = group
        .filter((other) => other !== row)
        .slice(0, 3)
        .map((other) => other.row);
      problems.push({
        row: row.row,
        field: key,
        code: `${key}.${sameField ? "duplicate" : "sameCompany"}`,
        params: { rows: named, more: group.length - 1 - named.length },
        fix: null,
      });
    }
  });
  const byPlace = (a: Problem, b: Problem) =>
    a.row - b.row || order.get(a.field)! - order.get(b.field)!;
  return {
    problems: problems.sort(byPlace),
    warnings: judged.flatMap((row) => row.alone.warnings).sort(byPlace),
  };
}

/**
 * The bench's own rows (its generator and seed), then copies of some of them: whole copies,
 * and copies with their first unique field emptied (the company known by another identifier).
 */
const inputsOf = (id: ProfileId, count: number) => {
  const profile = getProfile(id);
  const keys = profile.fields.map((field) => field.key);
  const rows = generateRows(id, count, keys);
  const firstUnique = profile.fields.findIndex((field) => field.unique);
  for (let i = 0; i < count; i += 37) {
    const copy = [...rows[i]!];
    if (i % 2 === 1) copy[firstUnique] = "";
    rows.push(copy);
  }
  return rows.map((cells, i) => ({ row: i + 2, cells }));
};

describe.each(["be", "ma"] as const)("judging many rows at once (%s)", (id) => {
  // A few thousand rows: the reference compares every row with every row.
  const inputs = inputsOf(id, 3_000);

  it("says of the bench's rows what judging each row alone says, plus the duplicates", () => {
    const validator = new Validator(getProfile(id));
    const result = validator.validateRows(inputs);
    const expected = reference(validator, inputs);
    expect(result.problems.length).toBeGreaterThan(100);
    const codes = new Set(result.problems.map((problem) => problem.code.split(".")[1]));
    expect(codes).toEqual(expect.objectContaining(new Set(["duplicate", "sameCompany"])));
    expect(result.problems).toEqual(expected.problems);
    expect(result.warnings).toEqual(expected.warnings);
  });

  it("says the same of rows that arrive out of sheet order", () => {
    const validator = new Validator(getProfile(id));
    const shuffled = [...inputs.slice(1500), ...inputs.slice(0, 1500).reverse()];
    const result = validator.validateRows(shuffled);
    const expected = reference(validator, inputs);
    expect(result.problems).toEqual(expected.problems);
    expect(result.warnings).toEqual(expected.warnings);
  });
});
