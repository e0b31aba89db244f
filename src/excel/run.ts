/**
 * `Excel.run`, passed in rather than reached for: Excel gives the real one, tests give the
 * in-memory workbook of test/excel-fake.
 */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on an existing context: how an event handler registered there is removed. */
  <T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

/** The error code Office.js puts on a failed request, if any. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
