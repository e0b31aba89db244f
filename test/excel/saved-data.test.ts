import { parseAreaSpec, parseCatalog } from "../../src/excel";

describe("what the workbook saved, read back (a user may have edited the file elsewhere)", () => {
  it("an area: a table or a sheet with a header row, anything else is no area", () => {
    expect(parseAreaSpec({ kind: "table", table: "Clients" })).toEqual({
      kind: "table",
      table: "Clients",
    });
    expect(parseAreaSpec({ kind: "sheet", sheet: "Export", headerRow: 2 })).toMatchObject({
      headerRow: 2,
    });
    expect(parseAreaSpec({ kind: "sheet", sheet: "Export", headerRow: -1 })).toBeUndefined();
    expect(parseAreaSpec({ kind: "sheet", sheet: "Export", headerRow: 1.5 })).toBeUndefined();
    expect(parseAreaSpec({ kind: "range", sheet: "Export" })).toBeUndefined();
    expect(parseAreaSpec("Clients")).toBeUndefined();
    // Column choices that are not text are dropped, the area stays.
    expect(parseAreaSpec({ kind: "table", table: "Clients", overrides: { tva: 3 } })).toEqual({
      kind: "table",
      table: "Clients",
      overrides: undefined,
    });
  });
  it("a template catalog: templates without an id or a name are left out, odd lists emptied", () => {
    const catalog = parseCatalog([
      { id: "t1", name: "Standard", description: "d", users: ["Anna", 3], integrations: "x" },
      { id: "t2", description: "no name" },
      null,
      { id: "t3", name: "PME", description: 12 },
    ]);
    expect(catalog).toEqual([
      { id: "t1", name: "Standard", description: "d", users: ["Anna"], integrations: [] },
      { id: "t3", name: "PME", description: null, users: [], integrations: [] },
    ]);
    expect(parseCatalog({ templates: [] })).toBeUndefined();
  });
});
