import { createHash, randomBytes } from "node:crypto";

/** Tokens look like fm_<43 base64url chars>: recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "fm_";

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

/**
 * SHA-256 is enough here (unlike passwords): a token carries 256 random bits,
 * so there is nothing to brute-force, and lookups must be fast.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1] : null;
}
