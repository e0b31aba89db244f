import { columnLetters, formatStatus, readStatuses } from "../../src/excel";
import { settled, templateWorkbook, uniqueValidRow, type TemplateWorkbook } from "./helpers";

/** The status cell of data row `index`, as the user reads it. */
const statusOf = (book: TemplateWorkbook, index: number) => {
  const column = columnLetters(book.session.profile.fields.length);
  return book.excel.values(book.sheet, `${column}${index + 2}`)[0]![0];
};

describe("the status column states each row's problems in words, before sending", () => {
  it("says how many problems and in which columns, follows the fixes, and empties once valid", async () => {
    const book = await templateWorkbook("be", "fr");
    await book.excel.user.type(book.sheet, "A2", [
      book.row({ iban: "BE68 5390 0754 7035 00", contactEmail: "marie@" }),
      book.row({ companyName: "Autre SRL", enterpriseNumber: "", vatNumber: "" }),
    ]);
    await settled(book);
    expect(statusOf(book, 0)).toBe("⚠ 2 problèmes : E-mail du contact, IBAN");
    // A valid row's status stays empty.
    expect(statusOf(book, 1)).toBe("");

    await book.excel.user.type(book.sheet, book.at(0, "contactEmail"), [["marie@dupont.be"]]);
    await settled(book);
    expect(statusOf(book, 0)).toBe("⚠ 1 problème : IBAN");
    await book.excel.user.type(book.sheet, book.at(0, "iban"), [["BE68539007547034"]]);
    await settled(book);
    expect(statusOf(book, 0)).toBe("");
  });

  it("rows with as many problems in other columns each name their own columns", async () => {
    const book = await templateWorkbook("be", "fr");
    await book.excel.user.type(book.sheet, "A2", [
      uniqueValidRow(book, 1, { contactEmail: "marie@" }),
      uniqueValidRow(book, 2, { iban: "BE00" }),
      uniqueValidRow(book, 3, { contactEmail: "jan@" }),
      uniqueValidRow(book, 4, { iban: "BE68 5390 0754 7035 00", contactEmail: "luc@" }),
    ]);
    await settled(book);
    expect(statusOf(book, 0)).toBe("⚠ 1 problème : E-mail du contact");
    expect(statusOf(book, 1)).toBe("⚠ 1 problème : IBAN");
    expect(statusOf(book, 2)).toBe("⚠ 1 problème : E-mail du contact");
    expect(statusOf(book, 3)).toBe("⚠ 2 problèmes : E-mail du contact, IBAN");
  });

  it("never writes over a send's status, and words in the sheet's language", async () => {
    const book = await templateWorkbook("be", "nl");
    const column = columnLetters(book.session.profile.fields.length);
    const sent = formatStatus({ kind: "created", clientId: "cl_1", detail: "cl_1" }, "nl");
    await book.excel.user.type(book.sheet, "A2", [
      [...uniqueValidRow(book, 1, { contactEmail: "marie@" }), sent],
      uniqueValidRow(book, 2, { contactEmail: "jan@" }),
    ]);
    await settled(book);
    expect(book.excel.values(book.sheet, `${column}2`)[0]![0]).toBe(sent);
    expect(statusOf(book, 1)).toBe("⚠ 1 probleem: E-mail contactpersoon");
  });
});

describe("reading statuses in the background", () => {
  it("a quiet read leaves the pane's buttons on; another read shows it working", async () => {
    const book = await templateWorkbook();
    await book.excel.user.type(book.sheet, "A2", [book.row()]);
    await settled(book);
    const busyWhile = async (quiet: boolean) => {
      const seen: boolean[] = [];
      const stop = book.session.subscribe(() => seen.push(book.session.getView().busy));
      await readStatuses(book.session, quiet);
      stop();
      return seen.includes(true);
    };
    expect(await busyWhile(true)).toBe(false);
    expect(await busyWhile(false)).toBe(true);
    await book.session.close();
  });
});
