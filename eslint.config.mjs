import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-ignore": true, "ts-expect-error": "allow-with-description" },
      ],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // lib/domain is pure: no I/O, no Prisma, no Next.js.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: ["next", "next/*", "@prisma/*", "@/lib/generated/*", "@/lib/server/*", "@/lib/db", "node:*", "pg"],
        },
      ],
    },
  },
  {
    // Components render; data access stays in lib/server.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/lib/server/*", "@/lib/db", "@/lib/generated/*", "@prisma/*"] },
      ],
    },
  },
  {
    // Prisma counts a relation with a GROUP BY over the whole related table unless the count has a `where`: every
    // organisation's rows, on every read (see TAssignmentScope in lib/server/kernel/slot-view.ts).
    files: ["lib/**", "app/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "Property[key.name='_count'] > ObjectExpression > Property[key.name='select'] > ObjectExpression > Property[value.value=true]",
          message: "Give the relation count a `where` that scopes it to the organisation or team.",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
