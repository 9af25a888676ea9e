import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, fetchPage, FetchPageError, isPrivateAddress } from "./fetch-page";
import { NEWS_PAGE } from "./fixtures/news-page";

// Remote pages, served from this machine (so the private-address guard is allowed off, except where tested).
let server: http.Server;
let base: string;
const local = { allowPrivateHosts: true };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/article")
      return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(NEWS_PAGE);
    if (path === "/moved") return response.writeHead(301, { Location: "/article" }).end();
    if (path === "/loop") return response.writeHead(302, { Location: "/loop" }).end();
    if (path === "/to-file") return response.writeHead(302, { Location: "file:///etc/passwd" }).end();
    if (path === "/latin1")
      return response
        .writeHead(200, { "Content-Type": "text/html; charset=windows-1252" })
        .end(Buffer.from("<p>Caf\xe9 \x93quoted\x94 \x80 5</p>", "latin1"));
    if (path === "/meta-charset")
      return response
        .writeHead(200, { "Content-Type": "text/html" })
        .end(Buffer.from('<meta charset="iso-8859-1"><p>Fa\xe7ade</p>', "latin1"));
    if (path === "/pdf") return response.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.7");
    if (path === "/huge") {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.write("<p>" + "x".repeat(2048));
      return response.end("</p>");
    }
    if (path === "/silent") return; // never answers
    if (path === "/drip") {
      // Answers, then sends a byte every 100 ms: never silent for long, never done.
      response.writeHead(200, { "Content-Type": "text/html" });
      const drip = setInterval(() => response.write("."), 100);
      response.on("close", () => clearInterval(drip));
      return;
    }
    response.writeHead(404, { "Content-Type": "text/html" }).end("<p>Not here</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "fetched",
    (error: unknown) => (error instanceof FetchPageError ? error.message : `not a FetchPageError: ${String(error)}`),
  );

describe("fetchPage", () => {
  it("fetches an HTML page, following redirects, and says where it ended up", async () => {
    const page = await fetchPage(`${base}/moved`, local);
    expect(page.url).toBe(`${base}/article`);
    expect(page.html).toBe(NEWS_PAGE);
  });

  it("decodes by the charset the server or the page declares", async () => {
    expect((await fetchPage(`${base}/latin1`, local)).html).toBe("<p>Café “quoted” € 5</p>");
    expect((await fetchPage(`${base}/meta-charset`, local)).html).toContain("Façade");
    expect(decode(Buffer.from("<p>é</p>"), "text/html; charset=no-such-charset")).toBe("<p>é</p>");
  });

  it.each([
    ["/pdf", "This address is not a web page (application/pdf). Upload or paste the article instead."],
    ["/missing", "The site answered 404 Not Found instead of the page. Check the address, or paste the article."],
    [
      "/loop",
      "The page redirects more than 5 times. Open it in your browser and use the address it ends at, or paste the article.",
    ],
    ["/to-file", "Only http and https addresses can be fetched. Type an address that starts with https://."],
  ])("refuses %s, saying why and what to do in full sentences", async (path, reason) => {
    expect(await refusal(fetchPage(`${base}${path}`, local))).toBe(reason);
  });

  it("says a host that does not exist cannot be found, and what to do, in a sentence", async () => {
    expect(await refusal(fetchPage("http://no-such-host.invalid/story", local))).toBe(
      "No site called no-such-host.invalid could be found. Check the address for typos, or paste the article instead.",
    );
  });

  it("refuses a page larger than the limit, and one that does not answer in time", async () => {
    expect(await refusal(fetchPage(`${base}/huge`, { ...local, maxBytes: 1024 }))).toMatch(
      /^The page is larger than .* MB\. Save the article alone and upload it, or paste its text\.$/,
    );
    expect(await refusal(fetchPage(`${base}/silent`, { ...local, timeoutMs: 300 }))).toBe(
      "The site did not answer within 0.3 s. Try again later, or paste the article.",
    );
    expect(await refusal(fetchPage(`${base}/drip`, { ...local, timeoutMs: 500 }))).toBe(
      "The site did not answer within 0.5 s. Try again later, or paste the article.",
    );
  });

  it("refuses addresses that are not web pages", async () => {
    expect(await refusal(fetchPage("javascript:alert(1)"))).toBe(
      "Only http and https addresses can be fetched. Type an address that starts with https://.",
    );
    expect(await refusal(fetchPage("not a url"))).toBe(
      "This is not a web address. Type one such as https://www.example.com/news/story.",
    );
  });

  it("does not go to this machine or a private network unless allowed, by address or by name", async () => {
    expect(await refusal(fetchPage(`${base}/article`))).toContain("a private or local address");
    expect(await refusal(fetchPage(`${base.replace("127.0.0.1", "localhost")}/article`))).toBe(
      "This address points at localhost, a private or local address, and Factmark only fetches public web pages. Paste or upload the article instead.",
    );
    expect(await refusal(fetchPage("http://[::1]:9/"))).toContain("a private or local address");
  });
});

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.20.30.40", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.10", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:8.8.8.8", false],
    ["::7f00:1", true],
    ["64:ff9b::a00:1", true],
    ["fe80::1", true],
    ["fd12:3456::1", true],
    ["2606:4700::1111", false],
    ["not an address", true],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
