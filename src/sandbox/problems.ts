import type { FastifyReply } from "fastify";

export interface FieldError {
  pointer: string;
  code: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  existingClientId?: string;
}

/** Sends an RFC 9457 problem: application/problem+json with a stable `code`. */
export function sendProblem(
  reply: FastifyReply,
  problem: Omit<ProblemBody, "type"> & { type?: string }
): FastifyReply {
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send({ type: problem.type ?? `urn:problem:${problem.code}`, ...problem });
}
