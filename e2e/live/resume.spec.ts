import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import {
  createArticle,
  createClaim,
  clickHighlight,
  highlightTextOf,
  labelTextOf,
  origin,
  panelOf,
  signedIn,
  type Annotation,
} from "../support/workbench";

/**
 * The page carries the article once: its live stream resumes from the event
 * id the page was rendered at, so a change made between the render and the
 * stream's start arrives as an event, and nothing reads the whole article again.
 */

const FIRST = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const SECOND =
  "His Foreign Ministry spokesman, Zhao Lijian, said the United States was spreading “malicious disinformation”";
const SPEAKER = "Changed before the stream started";

const editor = demoAccount("EDITOR");
const reviewer = demoAccount("REVIEWER");

test("a change between the page's render and its stream arrives as events, without re-reading the article", async ({
  browser,
}) => {
  const a = await signedIn(browser, editor);
  const b = await signedIn(browser, reviewer);
  const article = await createArticle(a.request, `Live resume ${Date.now().toString(36)}`);
  const first = await createClaim(a.request, article, FIRST);

  // Every whole-article read the page makes (the API's GET of the article).
  const reads: string[] = [];
  b.on("request", (request) => {
    if (request.method() === "GET" && new URL(request.url()).pathname === `/api/v1/articles/${article.id}`)
      reads.push(request.url());
  });
  // The first stream is held back until the editor has added a claim and changed another: the page was rendered before both.
  let streamUrl = "";
  let second: Annotation | undefined;
  await b.route(new RegExp(`/api/v1/articles/${article.id}/events`), async (route) => {
    if (!streamUrl) {
      streamUrl = route.request().url();
      second = await createClaim(a.request, article, SECOND);
      const changed = await a.request.patch(`/api/v1/annotations/${first.id}`, {
        data: { version: first.version, speaker: SPEAKER },
        headers: origin,
      });
      expect(changed.status(), await changed.text()).toBe(200);
    }
    await route.continue();
  });

  await b.goto(`/articles/${article.id}`);
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  // It resumed from the page's version…
  expect(new URL(streamUrl).searchParams.get("lastEventId")).toMatch(/^[1-9]\d*$/);
  // …so the new claim and the changed one arrive as events,
  await expect.poll(() => labelTextOf(b, second!.id), { timeout: 3_000 }).toBe("C2");
  await clickHighlight(b, first.id);
  await expect(panelOf(b).getByLabel("Speaker")).toHaveValue(SPEAKER);
  // with no second copy of the article on the wire.
  expect(reads).toEqual([]);

  // A plain open (nothing changed since the render) reads nothing either, and shows each highlight once.
  await b.reload();
  await expect(b.getByTestId("live-connection")).toHaveText("Live");
  await expect.poll(() => highlightTextOf(b, second!.id)).toBe(second!.quote);
  const labels = await b
    .locator(".wb-text [data-label]")
    .evaluateAll((blocks) => blocks.flatMap((block) => block.getAttribute("data-label")!.split(" ")));
  expect(labels.filter((label) => label === "C2")).toHaveLength(1);
  await b.waitForTimeout(500);
  expect(reads).toEqual([]);
});
