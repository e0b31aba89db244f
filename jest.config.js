/**
 * Jest runs TypeScript through SWC (fast, no type check); `npm run typecheck` is the type gate.
 * Three projects: `npm test` runs them all, `npm run test:fast` the unit one alone.
 *   unit         pure code, the in-memory Excel and the pane in jsdom: no server, no process.
 *   integration  the sandbox on loopback, sends, the CLI's process, the build, lint.
 *   e2e          the preview in headless Chromium.
 */
const shared = {
  testEnvironment: "node",
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  // ESM-only packages that Jest must transform before running them under CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!(csv-parse|oauth4webapi)/)"],
  setupFilesAfterEnv: ["<rootDir>/test/support/waits.ts", "<rootDir>/test/support/all-strings.ts"],
};

/** Tests that start the sandbox, spawn a process or build the add-in (folders or files in test/). */
const INTEGRATION = [
  "sandbox/",
  "send/",
  "api/client-sandbox.test.ts",
  "api/contract.test.ts",
  "api/oauth-client.test.ts",
  "excel/templates-from-sandbox.test.ts",
  "taskpane/send-pane.test.tsx",
  "cli/validate-cli.test.ts",
  "build.test.ts",
  "lint.test.ts",
  "requirement-sets.test.ts",
];
const E2E = ["e2e/"];

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Paths in test/ as patterns of paths to leave out (a folder leaves out all under it). */
const under = (paths) => paths.map((path) => `<rootDir>/test/${escape(path)}`);
/** Paths in test/ as the globs of the tests they hold. */
const globs = (paths) =>
  paths.flatMap((path) =>
    path.endsWith("/")
      ? TESTS.map((test) => `<rootDir>/test/${path}${test}`)
      : [`<rootDir>/test/${path}`]
  );

module.exports = {
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testMatch: TESTS,
      testPathIgnorePatterns: ["/node_modules/", ...under([...INTEGRATION, ...E2E])],
    },
    { ...shared, displayName: "integration", testMatch: globs(INTEGRATION) },
    { ...shared, displayName: "e2e", testMatch: globs(E2E) },
  ],
};
