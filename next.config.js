// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Security headers (CSP with a per-request nonce, HSTS, COOP, CORP…) are set in proxy.ts, from lib/http/security-headers.ts.
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root },
  // `npm test` type-checks the whole project (tsc --noEmit) as its own gate;
  // checking again inside every `next build` only slows npm start down.
  typescript: { ignoreBuildErrors: true },
  // Native and driver packages load from node_modules at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "bcryptjs"],
};

export default nextConfig;
