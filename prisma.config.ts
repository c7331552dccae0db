import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download its native schema engine, which cannot happen offline. Unless a native engine is
// configured, run the WebAssembly engine through a stand-in with the same command-line interface.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "prisma-schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // `prisma generate` needs no database; migrate commands fail with Prisma's own message when this is empty.
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
