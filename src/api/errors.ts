/** A field the API refused, named by the rules engine's field key (`mandate`, not `/einvoicingMandate`). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The API answered with a problem (RFC 9457): typed, with the fields it points at. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly existingClientId?: string,
    /** Seconds the server asked to wait (429, 503). */
    readonly retryAfterSeconds?: number,
    /** With 412: the resource as it now is (the adapter types it). */
    readonly current?: object
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

/** The request could not reach the API, or no answer came back (after every retry). */
export class NetworkFailure extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "NetworkFailure";
  }
}

/** The caller cancelled (AbortSignal). */
export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "Cancelled";
  }
}
