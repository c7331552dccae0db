import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The guard that keeps server code out of client bundles; tests run on the server side.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
      // next-auth imports "next/server" without the extension that Node's ESM resolver needs outside Next.js;
      // next-auth is inlined (below) so that this alias reaches it.
      { find: /^next\/server$/, replacement: "next/server.js" },
    ],
  },
  test: {
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts?(x)", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude: ["**/node_modules/**", ".next/**"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
