import { ClientCredentials, PartnerApiClient } from "../../src/api";
import { LISTS_SHEET } from "../../src/excel";
import { fetchTemplateCatalog } from "../../src/taskpane/templates";
import {
  AUTOMATION,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "../sandbox/start-sandbox";
import { settled, templateWorkbook, uniqueValidRow } from "./helpers";

describe("configuration templates from the partner API (sandbox on loopback)", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox(withAutomation("be"));
  });
  afterAll(() => sandbox.close());

  it("fills the drop-down from the partner's own templates and checks names against them", async () => {
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, AUTOMATION.id, AUTOMATION.secret),
      region: "be",
    });
    const catalog = await fetchTemplateCatalog(client);
    const seeded = sandbox.db
      .prepare("SELECT name FROM templates WHERE partner_id = ? ORDER BY name")
      .all("pa_be") as { name: string }[];
    expect(catalog.map((t) => t.name).sort()).toEqual(seeded.map((t) => t.name));
    expect(catalog.some((t) => t.users.length > 0 && t.integrations.length > 0)).toBe(true);

    const book = await templateWorkbook("be", "fr");
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { configurationTemplate: catalog[0]!.name }),
      uniqueValidRow(book, 2, { configurationTemplate: "Pas un modèle" }),
    ]);
    await settled(book);
    await book.session.setCatalog(catalog);
    const listed = book.excel
      .values(LISTS_SHEET, `D2:D${catalog.length + 1}`)
      .map((line) => line[0]);
    expect(listed).toEqual(catalog.map((t) => t.name));
    expect(book.excel.highlightedCells(book.sheet, "A1:Q5")).toEqual([
      book.at(1, "configurationTemplate"),
    ]);
    expect(book.session.problemsOf(1).map((p) => p.code)).toEqual([
      "configurationTemplate.unknown",
    ]);
  });
});
