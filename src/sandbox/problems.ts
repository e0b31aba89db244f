import type { FastifyReply } from "fastify";
import type { components } from "../api/generated/openapi";

/** The contract's shapes (openapi.yaml), so the sandbox answers exactly what it promises. */
export type FieldError = components["schemas"]["FieldError"];
type Problem = components["schemas"]["Problem"];

/** Sends an RFC 9457 problem: application/problem+json with a stable `code`. */
export function sendProblem(
  reply: FastifyReply,
  problem: Omit<Problem, "type" | "code"> & { code: string; type?: string }
): FastifyReply {
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send({ type: problem.type ?? `urn:problem:${problem.code}`, ...problem });
}

/** A 422 whose `errors` point at what is wrong in the request (fields, identifiers). */
export function sendInvalid(
  reply: FastifyReply,
  what: { title: string; detail: string },
  errors: FieldError[]
): FastifyReply {
  return sendProblem(reply, { status: 422, code: "validation_failed", ...what, errors });
}
