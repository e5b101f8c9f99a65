import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the generated Prisma client stay as Node modules on the server.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: false,
  // Usage files are uploaded through a server action (12 MB at most, checked in the form and the action).
  experimental: { serverActions: { bodySizeLimit: "13mb" } },
  // In development Next logs each server action's arguments; some carry secrets (a re-authentication
  // password, an Anthropic key), which must never reach a log.
  logging: { serverFunctions: false },
};

export default nextConfig;
