import { officeErrorCode } from "./run";

export type SessionProblemKind = "areaMissing" | "headerMissing" | "excel";

/** Why live checking stopped: the pane says it in the user's language. */
export class SessionProblem extends Error {
  constructor(
    readonly kind: SessionProblemKind,
    readonly code?: string
  ) {
    super(`${kind}${code ? ` (${code})` : ""}`);
  }
}

export function asSessionProblem(error: unknown): SessionProblem {
  if (error instanceof SessionProblem) return error;
  const code = officeErrorCode(error);
  if (code === "ItemNotFound") return new SessionProblem("areaMissing", code);
  return new SessionProblem("excel", code);
}
