import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi } from "../support/accounts";
import {
  clickHighlight,
  drawnOf,
  highlightInView,
  highlightTextOf,
  isDrawnAs,
  selectQuote,
} from "../support/workbench";

const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8");
const CLAIM =
  "His Foreign Ministry spokesman, Zhao Lijian, said the United States was spreading “malicious disinformation”, with “sinister intentions”, according to translations from reporters in the room.";
const PARAGRAPH = `China on Monday reacted angrily to multiple media reports citing US officials. ${CLAIM}`;

type Annotation = {
  id: string;
  kind: string;
  start: number;
  end: number;
  quote: string;
  speaker: string | null;
  verdict: string | null;
  rationale: string | null;
  version: number;
  sources: { url: string; title: string | null }[];
};
type Article = { id: string; revision: { text: string }; annotations: Annotation[] };

test.beforeEach(async ({ page }) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
});

async function createArticle(page: Page, title = `US and China in Rome ${Date.now().toString(36)}`): Promise<Article> {
  const response = await page.request.post("/api/v1/articles", {
    data: { title, text: seed },
    headers: { Origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function annotate(page: Page, article: Article, kind: string, quote: string): Promise<Annotation> {
  const start = article.revision.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/v1/articles/${article.id}/annotations`, {
    data: { kind, start, end: start + quote.length, quote },
    headers: { Origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

const stored = async (page: Page, id: string): Promise<Article> =>
  (await page.request.get(`/api/v1/articles/${id}`)).json();

/** The text of every highlight piece carrying the annotation, in document order, once the page draws it. */
const expectHighlightText = (page: Page, annotationId: string, wanted: string) =>
  expect.poll(() => highlightTextOf(page, annotationId)).toBe(wanted);

/** Viewport points just inside the first and last characters of `quote` in the article text. */
async function dragPoints(page: Page, quote: string) {
  return page.evaluate((wanted) => {
    const root = document.querySelector(".wb-text")!;
    // One element with data-start and one text node per block; the quote lies within one paragraph.
    const pieces = [...root.querySelectorAll<HTMLElement>("[data-start]")];
    const flat = pieces.map((piece) => piece.textContent).join("");
    const at = flat.indexOf(wanted);
    if (at < 0) throw new Error("quote not rendered");
    // Centred first, so a drag near the window's edge does not scroll the page under the mouse.
    const startsIn = pieces.find(
      (_, index) => pieces.slice(0, index + 1).reduce((sum, piece) => sum + piece.textContent!.length, 0) > at,
    )!;
    startsIn.scrollIntoView({ block: "center" });
    const charRect = (index: number) => {
      let offset = index;
      for (const piece of pieces) {
        const node = piece.firstChild as Text;
        if (offset < node.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getClientRects()[0];
        }
        offset -= node.length;
      }
      throw new Error("offset out of range");
    };
    const first = charRect(at);
    const last = charRect(at + wanted.length - 1);
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, quote);
}

async function mouseSelect(page: Page, quote: string) {
  const { from, to } = await dragPoints(page, quote);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()!.toString());

test("tag a claim by mouse, fill it in, overlap it with analysis, and it all survives a reload", async ({ page }) => {
  const article = await createArticle(page);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/US and China in Rome/);
  const text = page.getByRole("region", { name: "Article text" });
  // Curly quotes arrive exactly as pasted.
  await expect(text).toContainText(
    "said the United States was spreading “malicious disinformation”, with “sinister intentions”, according to",
  );
  await expect(page.getByText("No annotations yet.", { exact: true })).toBeVisible();
  // The empty verdict summary: its heading, then a sentence of its own.
  await expect(page.getByRole("heading", { name: "Verdicts", exact: true })).toBeVisible();
  await expect(page.getByText("There are no claims or denials to rate yet.", { exact: true })).toBeVisible();

  // A real mouse drag over the sentence.
  await mouseSelect(page, CLAIM);
  expect((await selectedText(page)).trim()).toBe(CLAIM);
  await expect(
    page.getByRole("toolbar", { name: "Tag the selected text" }).getByRole("button", { name: "Claim (c)" }),
  ).toBeVisible();

  const created = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/articles/${article.id}/annotations`) && response.request().method() === "POST",
  );
  await page.keyboard.press("c");
  const claim = (await (await created).json()) as Annotation;
  expect(claim.quote).toBe(CLAIM);
  await expect(page.getByRole("status")).toHaveText("Claim added");
  // The notice sits at the top of the side panel: over no article text.
  const notice = (await page.getByRole("status").boundingBox())!;
  const panelBox = (await page.getByRole("complementary", { name: "Annotation details" }).boundingBox())!;
  const textBox = (await text.boundingBox())!;
  expect(notice.x).toBeGreaterThanOrEqual(panelBox.x);
  expect(notice.x + notice.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 0.5);
  expect(notice.x >= textBox.x + textBox.width || notice.y >= textBox.y + textBox.height).toBe(true);
  await expect(page.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeFocused();
  await expectHighlightText(page, claim.id, CLAIM);
  await expect(page.getByTestId("annotation-status")).toContainText("Draft");

  // Speaker typed first; adding sources in between moves the version on without losing it.
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  await panel.getByLabel("Speaker").fill("Zhao Lijian, Chinese foreign ministry spokesman");
  await panel.getByRole("button", { name: "+ Add a source" }).click();
  await panel.getByLabel("URL", { exact: true }).fill("https://www.fmprc.gov.cn/eng/xwfw_665399/s2510_665401/");
  await panel.getByLabel("Title").fill("Foreign Ministry Spokesperson's regular press conference");
  await panel.getByRole("button", { name: "Add source", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Source added");
  await expect(panel.getByLabel("URL", { exact: true })).toHaveValue("");
  await panel
    .getByLabel("URL", { exact: true })
    .fill("https://www.reuters.com/world/china-says-us-spreading-disinformation/");
  await panel.getByLabel("Publisher").fill("Reuters");
  await panel.getByRole("button", { name: "Add source", exact: true }).click();
  await expect(panel.getByTestId("source-list").getByRole("listitem")).toHaveCount(2);
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(panel.getByLabel("Speaker")).toHaveValue("Zhao Lijian, Chinese foreign ministry spokesman");

  await panel.getByLabel("Verdict").selectOption({ label: "False" });
  await panel
    .getByLabel("Rationale")
    .fill("US officials briefed allies on the request; no evidence of a disinformation campaign.");
  const saved = page.waitForResponse(
    (response) => response.url().endsWith(`/annotations/${claim.id}`) && response.request().method() === "PATCH",
  );
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText("Saved");
  await expect(panel.getByText("All changes saved")).toBeVisible();

  // A larger span around the claim, selected by script this time, tagged as analysis with the keyboard.
  await selectQuote(page, PARAGRAPH);
  await expect(page.getByRole("toolbar", { name: "Tag the selected text" })).toBeVisible();
  const analysisCreated = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/articles/${article.id}/annotations`) && response.request().method() === "POST",
  );
  await page.keyboard.press("a");
  const analysis = (await (await analysisCreated).json()) as Annotation;
  expect(analysis.quote).toBe(PARAGRAPH);
  await expect(page.getByRole("status")).toHaveText("Analysis added");
  await expect(page.getByRole("heading", { level: 2, name: "A1 Analysis" })).toBeVisible();
  // The analysis panel has no verdict.
  await expect(panel.getByLabel("Verdict")).toHaveCount(0);

  await page.reload();
  await expectHighlightText(page, claim.id, CLAIM);
  await expectHighlightText(page, analysis.id, PARAGRAPH);
  // The claim's words are drawn once, under both: darker, in the analysis's colour with the claim's underline.
  const overlap = async () => {
    const { pieces } = await drawnOf(page, claim.id);
    return pieces.map((piece) => ({ text: piece.text, names: piece.names }));
  };
  expect(await overlap()).toEqual([{ text: CLAIM, names: ["wb-analysis-claim", "wb-depth-2"] }]);

  // Clicking the overlap opens the innermost (the claim) and offers the other.
  const inside = await dragPoints(page, "malicious disinformation");
  await page.mouse.click(inside.from.x + 8, inside.from.y);
  await expect(page.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();
  await expect.poll(overlap).toEqual([{ text: CLAIM, names: ["wb-analysis-claim", "wb-depth-2", "wb-open"] }]);
  // The analysis's words outside the claim are not drawn open.
  expect(await isDrawnAs(page, analysis.id, "wb-open")).toBe(false);
  await expect(
    panel
      .getByRole("navigation", { name: "Overlapping annotations" })
      .getByRole("button", { name: "Open Analysis A1" }),
  ).toBeVisible();
  await expect(panel.getByTestId("source-list").getByRole("listitem")).toHaveCount(2);
  await expect(
    panel.getByRole("link", { name: /Foreign Ministry Spokesperson's regular press conference/ }),
  ).toHaveAttribute("rel", "noopener noreferrer");
  await expect(panel.getByLabel("Verdict")).toHaveValue("FALSE");
  await expect(panel.getByLabel("Verdict").locator("option:checked")).toHaveText("False");
  await expect(panel.getByLabel("Speaker")).toHaveValue("Zhao Lijian, Chinese foreign ministry spokesman");
  await expect(page.getByTestId("kind-counts")).toContainText("1 claim");
  await expect(page.getByRole("img", { name: /Verdicts: 1 false/ })).toBeVisible();

  const saved1 = (await stored(page, article.id)).annotations.find((annotation) => annotation.id === claim.id)!;
  expect(saved1).toMatchObject({
    speaker: "Zhao Lijian, Chinese foreign ministry spokesman",
    verdict: "FALSE",
    start: claim.start,
    end: claim.end,
  });
  expect(saved1.sources.map((source) => source.url)).toEqual([
    "https://www.fmprc.gov.cn/eng/xwfw_665399/s2510_665401/",
    "https://www.reuters.com/world/china-says-us-spreading-disinformation/",
  ]);

  // Delete the analysis, with its confirmation.
  await panel.getByRole("button", { name: "Open Analysis A1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "A1 Analysis" })).toBeVisible();
  await panel.getByRole("button", { name: "Delete analysis A1" }).click();
  const deleted = page.waitForResponse(
    (response) =>
      response.url().includes(`/annotations/${analysis.id}?version=`) && response.request().method() === "DELETE",
  );
  await panel.getByRole("button", { name: "Yes, delete analysis A1" }).click();
  expect((await deleted).status()).toBe(204);
  await expect(page.getByRole("status")).toHaveText("Deleted");
  await page.reload();
  await expectHighlightText(page, claim.id, CLAIM);
  expect((await drawnOf(page, analysis.id)).pieces).toEqual([]);
  expect((await stored(page, article.id)).annotations.map((annotation) => annotation.id)).toEqual([claim.id]);
});

test("J and K walk the annotations in reading order; Escape closes the panel", async ({ page }) => {
  const article = await createArticle(page);
  // Made out of order on purpose: the workbench orders by where they start.
  const third = await annotate(
    page,
    article,
    "ANALYSIS",
    "The Biden White House is keen to prevent the war in Ukraine",
  );
  const first = await annotate(page, article, "CLAIM", "The United States will try to persuade China");
  const second = await annotate(
    page,
    article,
    "DENIAL",
    "China has played a constructive role in promoting the peace talks",
  );
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Annotations (3)" })).toBeVisible();
  // The heading is in the server's HTML: keys work once the page is hydrated, which "Live" shows.
  await expect(page.getByTestId("live-connection")).toHaveText("Live");

  const heading = page.locator("#wb-panel-heading");
  const quote = page.getByTestId("annotation-quote");
  await page.keyboard.press("j");
  await expect(heading).toHaveText("C1 Claim");
  await expect(heading).toBeFocused();
  await expect(quote).toHaveText(first.quote);
  await expect.poll(() => isDrawnAs(page, first.id, "wb-open")).toBe(true);
  await page.keyboard.press("j");
  await expect(quote).toHaveText(second.quote);
  await page.keyboard.press("j");
  await expect(quote).toHaveText(third.quote);
  await expect.poll(() => highlightInView(page, third.id)).toBe(true);
  await page.keyboard.press("k");
  await expect(quote).toHaveText(second.quote);
  await expect(heading).toHaveText("D1 Denial");

  // Letters typed into a field are text, not shortcuts.
  await page.getByLabel("Speaker").fill("");
  await page.getByLabel("Speaker").press("j");
  await expect(page.getByLabel("Speaker")).toHaveValue("j");
  await expect(quote).toHaveText(second.quote);

  await page.keyboard.press("Escape");
  await expect(heading).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Annotations (3)" })).toBeVisible();
  // The typed speaker was kept as an unsaved draft, not lost.
  await expect(page.getByRole("button", { name: /Denial: .*unsaved changes/ })).toBeVisible();

  // Keyboard selection: a caret in the text, Shift+arrows, then D.
  const word = "Sullivan and Yang";
  const { from } = await dragPoints(page, word);
  await page.mouse.click(from.x, from.y);
  for (let i = 0; i < word.length; i++) await page.keyboard.press("Shift+ArrowRight");
  expect(await selectedText(page)).toBe(word);
  await page.keyboard.press("d");
  await expect(page.getByRole("status")).toHaveText("Denial added");
  await expect(quote).toHaveText(word);
});

test("a source URL the server refuses (422) shows the error at the field and stores nothing", async ({ page }) => {
  const article = await createArticle(page);
  const claim = await annotate(page, article, "CLAIM", "Russia has asked China for weapons");
  await page.goto(`/articles/${article.id}`);
  await clickHighlight(page, claim.id);
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  await expect(panel.getByRole("heading", { level: 2, name: "C1 Claim" })).toBeVisible();

  await panel.getByRole("button", { name: "+ Add a source" }).click();
  const url = panel.getByLabel("URL", { exact: true });
  await url.fill("javascript:alert(1)");
  const refused = page.waitForResponse((response) => response.url().endsWith(`/annotations/${claim.id}/sources`));
  await panel.getByRole("button", { name: "Add source", exact: true }).click();
  expect((await refused).status()).toBe(422);
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(
    "must be a web address starting with http:// or https://, such as https://www.example.com/story",
  );
  await expect(url).toHaveValue("javascript:alert(1)");
  await expect(panel.getByTestId("source-list")).toHaveCount(0);

  const after = (await stored(page, article.id)).annotations[0];
  expect(after.sources).toEqual([]);
  expect(after.version).toBe(claim.version);

  // A bare domain, as copied from an address bar, is taken as https://.
  await url.fill("www.bbc.co.uk/news/x");
  const added = page.waitForResponse((response) => response.url().endsWith(`/annotations/${claim.id}/sources`));
  await panel.getByRole("button", { name: "Add source", exact: true }).click();
  expect((await added).status()).toBe(201);
  await expect(panel.getByTestId("source-list")).toContainText("https://www.bbc.co.uk/news/x");
  expect((await stored(page, article.id)).annotations[0].sources.map((source: { url: string }) => source.url)).toEqual([
    "https://www.bbc.co.uk/news/x",
  ]);
});

test("a save over someone else's change (409) says so, loads their version and keeps the typed text", async ({
  page,
}) => {
  const article = await createArticle(page);
  const claim = await annotate(page, article, "CLAIM", "Russia has asked China for weapons");
  await page.goto(`/articles/${article.id}`);
  await clickHighlight(page, claim.id);
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  await panel.getByLabel("Speaker").fill("My speaker");

  // Meanwhile a colleague saves first.
  const theirs = await page.request.patch(`/api/v1/annotations/${claim.id}`, {
    data: { version: claim.version, speaker: "Their speaker" },
    headers: { Origin: baseURL },
  });
  expect(theirs.status()).toBe(200);

  const refused = page.waitForResponse(
    (response) => response.url().endsWith(`/annotations/${claim.id}`) && response.request().method() === "PATCH",
  );
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  expect((await refused).status()).toBe(409);
  const alert = panel.getByRole("alert");
  await expect(alert).toContainText("Someone changed this since you opened it");
  await expect(alert.getByRole("row", { name: /Speaker/ })).toContainText("Their speaker");
  await expect(panel.getByLabel("Speaker")).toHaveValue("My speaker");

  await alert.getByRole("button", { name: "Load their version" }).click();
  await expect(panel.getByLabel("Speaker")).toHaveValue("Their speaker");
  const kept = panel.getByRole("region", { name: "Your unsaved text" });
  await expect(kept).toContainText("My speaker");
  await kept.getByRole("button", { name: "Use mine" }).click();
  await expect(panel.getByLabel("Speaker")).toHaveValue("My speaker");
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved");
  const after = (await stored(page, article.id)).annotations[0];
  expect(after).toMatchObject({ speaker: "My speaker", version: claim.version + 2 });
});

test("a source edited or removed over someone else's change (409) shows their version; the edit stays typed and a removal is asked again", async ({
  page,
}) => {
  const article = await createArticle(page);
  const claim = await annotate(page, article, "CLAIM", "Russia has asked China for weapons");
  const added = await page.request.post(`/api/v1/annotations/${claim.id}/sources`, {
    data: { url: "https://ministry.example/statement", title: "Ministry statement" },
    headers: { Origin: baseURL },
  });
  expect(added.status()).toBe(201);
  // This page hears of nobody's changes (its event stream is cut), so what it shows goes stale.
  // (A regular expression: the page's stream resumes with ?lastEventId=, which a glob ending in /events would miss.)
  await page.route(/\/api\/v1\/articles\/[^/]+\/events/, (route) => route.abort());
  await page.goto(`/articles/${article.id}`);
  await clickHighlight(page, claim.id);
  const panel = page.getByRole("complementary", { name: "Annotation details" });
  const sources = panel.getByTestId("source-list");
  await expect(sources).toContainText("Ministry statement");

  const colleagueEdits = async (note: string) => {
    const current = (await stored(page, article.id)).annotations[0];
    const response = await page.request.patch(`/api/v1/annotations/${claim.id}`, {
      data: { version: current.version, note },
      headers: { Origin: baseURL },
    });
    expect(response.status()).toBe(200);
  };

  // An edit: refused, their version shown, the typed title still in the form; saving again applies it.
  await panel.getByRole("button", { name: "Edit source 1" }).click();
  await panel.getByLabel("Title").fill("Ministry statement, 21 March");
  await colleagueEdits("Checked the ministry's site.");
  await panel.getByRole("button", { name: "Save source" }).click();
  await expect(panel.getByRole("alert")).toContainText(
    "Someone else changed this annotation just now; their version is shown. Your edit is still in the form",
  );
  await expect(panel.getByLabel("Note")).toHaveValue("Checked the ministry's site.");
  await expect(panel.getByLabel("Title")).toHaveValue("Ministry statement, 21 March");
  await panel.getByRole("button", { name: "Save source" }).click();
  await expect(sources).toContainText("Ministry statement, 21 March");
  expect((await stored(page, article.id)).annotations[0].sources).toMatchObject([
    { title: "Ministry statement, 21 March" },
  ]);

  // A removal: refused and asked again, then done.
  await colleagueEdits("Checked twice.");
  await panel.getByRole("button", { name: "Remove source 1" }).click();
  await expect(panel.getByRole("alert")).toContainText("Check it, then remove it again if you still want to.");
  await expect(sources).toContainText("Ministry statement, 21 March");
  expect((await stored(page, article.id)).annotations[0].sources).toHaveLength(1);
  await panel.getByRole("button", { name: "Remove source 1" }).click();
  await expect(panel.getByTestId("source-list")).toHaveCount(0);
  expect((await stored(page, article.id)).annotations[0]).toMatchObject({ sources: [], note: "Checked twice." });
});
