import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import { parse } from "yaml";
import type { FieldError } from "./problems";

/** The contract, read from src/api/openapi.yaml: the sandbox checks request bodies against it. */
const CONTRACT_FILE = join(__dirname, "..", "api", "openapi.yaml");

export type BodyCheck = (body: unknown) => FieldError[];

/** Compiles the contract's component schemas once; `check("ClientInput")` validates a body. */
/**
 * The longest value the contract allows for each string field of a form it describes (the
 * OAuth routes' application/x-www-form-urlencoded bodies), by path.
 */
export function formLimits(path: string): ReadonlyMap<string, number> {
  const document = parse(readFileSync(CONTRACT_FILE, "utf8")) as {
    paths: Record<
      string,
      {
        post?: {
          requestBody?: {
            content?: Record<
              string,
              { schema?: { properties?: Record<string, { maxLength?: number }> } }
            >;
          };
        };
      }
    >;
  };
  const properties =
    document.paths[path]?.post?.requestBody?.content?.["application/x-www-form-urlencoded"]?.schema
      ?.properties ?? {};
  return new Map(
    Object.entries(properties).flatMap(([name, schema]) =>
      schema.maxLength === undefined ? [] : [[name, schema.maxLength] as const]
    )
  );
}

export function loadContract(): { check(schema: string): BodyCheck } {
  const document = parse(readFileSync(CONTRACT_FILE, "utf8")) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema({ ...document, $id: "openapi" });
  return {
    check(schema) {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
      if (!validate) throw new Error(`The contract has no schema ${schema}`);
      return (body) => (validate(body) ? [] : (validate.errors ?? []).map(toFieldError));
    },
  };
}

function toFieldError(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  const extra =
    typeof params.additionalProperty === "string" ? `/${params.additionalProperty}` : "";
  return {
    pointer: `${error.instancePath}${extra}` || "/",
    code: `schema.${error.keyword}`,
    detail: extra
      ? "This field is not part of a client."
      : `The value ${error.message ?? "is invalid"}.`,
  };
}
