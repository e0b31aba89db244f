/**
 * The layers of the code and which may import which (README "Layout"). `npm test` runs
 * `npm run deps`, which fails on any import against these rules and on any circle.
 * Type-only imports count: a type in the wrong file is a layer crossed all the same.
 */
const SRC_LAYERS_BELOW_PANE = "^src/(core|api|excel|send|cli|sandbox)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files that import each other: a type or a helper lives in the wrong file.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-no-layer",
      severity: "error",
      comment: "The rules engine is pure TypeScript: no Office, no DOM, no network, no other layer.",
      from: { path: "^src/core/" },
      to: { path: "^(src/(?!core/)|in-memory-excel/|preview/|scripts/)" },
    },
    {
      name: "api-imports-only-core",
      severity: "error",
      from: { path: "^src/api/" },
      to: { path: "^src/(?!(api|core)/)" },
    },
    {
      name: "excel-imports-only-core",
      severity: "error",
      comment: "The only code that touches Office.js; it knows the rules, not the network or the pane.",
      from: { path: "^src/excel/" },
      to: { path: "^src/(?!(excel|core)/)" },
    },
    {
      name: "send-imports-no-pane",
      severity: "error",
      from: { path: "^src/send/" },
      to: { path: "^src/(?!(send|excel|api|core)/)" },
    },
    {
      name: "cli-imports-only-core",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/(?!(cli|core)/)" },
    },
    {
      name: "sandbox-imports-core-and-the-contract",
      severity: "error",
      comment:
        "The sandbox implements the contract: it may read the core and the contract's generated " +
        "types (and share the concurrency limiter), never the add-in's client or Excel code.",
      from: { path: "^src/sandbox/" },
      to: { path: "^src/(?!(sandbox|core)/|api/generated/|api/limiter\\.ts$)" },
    },
    {
      name: "nothing-imports-the-pane",
      severity: "error",
      from: { path: SRC_LAYERS_BELOW_PANE },
      to: { path: "^src/taskpane/" },
    },
    {
      name: "src-imports-no-tooling",
      severity: "error",
      comment: "The product never loads tests, the bench, the test kit or the in-memory Excel.",
      from: { path: "^src/" },
      to: { path: "^(test|testkit|bench|in-memory-excel|preview)/" },
    },
    {
      name: "nothing-imports-tests",
      severity: "error",
      comment: "What tests and the bench share lives in testkit/, which neither owns.",
      from: { pathNot: "^test/" },
      to: { path: "^test/" },
    },
    {
      name: "nothing-imports-the-bench",
      severity: "error",
      from: { pathNot: "^bench/" },
      to: { path: "^bench/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|coverage)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
