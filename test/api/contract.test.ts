import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, lint, lintFromString } from "@redocly/openapi-core";
import { parse } from "yaml";
import { PROFILES } from "../../src/core";

const CONTRACT = join(__dirname, "../../src/api/openapi.yaml");
const GENERATED = join(__dirname, "../../src/api/generated/openapi.ts");

// The recommended rules, but for one: the sandbox on localhost is the only server we know.
const lintConfig = () =>
  createConfig({ extends: ["recommended"], rules: { "no-server-example.com": "off" } });

describe("the partner API contract (src/api/openapi.yaml)", () => {
  it("passes the OpenAPI lint, offline", async () => {
    const problems = await lint({ ref: CONTRACT, config: await lintConfig() });
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it("the lint does catch a broken document", async () => {
    const broken = readFileSync(CONTRACT, "utf8").replace(
      '$ref: "#/components/schemas/Partner"',
      '$ref: "#/components/schemas/Nobody"'
    );
    const problems = await lintFromString({
      source: broken,
      absoluteRef: CONTRACT,
      config: await lintConfig(),
    });
    expect(problems.some((p) => p.ruleId === "no-unresolved-refs")).toBe(true);
  });

  it("the committed client types are what openapi-typescript generates from it (npm run generate:api)", () => {
    const fresh = join(mkdtempSync(join(tmpdir(), "openapi-")), "openapi.ts");
    const run = spawnSync("npx", ["openapi-typescript", CONTRACT, "-o", fresh], {
      cwd: join(__dirname, "../.."),
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    });
    expect(run.status).toBe(0);
    expect(readFileSync(GENERATED, "utf8")).toBe(readFileSync(fresh, "utf8"));
  });

  it("bounds every string a client carries, as the profiles' text rules do", () => {
    const document = parse(readFileSync(CONTRACT, "utf8")) as {
      components: {
        schemas: { ClientInput: { properties: Record<string, Record<string, unknown>> } };
      };
    };
    const properties = document.components.schemas.ClientInput.properties;
    const unbounded = Object.entries(properties)
      .filter(([, schema]) => schema.type === "string" && schema.maxLength === undefined)
      .map(([name]) => name);
    expect(unbounded).toEqual([]);
    // Where a profile bounds free text, it is the contract's bound: a row valid in the sheet
    // is never refused for its length.
    for (const profile of Object.values(PROFILES))
      for (const field of profile.fields)
        if (field.rule.kind === "text")
          expect({ field: field.key, max: field.rule.max }).toEqual({
            field: field.key,
            max: properties[field.apiName ?? field.key]!.maxLength,
          });
  });

  it("bounds every string a request may carry: bodies, forms, headers and query", () => {
    const document = parse(readFileSync(CONTRACT, "utf8")) as Record<string, unknown>;
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const unbounded: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (!schema || typeof schema !== "object") return;
      const node = schema as Record<string, unknown>;
      if (typeof node.$ref === "string") {
        visit(schemas[node.$ref.split("/").pop()!], where);
        return;
      }
      if (node.type === "string" && node.maxLength === undefined && !node.enum && !node.const)
        unbounded.push(where);
      for (const [name, child] of Object.entries(
        (node.properties as Record<string, unknown>) ?? {}
      ))
        visit(child, `${where}.${name}`);
      if (node.items) visit(node.items, `${where}[]`);
    };
    for (const [path, item] of Object.entries(document.paths as Record<string, unknown>))
      for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
        const op = operation as {
          parameters?: { name?: string; in?: string; schema?: unknown; $ref?: string }[];
          requestBody?: { content?: Record<string, { schema?: unknown }> };
        };
        for (const parameter of op.parameters ?? [])
          if (!parameter.$ref && parameter.in !== "path")
            visit(parameter.schema, `${method} ${path} ${parameter.name}`);
        for (const content of Object.values(op.requestBody?.content ?? {}))
          visit(content.schema, `${method} ${path}`);
      }
    expect(unbounded).toEqual([]);
  });
});
