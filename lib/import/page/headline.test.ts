import { describe, expect, it } from "vitest";

import { pickHeadline, stripGenericSuffix, stripSite } from "./headline";
import { siteNames } from "./site-names";

const site = siteNames(["The Daily Example"], "https://www.dailyexample.com/news/2024/03/harbour");

describe("stripSite", () => {
  it("cuts the site's name after a bar, a dash or an em dash, and before a colon", () => {
    expect(stripSite("Harbour bridge to close for repairs | The Daily Example", site)).toBe(
      "Harbour bridge to close for repairs",
    );
    expect(stripSite("Harbour bridge to close for repairs — Daily Example", site)).toBe(
      "Harbour bridge to close for repairs",
    );
    expect(stripSite("Daily Example: Harbour bridge to close for repairs", site)).toBe(
      "Harbour bridge to close for repairs",
    );
  });

  it("cuts the site's name in brackets", () => {
    expect(stripSite("Harbour bridge to close [The Daily Example]", site)).toBe("Harbour bridge to close");
    expect(stripSite("Harbour bridge to close (for now)", site)).toBe("Harbour bridge to close (for now)");
  });

  it("takes a short section next to the site's name with it", () => {
    expect(stripSite("Harbour bridge to close for repairs - Local News - The Daily Example", site)).toBe(
      "Harbour bridge to close for repairs",
    );
  });

  it("knows the site by its domain when no name is given", () => {
    const byDomain = siteNames([], "https://www.bbc.co.uk/news/uk-123");
    expect(stripSite("Flooding closes rail line - BBC News", byDomain)).toBe("Flooding closes rail line");
  });

  it("keeps a dash or colon that belongs to the headline", () => {
    expect(stripSite("Brexit: what happens next | The Daily Example", site)).toBe("Brexit: what happens next");
    expect(stripSite("Storm hits coast - live updates | The Daily Example", site)).toBe(
      "Storm hits coast - live updates",
    );
  });

  it("leaves a title with no site part alone", () => {
    expect(stripSite("Council votes to fund the bridge", site)).toBe("Council votes to fund the bridge");
  });
});

describe("stripGenericSuffix", () => {
  it("cuts a short part after a bar when nothing names the site", () => {
    expect(stripGenericSuffix("Why the tide tables were wrong | Coastwatch")).toBe("Why the tide tables were wrong");
  });

  it("keeps a dash whose two sides are both headline", () => {
    expect(stripGenericSuffix("Brexit - what happens next")).toBe("Brexit - what happens next");
  });
});

describe("pickHeadline", () => {
  it("prefers the h1 when a metadata title agrees with it", () => {
    expect(
      pickHeadline(
        {
          meta: ["Brexit: what happens next"],
          title: "Brexit: what happens next - Politics - The Daily Example",
          h1s: ["The Daily Example", "Brexit: what happens next"],
        },
        site,
      ),
    ).toBe("Brexit: what happens next");
  });

  it("recognizes the h1 inside a title cut at any separator (no site name to go by)", () => {
    expect(
      pickHeadline(
        { meta: [], title: "Get your tests covered | Code | Ana Ruiz", h1s: ["Get your tests covered"] },
        siteNames([]),
      ),
    ).toBe("Get your tests covered");
  });

  it("never takes a one-word section that an h1 repeats for the headline", () => {
    expect(
      pickHeadline(
        { meta: [], title: "Harbour bridge to close for two years | Politics | Daily Example", h1s: ["Politics"] },
        site,
      ),
    ).toBe("Harbour bridge to close for two years");
  });

  it("uses JSON-LD headline, then og:title, when the page's h1 says something else", () => {
    expect(
      pickHeadline(
        { jsonLd: "Bridge to close", meta: ["Bridge closing"], title: "x | Daily Example", h1s: ["Menu"] },
        site,
      ),
    ).toBe("Bridge to close");
  });

  it("takes the article's one h1 over an SEO title that reads differently", () => {
    expect(
      pickHeadline(
        {
          jsonLd: "Neon signs: a brief history",
          meta: ["Neon signs: a brief history"],
          h1s: ["Why neon is the symbol of the century"],
          visible: "Why neon is the symbol of the century",
        },
        site,
      ),
    ).toBe("Why neon is the symbol of the century");
  });

  it("completes a JSON-LD headline cut short with an ellipsis from another source", () => {
    const long = "Harbour bridge to close for two years while engineers replace every cable, council says";
    expect(pickHeadline({ jsonLd: "Harbour bridge to close for two years while…", meta: [long], h1s: [] }, site)).toBe(
      long,
    );
  });

  it("decodes entities a CMS encoded twice and collapses whitespace", () => {
    expect(pickHeadline({ meta: ["Salt &amp; pepper\n  shortage"], h1s: [] }, site)).toBe("Salt & pepper shortage");
  });

  it("ignores a title that is only the site's name", () => {
    expect(pickHeadline({ meta: ["The Daily Example"], title: "Daily Example", h1s: [] }, site)).toBeUndefined();
  });
});
