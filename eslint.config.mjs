import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettier from "eslint-plugin-prettier";

// The plugin's recommended block lists .ts but not .tsx; the same rules apply to both here,
// and the Office.js rules are errors, not warnings: a sync in a loop is a bug in this product.
const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "src/api/generated/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin, prettier },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      ...officeRules,
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // TypeScript already resolves names; this core rule does not know about types or JSX globals.
      "no-undef": "off",
      // The TypeScript rule above knows that parameter names in function types are not variables.
      "no-unused-vars": "off",
      "no-redeclare": "off",
    },
  },
  {
    // The fake's own tests misuse Office.js on purpose, to prove the fake refuses it.
    files: ["test/excel/fake.test.ts"],
    rules: Object.fromEntries(Object.keys(officeRules).map((rule) => [rule, "off"])),
  },
];
