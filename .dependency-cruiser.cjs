// The architecture, written down: which layer may import which. `npm run lint:deps` checks it; docs/architecture.md
// explains the layers. Data flows one way: app -> lib/server -> lib/domain (and the database); components -> lib/client.
const TESTS = "[.]test[.]tsx?$";
const SERVER_BASE = ["auth", "kernel", "jobs", "events", "http"];
// The job queue's task list names each feature's task: the one file of the base that imports features.
const TASK_LIST = "^lib/server/jobs/tasks[.]ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "No import cycles in app, components or lib, type-only imports included: a cycle of types still ties two " +
        "modules together so that neither can be read, moved or tested alone. Break it by moving the shared part down.",
      severity: "error",
      from: { path: "^(app|components|lib)/" },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment:
        "lib/domain is plain TypeScript (the model, the map file format, the analysis): it imports only lib/domain, " +
        "no npm package, no validation, server, database or React, so it runs anywhere and tests in milliseconds.",
      severity: "error",
      from: { path: "^lib/domain/", pathNot: TESTS },
      to: { pathNot: "^lib/domain/" },
    },
    {
      name: "domain-tests-are-pure",
      comment:
        "Tests beside lib/domain may also use lib/validation, to write a fixture as a file is written (defaults " +
        "filled in by the checker) and to prove that an export passes the import's checks; vitest; and elkjs, to " +
        "prove that the structure view's layout graph (lib/domain/structure.ts) lays out as the browser will lay it out.",
      severity: "error",
      from: { path: `^lib/domain/.*${TESTS}` },
      to: { pathNot: ["^lib/(domain|validation)/", "^node_modules/vitest/", "^node_modules/elkjs/"] },
    },
    {
      name: "client-not-server",
      comment:
        "Browser code (components, lib/client) never imports server code, the database client or Prisma, not even " +
        "for a type: it takes its types from the route contracts (app/api/v1/**/contract.ts) and zod schemas.",
      severity: "error",
      from: { path: "^(components|lib/client)/" },
      to: { path: ["^lib/server/", "^lib/db[.]ts$", "^lib/generated/", "^node_modules/(@prisma|prisma)/"] },
    },
    {
      name: "client-contracts-as-types",
      comment:
        "Browser code reads the route contracts for their types only (import type): a contract is server code, " +
        "and importing it at run time would pull the server into the browser's bundle.",
      severity: "error",
      from: { path: "^(components|lib/client)/" },
      to: { path: "^app/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "routes-through-server",
      comment:
        "Routes call lib/server, which authorizes and scopes every query by organisation; they never query the " +
        "database themselves. Tests may, to set up and inspect rows.",
      severity: "error",
      from: { path: "^app/", pathNot: TESTS },
      to: { path: ["^lib/db[.]ts$", "^lib/generated/", "^node_modules/(@prisma|prisma)/"] },
    },
    {
      name: "server-features-apart",
      comment:
        "A feature folder of lib/server (teams, people, map, journal...) may import itself and the shared folders " +
        "below it, kernel, jobs, events, http and auth, never another feature: what two features share moves down into the kernel. " +
        "Tests and lib/server/testing set up whole scenarios and may reach any folder.",
      severity: "error",
      from: { path: "^lib/server/([^/]+)/", pathNot: [TESTS, `^lib/server/(${SERVER_BASE.join("|")}|testing)/`] },
      to: { path: "^lib/server/[^/]+/", pathNot: `^lib/server/($1|${SERVER_BASE.join("|")})/` },
    },
    // The base of lib/server, bottom first: auth (who is calling, what they may do), kernel (the map writer, which
    // authorizes), jobs (the job queue, whose task list alone names features), events (what happened, recorded in the
    // transaction of the change, delivered to webhooks through the queue), http (handle(), which resolves the
    // caller). Each imports only itself and the folders before it.
    ...SERVER_BASE.map((folder, index) => ({
      name: "server-base-order",
      comment: `lib/server/${folder} may import only ${["itself", ...SERVER_BASE.slice(0, index)].join(", ")}.`,
      severity: "error",
      from: { path: `^lib/server/${folder}/`, pathNot: [TESTS, TASK_LIST] },
      to: { path: "^lib/server/[^/]+/", pathNot: `^lib/server/(${SERVER_BASE.slice(0, index + 1).join("|")})/` },
    })),
  ],
  options: {
    doNotFollow: { path: ["^node_modules/", "^lib/generated/"] },
    exclude: { path: ["^[.]next/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
