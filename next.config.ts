import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run check` (part of `npm test`) type-checks the whole project, tests included; the build that `npm start`
  // runs need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at run time rather than bundled: native addons and WebAssembly-backed packages.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/adapter-pg"],
};

export default nextConfig;
