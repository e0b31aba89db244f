import type { Precondition } from "./create-client";

/**
 * Entity tags as the client routes read them (RFC 9110 §8.8.3, §13.1): a client's ETag is its
 * version, quoted ("3"); a list is comma-separated; `*` stands for any version.
 */
const TAG = /^(W\/)?"(\d{1,15})"$/;

interface ParsedTags {
  any: boolean;
  /** Versions named by strong tags. */
  strong: number[];
  /** Versions named by any tag, weak ones too. */
  all: number[];
}

/** The header's tags, or undefined when it is not a list of tags. */
function parseTags(header: string): ParsedTags | undefined {
  const parsed: ParsedTags = { any: false, strong: [], all: [] };
  for (const part of header.split(",")) {
    const tag = part.trim();
    if (tag === "*") {
      parsed.any = true;
      continue;
    }
    const match = TAG.exec(tag);
    if (!match) return undefined;
    const version = Number(match[2]);
    parsed.all.push(version);
    if (!match[1]) parsed.strong.push(version);
  }
  return parsed;
}

/**
 * What If-Match asks of an update: "missing" (the change is refused, 428), "malformed" (400),
 * or the versions it may be made from. Weak tags match nothing: If-Match compares strongly.
 */
export function ifMatchOf(header: unknown): Precondition | "missing" | "malformed" {
  if (header === undefined || header === "") return "missing";
  if (typeof header !== "string") return "malformed";
  const tags = parseTags(header);
  if (!tags) return "malformed";
  return tags.any ? { anyVersion: true } : { versions: tags.strong };
}

/** Whether If-None-Match names this version (weak comparison, as RFC 9110 says for it). */
export function noneMatchNames(header: unknown, version: number): boolean {
  if (typeof header !== "string" || header === "") return false;
  const tags = parseTags(header);
  return !!tags && (tags.any || tags.all.includes(version));
}

/** The list's query, checked: what a page asks for, or what is wrong with it. */
export type PageQuery =
  | { limit: number; before?: number; updatedSince?: string }
  | { problem: "invalid_cursor" | "invalid_query"; detail: string };

const DEFAULT_PAGE = 100;
const MAX_PAGE = 200;
/** RFC 3339 date-time, as the contract's `format: date-time`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

export function pageQueryOf(query: Record<string, unknown>): PageQuery {
  const { limit, cursor, updatedSince } = query;
  const page: { limit: number; before?: number; updatedSince?: string } = { limit: DEFAULT_PAGE };
  if (limit !== undefined) {
    const count = typeof limit === "string" && /^\d{1,3}$/.test(limit) ? Number(limit) : NaN;
    if (!(count >= 1 && count <= MAX_PAGE))
      return {
        problem: "invalid_query",
        detail: `limit must be a whole number from 1 to ${MAX_PAGE}.`,
      };
    page.limit = count;
  }
  if (cursor !== undefined) {
    const before = typeof cursor === "string" ? cursorPosition(cursor) : undefined;
    if (before === undefined)
      return {
        problem: "invalid_cursor",
        detail: "This cursor is not one the API gave: start again from the first page.",
      };
    page.before = before;
  }
  if (updatedSince !== undefined) {
    const when =
      typeof updatedSince === "string" && DATE_TIME.test(updatedSince)
        ? Date.parse(updatedSince)
        : NaN;
    if (Number.isNaN(when))
      return {
        problem: "invalid_query",
        detail: "updatedSince must be a date and time such as 2026-01-31T09:00:00Z.",
      };
    page.updatedSince = new Date(when).toISOString();
  }
  return page;
}

/**
 * The cursor of the page after the client at `position` (its place in the order of creation):
 * opaque to clients, checked when it comes back.
 */
export function cursorAfter(position: number): string {
  return Buffer.from(JSON.stringify({ before: position })).toString("base64url");
}

function cursorPosition(cursor: string): number | undefined {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const { before } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      before?: unknown;
    };
    return Number.isSafeInteger(before) && (before as number) > 0 ? (before as number) : undefined;
  } catch {
    return undefined;
  }
}
