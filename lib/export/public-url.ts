/**
 * The public address of a published fact-check, and the check that a
 * reader-facing export does not name a private one. Pure, and free of zod, so
 * the export menu (a client component) uses the same rule as the server.
 */

/**
 * Where readers find the fact-check: the article's own override when set, else
 * FACTMARK_PUBLIC_URL + "/" + the article id (the id never changes, so the
 * address is stable whatever happens to the title), else null: an export
 * then names no address at all, never the workbench's.
 */
export function publicArticleUrl(
  article: { id: string; publicUrl: string | null },
  base: string | null | undefined,
): string | null {
  if (article.publicUrl) return article.publicUrl;
  if (!base) return null;
  return `${base.replace(/\/+$/, "")}/${encodeURIComponent(article.id)}`;
}

/** The `#note-N` address of one note, or null without a public address. */
export const publicNoteUrl = (publicUrl: string | null, n: number | string) =>
  publicUrl ? `${publicUrl.split("#")[0]}#note-${n}` : null;

/**
 * Why readers could not open this address, or null when it looks public:
 * loopback, private and link-local networks (IPv4 and IPv6), and names that
 * only resolve inside a network (localhost, .local, .internal, .localhost,
 * or a bare name without a dot). Text that is not an http(s) URL is reported too.
 */
export function privateAddressReason(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a web address";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "is not an http(s) address";
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) return privateIpv6(host.slice(1, -1));
  const ipv4 = host.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (ipv4) return privateIpv4(ipv4.slice(1).map(Number));
  if (host === "localhost" || host.endsWith(".localhost")) return "is this machine (localhost)";
  if (host.endsWith(".local")) return "is a local network name (.local)";
  if (host.endsWith(".internal")) return "is an internal network name (.internal)";
  if (!host.includes(".")) return "is a name without a domain, which only resolves inside a network";
  return null;
}

function privateIpv4([a, b]: number[]): string | null {
  if (a === 127) return "is this machine (127.0.0.0/8)";
  if (a === 10) return "is a private network address (10.0.0.0/8)";
  if (a === 172 && b >= 16 && b <= 31) return "is a private network address (172.16.0.0/12)";
  if (a === 192 && b === 168) return "is a private network address (192.168.0.0/16)";
  if (a === 169 && b === 254) return "is a link-local address (169.254.0.0/16)";
  if (a === 0) return "is not a reachable address (0.0.0.0/8)";
  return null;
}

function privateIpv6(host: string): string | null {
  if (host === "::1") return "is this machine (::1)";
  if (host === "::") return "is not a reachable address (::)";
  // The URL parser writes an IPv4-mapped address as ::ffff:7f00:1: judge the IPv4 inside.
  const mapped = host.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return privateIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const first = parseInt(host.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return "is a private network address (fc00::/7)";
  if ((first & 0xffc0) === 0xfe80) return "is a link-local address (fe80::/10)";
  return null;
}

/** The export menu's warning for a reader-facing export, or null when there is nothing to warn about. */
export function publicAddressWarning(publicUrl: string | null): string | null {
  if (!publicUrl) return null;
  const reason = privateAddressReason(publicUrl);
  return reason
    ? `The reader exports (HTML, ClaimReview) name ${publicUrl}, which ${reason}: readers cannot open it. Set this article's public address, or FACTMARK_PUBLIC_URL.`
    : null;
}
