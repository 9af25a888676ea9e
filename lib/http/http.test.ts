import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../server/shared/errors";
import { errorResponse } from "./error-response";
import { readJson } from "./read-json";
import { isSameOrigin } from "./same-origin";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readJson", () => {
  it("parses JSON and treats an empty body as {}", async () => {
    expect(await readJson(post('{"a":1}'))).toEqual({ a: 1 });
    expect(await readJson(post(""))).toEqual({});
  });

  it("refuses a declared or actual body over the limit with TOO_LARGE", async () => {
    await expect(readJson(post("x", { "content-length": "2000000" }))).rejects.toMatchObject({ code: "TOO_LARGE" });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(100));
        controller.close();
      },
    });
    await expect(readJson(post(stream), 1000)).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("names the body when it is not JSON", async () => {
    await expect(readJson(post("{oops"))).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: [{ path: "", message: "is not valid JSON" }] },
    });
  });

  it("refuses bytes that are not UTF-8, JSON nested too deep, and NUL or lone surrogates, naming where", async () => {
    await expect(
      readJson(post(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))),
    ).rejects.toMatchObject({
      code: "INVALID",
      message: "body: is not valid UTF-8",
      details: { fields: [{ path: "" }] },
    });
    await expect(readJson(post("[".repeat(5000) + "]".repeat(5000)))).rejects.toMatchObject({
      code: "INVALID",
      message: "body: nests deeper than 32 levels",
    });
    await expect(readJson(post('{"sources":[{"title":"a\\u0000"}]}'))).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: [{ path: "sources.0.title" }] },
    });
    await expect(readJson(post('{"title":"\\ud800"}'))).rejects.toMatchObject({
      code: "INVALID",
      details: { fields: [{ path: "title" }] },
    });
    expect(await readJson(post('{"title":"\\ud83d\\ude00"}'))).toEqual({ title: "😀" });
  });
});

describe("errorResponse", () => {
  it.each([
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["LOCKED", 409],
    ["TOO_LARGE", 413],
    ["INVALID", 422],
    ["RATE_LIMITED", 429],
  ] as const)("maps %s to %d", async (code, status) => {
    const response = errorResponse(new AppError(code, "m"));
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatchObject({ code, message: "m" });
  });

  it("turns zod issues into 422 with dotted field paths", async () => {
    const result = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    const response = errorResponse(result.error);
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ code: "INVALID", fields: [{ path: "a.b" }] });
  });

  it("sets Retry-After when rate limited, and hides internals of unknown errors", async () => {
    expect(
      errorResponse(new AppError("RATE_LIMITED", "wait", { retryAfterSeconds: 42 })).headers.get("Retry-After"),
    ).toBe("42");
    const original = console.error;
    console.error = () => {};
    const response = errorResponse(new Error("SELECT * FROM secret_table"));
    console.error = original;
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret_table");
  });
});

describe("isSameOrigin", () => {
  // It also accepts NEXTAUTH_URL's origin, read through env(): a valid server environment without one.
  beforeAll(() => {
    vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
    vi.stubEnv("NEXTAUTH_URL", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/v1/x", { method: "POST", headers: { host: "localhost:3000", ...headers } });
  it("accepts this app's origin and same-origin fetch metadata", () => {
    expect(isSameOrigin(request({ origin: "http://localhost:3000" }), 0)).toBe(true);
    expect(isSameOrigin(request({ "sec-fetch-site": "same-origin" }), 0)).toBe(true);
  });
  it("refuses another origin, and a request that says nothing", () => {
    expect(isSameOrigin(request({ origin: "https://evil.example" }), 0)).toBe(false);
    expect(isSameOrigin(request({ "sec-fetch-site": "cross-site" }), 0)).toBe(false);
    expect(isSameOrigin(request({}), 0)).toBe(false);
  });
  it("ignores X-Forwarded-Host and -Proto without trusted proxies: anyone can send them", () => {
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect(isSameOrigin(request(forged), 0)).toBe(false);
    expect(
      isSameOrigin(
        request({ origin: "http://localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
        0,
      ),
    ).toBe(true);
  });
  it("behind TRUSTED_PROXY_HOPS proxies, takes the host and scheme the outermost one saw", () => {
    const behindProxy = { host: "app.internal:3000", "x-forwarded-host": "news.example", "x-forwarded-proto": "https" };
    expect(isSameOrigin(request({ ...behindProxy, origin: "https://news.example" }), 1)).toBe(true);
    expect(isSameOrigin(request({ ...behindProxy, origin: "http://app.internal:3000" }), 1)).toBe(false);
    // A client's own X-Forwarded-Host, appended to by one proxy: the proxy's entry counts, not the client's.
    const appended = {
      host: "app.internal:3000",
      "x-forwarded-host": "evil.example, news.example",
      "x-forwarded-proto": "https, https",
    };
    expect(isSameOrigin(request({ ...appended, origin: "https://news.example" }), 1)).toBe(true);
    expect(isSameOrigin(request({ ...appended, origin: "https://evil.example" }), 1)).toBe(false);
    expect(isSameOrigin(request({ ...appended, origin: "https://evil.example" }), 2)).toBe(true);
  });
});
