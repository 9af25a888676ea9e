import { describe, expect, it } from "vitest";
import { EXPORT_CSP } from "../export/csp";
import { isMalformedPath, malformedPathResponse } from "./malformed-path";
import { newNonce, securityHeaders, withSecurityHeaders, type SecurityContext } from "./security-headers";

const context = (overrides: Partial<SecurityContext> = {}): SecurityContext => ({
  pathname: "/articles",
  nonce: "bm9uY2U=",
  https: false,
  dev: false,
  ...overrides,
});
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("securityHeaders", () => {
  it("gives pages a nonce-based script policy with no inline or eval, and no framing", () => {
    const policy = directives(securityHeaders(context())["Content-Security-Policy"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline style elements in next dev only", () => {
    const policy = directives(securityHeaders(context({ dev: true }))["Content-Security-Policy"]);
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("sends the same set everywhere, with COOP, CORP, nosniff and the referrer policy", () => {
    for (const pathname of ["/", "/api/v1/me", "/_next/static/chunks/a.js", "/api/v1/articles/a1/export"]) {
      expect(securityHeaders(context({ pathname }))).toMatchObject({
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
      });
    }
  });

  it("lets API responses load and run nothing, and keeps the export file's own policy on its download", () => {
    expect(securityHeaders(context({ pathname: "/api/v1/articles" }))["Content-Security-Policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(securityHeaders(context({ pathname: "/api/v1/articles/a1/export" }))["Content-Security-Policy"]).toBe(
      `${EXPORT_CSP}; frame-ancestors 'none'`,
    );
    // Only the export route: an article id that merely contains "export" is an ordinary API path.
    expect(securityHeaders(context({ pathname: "/api/v1/articles/export" }))["Content-Security-Policy"]).toMatch(
      /^default-src 'none'/,
    );
    expect(securityHeaders(context({ pathname: "/apiary" }))["Content-Security-Policy"]).toMatch(/^default-src 'self'/);
  });

  it("adds HSTS and upgrade-insecure-requests only when the app is served over https", () => {
    expect(securityHeaders(context())).not.toHaveProperty("Strict-Transport-Security");
    const https = securityHeaders(context({ https: true }));
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(directives(https["Content-Security-Policy"]).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("malformed paths", () => {
  it("spots percent-encoding that is not UTF-8, and only that", () => {
    for (const path of ["/articles/%ED%A0%80", "/api/v1/articles/%ED%A0%80", "/%", "/a/%zz", "/a/%E2%82"])
      expect(isMalformedPath(path)).toBe(true);
    for (const path of ["/", "/articles/ck1", "/articles/%E2%82%AC", "/a%20b", "/a/%2F"])
      expect(isMalformedPath(path)).toBe(false);
  });

  it("answers 400: the API error shape naming the path on /api, a small page elsewhere", async () => {
    const api = malformedPathResponse("/api/v1/articles/%ED%A0%80");
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: { code: "INVALID", fields: [{ path: "path" }] } });
    const page = malformedPathResponse("/articles/%ED%A0%80");
    expect(page.status).toBe(400);
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("<h1>Bad address</h1>");
  });
});

describe("withSecurityHeaders (API answers the proxy never sees)", () => {
  it("adds the API's set, keeping what the route chose", () => {
    const response = withSecurityHeaders(
      Response.json({}, { headers: { "Cross-Origin-Resource-Policy": "cross-origin" } }),
      { pathname: "/api/v1/me", https: true },
    );
    expect(response.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Strict-Transport-Security")).toBe("max-age=31536000");
    expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
  });

  it("gives the export download its own policy", () => {
    const response = withSecurityHeaders(new Response("x"), { pathname: "/api/v1/articles/a1/export", https: false });
    expect(response.headers.get("Content-Security-Policy")).toBe(`${EXPORT_CSP}; frame-ancestors 'none'`);
    expect(response.headers.has("Strict-Transport-Security")).toBe(false);
  });

  it("copies a response whose headers cannot be changed", async () => {
    const frozen = Response.redirect("http://localhost/elsewhere", 302);
    const response = withSecurityHeaders(frozen, { pathname: "/api/v1/me", https: false });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
