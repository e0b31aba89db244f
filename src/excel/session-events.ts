import type { ExcelRun, HostRequirements } from "./run";

/** What the session does with what Excel reports on the area's sheet. */
export interface SheetListener {
  changed(args: Excel.WorksheetChangedEventArgs): void;
  selected(address: string): void;
  /** A sort raises onRowSorted and, as documented, no onChanged (ExcelApi 1.10). */
  sorted(): void;
}

/** Handlers registered on a sheet, removed together. */
export interface SessionEvents {
  remove(): Promise<void>;
}

interface RegisteredHandler {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/** Listens to the area's sheet: its changes, its selection, and its sorts where Excel says. */
export async function listenToSheet(
  run: ExcelRun,
  sheetName: string,
  requirements: HostRequirements,
  listener: SheetListener
): Promise<SessionEvents> {
  const handlers: RegisteredHandler[] = [];
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    handlers.push(
      sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => listener.changed(args)),
      sheet.onSelectionChanged.add(async (args: Excel.WorksheetSelectionChangedEventArgs) =>
        listener.selected(args.address)
      )
    );
    if (requirements.isSetSupported("ExcelApi", "1.10")) {
      handlers.push(
        sheet.onRowSorted.add(async () => listener.sorted()),
        sheet.onColumnSorted.add(async () => listener.sorted())
      );
    }
    await context.sync();
  });
  return {
    async remove() {
      // A handler is removed on the context that added it (Office's rule).
      for (const handler of handlers) {
        await run(handler.context, async (context) => {
          handler.remove();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each handler is removed on its own context (usually two)
          await context.sync();
        });
      }
    },
  };
}
