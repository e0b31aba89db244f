import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import { parse } from "yaml";
import type { FieldError } from "./problems";

/** The contract, read from src/api/openapi.yaml: the sandbox checks request bodies against it. */
const CONTRACT_FILE = join(__dirname, "..", "api", "openapi.yaml");

export type BodyCheck = (body: unknown) => FieldError[];

interface Operation {
  parameters?: { name?: string; in?: string; schema?: { maxLength?: number } }[];
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Record<string, { maxLength?: number }> } }>;
  };
}

let document: Record<string, unknown> | undefined;

/** The contract's document, parsed once. */
function contractDocument(): Record<string, unknown> {
  document ??= parse(readFileSync(CONTRACT_FILE, "utf8")) as Record<string, unknown>;
  return document;
}

/**
 * The longest value the contract allows for each string a request to an OAuth route carries:
 * its query parameters (GET) or its form's fields (POST), by name.
 */
export function requestLimits(method: "get" | "post", path: string): ReadonlyMap<string, number> {
  const paths = contractDocument().paths as Record<string, Record<string, Operation>>;
  const operation = paths[path]?.[method];
  const strings: [string, { maxLength?: number } | undefined][] =
    method === "get"
      ? (operation?.parameters ?? [])
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => [parameter.name ?? "", parameter.schema])
      : Object.entries(
          operation?.requestBody?.content?.["application/x-www-form-urlencoded"]?.schema
            ?.properties ?? {}
        );
  return new Map(
    strings.flatMap(([name, schema]) =>
      schema?.maxLength === undefined ? [] : [[name, schema.maxLength] as const]
    )
  );
}

/** Compiles the contract's component schemas once; `check("ClientInput")` validates a body. */
export function loadContract(): { check(schema: string): BodyCheck } {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema({ ...contractDocument(), $id: "openapi" });
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
