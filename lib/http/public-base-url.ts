/** The app's public origin: NEXTAUTH_URL when set (behind a proxy), else the request's own. */
export function publicBaseUrl(request: Request): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  return new URL(request.url).origin;
}
