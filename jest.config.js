/** Jest runs TypeScript through SWC (fast, no type check); `npm run typecheck` is the type gate. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
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
};
