/**
 * `Excel.run`, passed in rather than reached for: Excel gives the real one, tests give the
 * in-memory workbook of in-memory-excel/.
 */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** With options: wait while the user edits a cell, make one undo record of the batch. */
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context: how an event handler registered there is removed. */
  <T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

/** Which requirement sets the Excel running the add-in supports (Office.context.requirements). */
export interface HostRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * Office's own answer when the add-in runs in Office; outside it (a test that gives none)
 * nothing above the manifest's sets is assumed.
 */
export function hostRequirements(): HostRequirements {
  const office = (globalThis as { Office?: { context?: { requirements?: HostRequirements } } })
    .Office;
  return office?.context?.requirements ?? { isSetSupported: () => false };
}

/** The error code Office.js puts on a failed request, if any. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** A failure in words for a message: Excel's error code, or the error's own message. */
export function describeError(error: unknown): string {
  return officeErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
