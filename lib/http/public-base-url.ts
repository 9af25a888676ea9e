import { env } from "../config/env";

/**
 * The workbench's origin as its users reach it: NEXTAUTH_URL when set (behind a
 * proxy), else the request's own. Not where readers find a fact-check: that is
 * FACTMARK_PUBLIC_URL (lib/export/public-url.ts), and reader exports never name this.
 */
export function publicBaseUrl(request: Request): string {
  const publicUrl = env().NEXTAUTH_URL;
  if (publicUrl) return new URL(publicUrl).origin;
  return new URL(request.url).origin;
}
