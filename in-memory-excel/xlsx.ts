import { strFromU8, unzipSync } from "fflate";

/** A workbook Excel.createWorkbook opened: its sheets' names and cell texts. */
export interface OpenedWorkbook {
  sheets: { name: string; cells: string[][]; textFormatted: boolean[][] }[];
}

const XML_ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
  "&amp;": "&",
};
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]!);

/** "C12" → [11, 2] */
function cellIndex(reference: string): [number, number] {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(reference)!;
  let column = 0;
  for (const letter of letters!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(digits) - 1, column - 1];
}

/**
 * What Excel shows of an .xlsx file it opens, as far as the add-in's files go: each sheet's
 * cells (shared strings, inline strings and numbers) and whether a cell's style is the text
 * format `@`. A file Excel could not open is refused, as Excel.createWorkbook refuses it.
 */
export function openXlsx(base64: string): OpenedWorkbook {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch {
    throw new Error("InvalidArgument: the file is not an .xlsx workbook");
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : "");
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    unescapeXml([...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""))
  );
  // Styles (cellXfs) whose number format is text: Excel's built-in 49, or a custom "@".
  const styles = text("xl/styles.xml");
  const textFormats = new Set(["49"]);
  for (const format of styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="@"/g))
    textFormats.add(format[1]!);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const textStyles = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((xf) =>
    textFormats.has(/numFmtId="(\d+)"/.exec(xf[0])?.[1] ?? "0")
  );
  const names = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]!)
  );
  const sheets = names.map((name, i) => {
    const cells: string[][] = [];
    const textFormatted: boolean[][] = [];
    const xml = text(`xl/worksheets/sheet${i + 1}.xml`);
    for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]!;
      const body = cell[2] ?? "";
      const [row, column] = cellIndex(/\br="([A-Z]+\d+)"/.exec(attributes)![1]!);
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      const content =
        type === "s"
          ? (shared[Number(value)] ?? "")
          : type === "inlineStr"
            ? unescapeXml(inline ?? "")
            : unescapeXml(value ?? "");
      (cells[row] ??= [])[column] = content;
      (textFormatted[row] ??= [])[column] = textStyles[style] ?? false;
    }
    return { name, cells, textFormatted };
  });
  return { sheets };
}
