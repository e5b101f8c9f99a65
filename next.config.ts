import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the generated Prisma client stay as Node modules on the server.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
