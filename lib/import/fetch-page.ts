import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * Fetches a web page for import, as a newsroom server must: the address is
 * the user's, so the server is careful where it goes and what it takes.
 *
 * - http(s) only, at every redirect (5 at most, each checked again).
 * - Not to this machine or the newsroom's own network unless allowed
 *   (FACTMARK_FETCH_PRIVATE_HOSTS=allow): loopback, private, link-local,
 *   carrier-grade NAT, documentation and multicast ranges are refused. The
 *   check is made on the address actually connected to (a lookup hook), so a
 *   name that resolves differently the second time cannot slip through.
 * - HTML only, 5 MB at most, 15 s in all.
 * - Decoded by the charset the server or the page declares (UTF-8 otherwise).
 *
 * Node's own http/https clients, not fetch: they take a lookup hook per
 * request, and redirects are followed here so each hop is checked.
 */
export type FetchPageOptions = {
  allowPrivateHosts?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};
export type FetchedPage = { url: string; html: string };

/** A problem with the page or the address: a full sentence saying what went wrong and what to do instead (shown as it is under the field). */
export class FetchPageError extends Error {}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

const PRIVATE_RANGES = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE_RANGES.addSubnet(address, prefix, "ipv4");
// ::/96 also holds the old IPv4-compatible form; 64:ff9b::/96 reaches IPv4 through NAT64, private ranges included.
for (const [address, prefix] of [
  ["::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
] as const)
  PRIVATE_RANGES.addSubnet(address, prefix, "ipv6");

/** Whether an IP address is one the server must not be sent to (IPv4-mapped IPv6 counts as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE_RANGES.check(mapped[1], "ipv4");
  const family = net.isIP(address);
  if (family === 0) return true;
  return PRIVATE_RANGES.check(address, family === 4 ? "ipv4" : "ipv6");
}

const refusedHost = (host: string) =>
  new FetchPageError(
    `This address points at ${host}, a private or local address, and Factmark only fetches public web pages. Paste or upload the article instead.`,
  );

/** dns.lookup, refusing private addresses (for the http clients' `lookup` option). */
function guardedLookup(
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
) {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const list = addresses as dns.LookupAddress[];
    if (!list.length || list.some((entry) => isPrivateAddress(entry.address)))
      return callback(refusedHost(hostname), "");
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const settings = { ...DEFAULTS, ...options };
  const deadline = Date.now() + settings.timeoutMs;
  let url = parseHttpUrl(address);
  for (let redirects = 0; ; redirects++) {
    const answer = await get(url, settings, deadline);
    if (answer.location === undefined) return { url: url.href, html: answer.html };
    if (redirects >= settings.maxRedirects)
      throw new FetchPageError(
        `The page redirects more than ${settings.maxRedirects} times. Open it in your browser and use the address it ends at, or paste the article.`,
      );
    url = parseHttpUrl(new URL(answer.location, url).href);
  }
}

function parseHttpUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchPageError("This is not a web address. Type one such as https://www.example.com/news/story.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchPageError(
      "Only http and https addresses can be fetched. Type an address that starts with https://.",
    );
  return url;
}

type Answer = { location?: string; html: string };

function get(url: URL, settings: typeof DEFAULTS & FetchPageOptions, deadline: number): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal IP address is connected to without a lookup, so it is checked here.
  if (!settings.allowPrivateHosts && net.isIP(host) && isPrivateAddress(host)) return Promise.reject(refusedHost(host));
  const client = url.protocol === "https:" ? https : http;
  const late = () =>
    new FetchPageError(
      `The site did not answer within ${settings.timeoutMs / 1000} s. Try again later, or paste the article.`,
    );
  return new Promise<Answer>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(late());
    const request = client.get(
      url,
      {
        headers: {
          "User-Agent": "Factmark/0.1 (fact-check import)",
          Accept: "text/html,application/xhtml+xml;q=0.9",
          "Accept-Encoding": "identity",
        },
        ...(settings.allowPrivateHosts ? {} : { lookup: guardedLookup as unknown as net.LookupFunction }),
        timeout: remaining,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ location: response.headers.location, html: "" });
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return reject(
            new FetchPageError(
              `The site answered ${`${status} ${response.statusMessage ?? ""}`.trim()} instead of the page. Check the address, or paste the article.`,
            ),
          );
        }
        const type = String(response.headers["content-type"] ?? "");
        if (!HTML_TYPES.test(type)) {
          response.resume();
          return reject(
            new FetchPageError(
              `This address is not a web page (${type.split(";")[0] || "no content type"}). Upload or paste the article instead.`,
            ),
          );
        }
        const declared = Number(response.headers["content-length"]);
        if (declared > settings.maxBytes) {
          response.destroy();
          return reject(tooLarge(settings.maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > settings.maxBytes) {
            response.destroy();
            reject(tooLarge(settings.maxBytes));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ html: decode(Buffer.concat(chunks), type) }));
        response.on("error", (error) =>
          reject(new FetchPageError(`The page stopped arriving (${error.message}). Try again, or paste the article.`)),
        );
      },
    );
    // `timeout` above is per silence; this bounds the whole exchange (a page sent a byte at a time included).
    const overall = setTimeout(() => request.destroy(late()), remaining);
    request.on("close", () => clearTimeout(overall));
    request.on("timeout", () => request.destroy(late()));
    request.on("error", (error) =>
      reject(error instanceof FetchPageError ? error : new FetchPageError(unreachable(error, host))),
    );
  });
}

const tooLarge = (maxBytes: number) =>
  new FetchPageError(
    `The page is larger than ${maxBytes / 1024 / 1024} MB. Save the article alone and upload it, or paste its text.`,
  );

/** Why the site could not be reached, and what to try. */
function unreachable(error: NodeJS.ErrnoException, host: string): string {
  const instead = "Check the address for typos, or paste the article instead.";
  if (error.code === "ENOTFOUND") return `No site called ${host} could be found. ${instead}`;
  if (error.code === "ECONNREFUSED") return `The site ${host} refused the connection. ${instead}`;
  if (error.code === "ECONNRESET")
    return `The site ${host} cut the connection. Try again, or paste the article instead.`;
  if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT"))
    return `The site ${host} has a security certificate Factmark cannot accept (${error.code}). Paste the article instead.`;
  return `The site ${host} could not be reached (${error.message}). ${instead}`;
}

/** The page's text: the charset in the Content-Type header, else a <meta> one in the first 4 KB, else UTF-8. */
export function decode(bytes: Buffer, contentType: string): string {
  const head = bytes.subarray(0, 4096).toString("latin1");
  const label =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  const text = decoder.decode(bytes);
  // Node 20 decodes windows-1252 (which latin1, iso-8859-1 and ascii mean on the web) as ISO-8859-1,
  // leaving its curly quotes, dashes and € as C1 control characters.
  return decoder.encoding === "windows-1252"
    ? text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80])
    : text;
}

/** What bytes 0x80–0x9F are in windows-1252 (the five it leaves unassigned stay as they are). */
const WINDOWS_1252_C1 = [..."€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"];
