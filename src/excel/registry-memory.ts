import * as z from "zod/mini";
import type { RegistryAnswer } from "../core";
import { queueHiddenSheet } from "./hidden-sheet";
import { REGISTRY_SHEET } from "./names";
import { cellBytes, readInChunks, rowChunks, syncInGroups } from "./payload";

/**
 * What the registries said, remembered in the workbook (a very hidden sheet): reopening it
 * shows the findings without asking again, and a check asks only for numbers it does not
 * know yet. One line per number: the number, when the registry answered, the answer as JSON.
 */
const HEADER = ["number", "checkedAt", "answer"] as const;
const WIDTH = HEADER.length;
const COLUMNS = "A:C";
const LINES_PER_READ = 2_000;

const answerSchema = z.object({
  checked: z.boolean(),
  fault: z.optional(z.string()),
  known: z.boolean(),
  active: z.boolean(),
  name: z.nullable(z.string()),
  address: z.nullable(z.record(z.string(), z.optional(z.string()))),
  checkedAt: z.string(),
  peppol: z.optional(
    z.nullable(
      z.object({
        checked: z.boolean(),
        registered: z.boolean(),
        participantId: z.string(),
        businessCardName: z.nullable(z.string()),
        // Answers remembered before the Peppol lookup have neither.
        reachable: z.optional(z.nullable(z.boolean())),
        inSmp: z.optional(z.boolean()),
      })
    )
  ),
});

/** A stored line, or undefined when it is not one (the header, a line a user broke). */
function parseLine(line: readonly unknown[]): [string, RegistryAnswer] | undefined {
  const [number, , json] = line;
  if (typeof number !== "string" || !/^\d{6,20}$/.test(number) || typeof json !== "string")
    return undefined;
  try {
    const answer = answerSchema.safeParse(JSON.parse(json));
    return answer.success ? [number, answer.data] : undefined;
  } catch {
    return undefined;
  }
}

async function readLines(context: Excel.RequestContext): Promise<Map<string, RegistryAnswer>> {
  const answers = new Map<string, RegistryAnswer>();
  const sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  await context.sync();
  if (sheet.isNullObject) return answers;
  const used = sheet.getRange(COLUMNS).getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  await context.sync();
  if (used.isNullObject) return answers;
  await readInChunks(
    context,
    rowChunks(used.rowIndex, used.rowCount, LINES_PER_READ),
    ([top, count]) => {
      const range = sheet.getRangeByIndexes(top, 0, count, WIDTH);
      range.load("values");
      return () => {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read once the chunk's sync answered
        for (const line of range.values as unknown[][]) {
          const entry = parseLine(line);
          if (entry) answers.set(...entry);
        }
      };
    }
  );
  return answers;
}

/** The answers the workbook remembers, by registry number (none when it never checked). */
export function readRegistryMemory(
  context: Excel.RequestContext
): Promise<Map<string, RegistryAnswer>> {
  return readLines(context);
}

/**
 * Adds answers to the workbook's memory, replacing older ones for the same numbers. The lines
 * are written again whole, as text, in groups that fit Office's request limit.
 */
export async function rememberRegistryAnswers(
  context: Excel.RequestContext,
  answers: ReadonlyMap<string, RegistryAnswer>
): Promise<void> {
  if (answers.size === 0) return;
  const merged = await readLines(context);
  for (const [number, answer] of answers) merged.set(number, answer);
  let sheet = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET);
  await context.sync();
  if (sheet.isNullObject) sheet = queueHiddenSheet(context, REGISTRY_SHEET, true);
  const lines: string[][] = [
    [...HEADER],
    ...[...merged].map(([number, answer]) => [number, answer.checkedAt, JSON.stringify(answer)]),
  ];
  const numbered = lines.map((line, row) => ({ line, row }));
  await syncInGroups(
    context,
    numbered,
    ({ line }) => line.reduce((bytes, cell) => bytes + cellBytes(cell), 2),
    (group) => {
      sheet.getRangeByIndexes(group[0]!.row, 0, group.length, WIDTH).values = group.map(
        ({ line }) => line
      );
    }
  );
}
