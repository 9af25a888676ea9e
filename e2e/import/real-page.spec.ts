import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demoAccount, signInViaApi } from "../support/accounts";
import { newsSite } from "../support/news-site";

/**
 * A news page as a site serves it: the story inside menus, a "most read" rail, a newsletter prompt, a footer and a
 * big inline data script (over 256 KB in all, so the production server extracts it on its extraction thread).
 */
const STORY = [
  "The island's ferry timetable will be cut from May, the operator confirmed on Monday.",
  "The last boat to the mainland will leave at six in the evening instead of ten.",
  "Islanders who work night shifts on the mainland say they will have to move.",
  "The operator said the change saves fuel and crew costs during the quiet months.",
  "The council will ask the operator to publish the passenger figures behind the decision.",
];
const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ferry timetable cut | The Island Courier</title>
<meta property="og:site_name" content="The Island Courier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable cut","datePublished":"2026-04-02T08:00:00+01:00","dateModified":"2026-04-03T09:30:00+01:00","inLanguage":"en-GB","author":{"@type":"Person","name":"Mairi Campbell"},"publisher":{"@type":"Organization","name":"The Island Courier"}}</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article>
<h1>Ferry timetable cut</h1>
<p class="byline">By Mairi Campbell</p>
${STORY.map((text) => `<p>${text}</p>`).join("\n")}
</article>
<aside><h2>Most read</h2><ol><li><a href="/a">Harbour wall repairs delayed again</a></li><li><a href="/b">School roof fixed at last</a></li></ol></aside>
</main>
<footer><p>© The Island Courier. Sign up for our newsletter.</p></footer>
<script type="application/json" id="__DATA__">{"cache":"${"0123456789abcdef".repeat(20_000)}"}</script>
</body>
</html>`;

test.beforeEach(async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
});

test("an editor fetches a real page, leaves one block out in the preview, imports, and the workbench shows exactly the kept text", async ({
  page,
}) => {
  const { base, close } = await newsSite({ "/news/ferry-timetable": PAGE });
  try {
    await page.goto("/articles/new");
    await page.getByLabel("Fetch from a web address").fill(`${base}/news/ferry-timetable`);
    await page.getByRole("button", { name: "Fetch", exact: true }).click();

    const preview = page.getByRole("group", { name: "The article as it will be imported" });
    await expect(preview).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Ferry timetable cut");
    await expect(page.getByLabel("Author")).toHaveValue("Mairi Campbell");
    await expect(page.getByLabel("Publisher")).toHaveValue("The Island Courier");
    await expect(page.getByLabel("Published")).toHaveValue("2026-04-02");
    await expect(page.getByLabel("Last modified")).toHaveValue("2026-04-03");
    await expect(page.getByLabel("Language")).toHaveValue("en-GB");

    // Every paragraph of the story is there, kept; the menus and the rail are not among the kept blocks.
    for (const text of STORY) await expect(preview.getByRole("checkbox", { name: `Keep: ${text}` })).toBeChecked();
    const keptBefore = await preview.getByRole("checkbox", { checked: true }).count();
    const count = preview.getByRole("status");
    await expect(count).toContainText(`${keptBefore} of `);

    // The editor leaves the operator's explanation out; the count says so.
    const leftOut = STORY[3];
    await preview.getByRole("checkbox", { name: `Keep: ${leftOut}` }).uncheck();
    await expect(count).toContainText(`${keptBefore - 1} of `);
    const kept = await preview
      .getByRole("checkbox", { checked: true })
      .evaluateAll((boxes) =>
        boxes.map((box) => document.querySelector(`label[for="${box.id}"]`)!.textContent!.replace(/^Keep: /, "")),
      );
    for (const chrome of ["Most read", "Harbour wall repairs", "Sport", "Sign up for our newsletter"])
      expect(kept.join(" ")).not.toContain(chrome);

    await page.getByRole("button", { name: "Import article" }).click();
    await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
    const stored = await (await page.request.get(`/api/v1/articles/${page.url().split("/").pop()}`)).json();
    expect(stored.revision.text).toBe(kept.join("\n\n"));
    expect(stored).toMatchObject({ language: "en-GB", modifiedAt: expect.stringMatching(/^2026-04-03/) });

    const text = page.getByRole("region", { name: "Article text" });
    await expect(text).toHaveAttribute("lang", "en-GB");
    for (const paragraph of STORY.filter((paragraph) => paragraph !== leftOut))
      await expect(text.getByText(paragraph)).toBeVisible();
    await expect(text.getByText(leftOut)).toHaveCount(0);
  } finally {
    close();
  }
});

test("a whole page pasted as HTML is previewed before import; a left-out run can be shown and a block brought back", async ({
  page,
}) => {
  await page.goto("/articles/new");
  await page.getByLabel("HTML (reduced to text, paragraphs and headings)").check();
  await page.getByLabel("HTML", { exact: true }).fill(PAGE);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("group", { name: "The article as it will be imported" });
  await expect(preview).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Ferry timetable cut");
  const blocks = await preview.getByRole("checkbox").count();
  const shows = preview.getByRole("button", { name: /blocks? left out — show/ });
  // What the extractor left out (the menus, the rail) waits behind its runs; showing one lists its blocks, unticked.
  await shows.first().click();
  expect(await preview.getByRole("checkbox").count()).toBeGreaterThan(blocks);
  const broughtBack = preview.getByRole("checkbox", { checked: false }).first();
  const label = await broughtBack.evaluate((box) => document.querySelector(`label[for="${box.id}"]`)!.textContent!);
  await broughtBack.check();
  await expect(preview.getByRole("button", { name: /blocks? left out — hide/ }).first()).toBeVisible();
  // The preview, with a left-out run open, passes axe like every page (e2e/a11y/every-page.spec.ts).
  const { violations } = await new AxeBuilder({ page }).include(".import-preview").analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  await page.getByRole("button", { name: "Import article" }).click();
  await page.waitForURL((url) => /\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const stored = await (await page.request.get(`/api/v1/articles/${page.url().split("/").pop()}`)).json();
  for (const paragraph of STORY) expect(stored.revision.text).toContain(paragraph);
  expect(stored.revision.text).toContain(label.replace(/^Keep: /, ""));
  expect(stored.revision.text).not.toContain("0123456789abcdef");
});
