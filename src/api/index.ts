export * from "./adapter";
export * from "./client";
export * from "./errors";
export * from "./idempotency";
export * from "./tokens";
export * from "./oauth";
export * from "./registry";
