import { describe, expect, it } from "vitest";
import { privateAddressReason, publicAddressWarning, publicArticleUrl, publicNoteUrl } from "./public-url";

describe("publicArticleUrl", () => {
  it("prefers the article's own address, then FACTMARK_PUBLIC_URL + the article id, else none", () => {
    expect(
      publicArticleUrl({ id: "a1", publicUrl: "https://news.example/checks/tax-claims" }, "https://checks.example"),
    ).toBe("https://news.example/checks/tax-claims");
    expect(publicArticleUrl({ id: "a1", publicUrl: null }, "https://checks.example/fact-checks/")).toBe(
      "https://checks.example/fact-checks/a1",
    );
    expect(publicArticleUrl({ id: "a1", publicUrl: null }, undefined)).toBeNull();
  });

  it("anchors a note on the public address, replacing any fragment, and gives none without it", () => {
    expect(publicNoteUrl("https://checks.example/a1", 3)).toBe("https://checks.example/a1#note-3");
    expect(publicNoteUrl("https://checks.example/a1#top", 1)).toBe("https://checks.example/a1#note-1");
    expect(publicNoteUrl(null, 1)).toBeNull();
  });
});

describe("privateAddressReason", () => {
  it.each([
    ["http://localhost:3000/articles/a1", "localhost"],
    ["http://app.localhost/", "localhost"],
    ["http://127.0.0.1/", "127.0.0.0/8"],
    ["http://127.8.9.10/", "127.0.0.0/8"],
    ["http://10.1.2.3/", "10.0.0.0/8"],
    ["http://172.16.0.1/", "172.16.0.0/12"],
    ["http://172.31.255.255/", "172.16.0.0/12"],
    ["http://192.168.1.20:8080/x", "192.168.0.0/16"],
    ["http://169.254.1.1/", "169.254.0.0/16"],
    ["http://[::1]:3000/", "::1"],
    ["http://[fc00::1]/", "fc00::/7"],
    ["http://[fd12:3456::1]/", "fc00::/7"],
    ["http://[fe80::1]/", "fe80::/10"],
    ["http://[::ffff:192.168.0.1]/", "192.168.0.0/16"],
    ["http://newsroom.local/", ".local"],
    ["https://factmark.internal/a", ".internal"],
    ["http://workbench/", "without a domain"],
    ["http://0x7f000001/", "127.0.0.0/8"],
  ])("%s is private (%s)", (url, why) => {
    expect(privateAddressReason(url)).toContain(why);
  });

  it.each([
    "https://checks.example/a1",
    "https://172.32.0.1/",
    "https://172.15.0.1/",
    "https://11.0.0.1/",
    "https://[2001:db8::1]/",
    "https://local.example/",
    "https://internal.news.example/",
  ])("%s is public", (url) => {
    expect(privateAddressReason(url)).toBeNull();
  });

  it("reports text that is not an http(s) address", () => {
    expect(privateAddressReason("not a url")).toBe("is not a web address");
    expect(privateAddressReason("ftp://files.example/")).toBe("is not an http(s) address");
  });
});

describe("publicAddressWarning", () => {
  it("names the address and what to do when it is private, and says nothing when public or absent", () => {
    expect(publicAddressWarning("http://localhost:3000/a1")).toBe(
      "The reader exports (HTML, ClaimReview) name http://localhost:3000/a1, which is this machine (localhost): readers cannot open it. Set this article's public address, or FACTMARK_PUBLIC_URL.",
    );
    expect(publicAddressWarning("https://checks.example/a1")).toBeNull();
    expect(publicAddressWarning(null)).toBeNull();
  });
});
