import type { NextConfig } from "next";
import { baseSecurityHeaders, JSON_CONTENT_SECURITY_POLICY } from "./lib/server/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run check` (part of `npm test`) type-checks the whole project, tests included; the build that `npm start`
  // runs need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time rather than bundled: native addons and WebAssembly-backed packages, and pg, whose Pool
  // lib/db.ts hands to the Prisma adapter (which checks `instanceof pg.Pool`: both must load the same copy); and elkjs,
  // a 1.5 MB compiled bundle that the structure view's layout runs as it is.
  // pdfkit reads its fonts' metrics from its own folder, and exceljs is large: both load as they are.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@prisma/adapter-pg",
    "pg",
    "elkjs",
    "pdfkit",
    "exceljs",
    // It starts its worker threads from its own folder.
    "piscina",
  ],
  // The API's security headers are the same for every response; pages get theirs, with a nonce, from proxy.ts.
  headers: async () => [
    {
      source: "/api/:path*",
      headers: Object.entries({
        ...baseSecurityHeaders({ isHttps: false }),
        "Content-Security-Policy": JSON_CONTENT_SECURITY_POLICY,
      }).map(([key, value]) => ({ key, value })),
    },
  ],
};

export default nextConfig;
