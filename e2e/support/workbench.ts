import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { signInViaApi } from "./accounts";

/** Shared by the workbench specs that work on the seed article through two signed-in browsers. */
export const seed = fs.readFileSync(path.resolve("../shared/fixtures/seed-article.txt"), "utf8");
export const origin = { Origin: baseURL };

export type Annotation = {
  id: string;
  start: number;
  end: number;
  quote: string;
  status: string;
  version: number;
  speaker: string | null;
  note: string;
};
export type Article = {
  id: string;
  title: string;
  status: string;
  revision: { id: string; text: string };
  annotations: Annotation[];
};

export async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  await signInViaApi(context.request, account.email, account.password);
  return context.newPage();
}

export async function createArticle(request: APIRequestContext, title: string): Promise<Article> {
  const response = await request.post("/api/v1/articles", { data: { title, text: seed }, headers: origin });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function createClaim(
  request: APIRequestContext,
  article: Article,
  quote: string,
  extra: Record<string, unknown> = {},
): Promise<Annotation> {
  const start = article.revision.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await request.post(`/api/v1/articles/${article.id}/annotations`, {
    data: { kind: "CLAIM", start, end: start + quote.length, ...extra },
    headers: origin,
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export const stored = async (request: APIRequestContext, id: string): Promise<Article> =>
  (await request.get(`/api/v1/articles/${id}`)).json();

/** Selects the exact quote in the article text as a script would, then the mouseup a drag ends with. */
export async function selectQuote(page: Page, quote: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector(".wb-text")!;
    // Each block is one element with data-start and one text node (decision 027).
    const pieces = [...root.querySelectorAll<HTMLElement>("[data-start]")];
    const at = pieces
      .map((piece) => piece.textContent)
      .join("")
      .indexOf(wanted);
    const locate = (index: number, isEnd: boolean) => {
      let offset = index;
      for (const piece of pieces) {
        const node = piece.firstChild as Text;
        if (offset < node.length || (isEnd && offset === node.length)) return { node, offset };
        offset -= node.length;
      }
      throw new Error("offset out of range");
    };
    const start = locate(at, false);
    const end = locate(at + wanted.length, true);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, quote);
}

export const panelOf = (page: Page) => page.getByRole("complementary", { name: "Annotation details" });

/*
 * Highlights are not elements (decision 027): the article text draws them as Ranges in CSS.highlights. The text root
 * (.wb-text) carries a read-only test hook, `factmarkHighlights` (components/workbench/highlight-registry.ts):
 * describe(id) gives what is drawn for an annotation (each piece's text and the highlight names its Range is
 * registered under: wb-claim|wb-denial|wb-analysis or wb-<outer>-<inner>, wb-depth-2..4, wb-changed, wb-flashing,
 * wb-open) and the block that shows its label; drawnUnder(name) the ids drawn under one name; firstBox(id) where its
 * first piece is in the window. These helpers read it; use them with
 * expect.poll, which retries as a locator assertion would.
 */
export type Drawn = {
  block: number | null;
  labelIndex: number;
  pieces: { start: number; end: number; text: string; names: string[] }[];
};
type Box = { left: number; top: number; width: number; height: number };
type HighlightsHook = {
  describe(id: string): Drawn;
  drawnUnder(name: string): string[];
  firstBox(id: string): Box | null;
};
type HookedRoot = Element & { factmarkHighlights?: HighlightsHook };

/** What the text draws for an annotation (nothing before the page has hydrated). */
export const drawnOf = (page: Page, id: string): Promise<Drawn> =>
  page.evaluate(
    (wanted) =>
      (document.querySelector(".wb-text") as HookedRoot | null)?.factmarkHighlights?.describe(wanted) ?? {
        block: null,
        labelIndex: -1,
        pieces: [],
      },
    id,
  );

/** The highlighted text of an annotation, its pieces joined ("" when it is not drawn). */
export const highlightTextOf = async (page: Page, id: string) =>
  (await drawnOf(page, id)).pieces.map((piece) => piece.text).join("");

/** Every highlight name any piece of the annotation is drawn under, sorted ("wb-claim", "wb-open", …). */
export const highlightNamesOf = async (page: Page, id: string) =>
  [...new Set((await drawnOf(page, id)).pieces.flatMap((piece) => piece.names))].sort();

/** Whether the annotation's pieces are drawn under a name: every piece (open, changed) or, with "some", any (flashing over an overlap). */
export const isDrawnAs = async (page: Page, id: string, name: string, some = false) => {
  const { pieces } = await drawnOf(page, id);
  const has = (piece: Drawn["pieces"][number]) => piece.names.includes(name);
  return pieces.length > 0 && (some ? pieces.some(has) : pieces.every(has));
};

/**
 * The annotation's label as its block shows it: its own part of the block's data-label ("C1\u202f✓") and of
 * data-label-alt ("C1 approved"), and the block's data-status (set when the labels there agree). Null when not drawn.
 */
export const labelOf = (page: Page, id: string) =>
  page.evaluate((wanted) => {
    const root = document.querySelector(".wb-text") as HookedRoot | null;
    const drawn = root?.factmarkHighlights?.describe(wanted);
    if (!root || !drawn || drawn.block === null) return null;
    const block = root.querySelector(`[data-start="${drawn.block}"]`)!;
    return {
      text: block.getAttribute("data-label")?.split(" ")[drawn.labelIndex] ?? null,
      spoken: block.getAttribute("data-label-alt")?.split("; ")[drawn.labelIndex] ?? null,
      status: block.getAttribute("data-status"),
    };
  }, id);

/** The annotation's own label text ("C1\u202f✓"), or null while it is not drawn. */
export const labelTextOf = async (page: Page, id: string) => (await labelOf(page, id))?.text ?? null;

/** The viewport point at the middle of the annotation's first piece (its first line), scrolled into view first. */
export async function highlightPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  await expect.poll(async () => (await drawnOf(page, id)).pieces.length, { message: `${id} drawn` }).toBeGreaterThan(0);
  return page.evaluate((wanted) => {
    const root = document.querySelector(".wb-text") as HookedRoot;
    const hook = root.factmarkHighlights!;
    root.querySelector(`[data-start="${hook.describe(wanted).block}"]`)!.scrollIntoView({ block: "center" });
    let box = hook.firstBox(wanted)!;
    if (box.top < 0 || box.top + box.height > window.innerHeight) {
      window.scrollBy(0, box.top - window.innerHeight / 2);
      box = hook.firstBox(wanted)!;
    }
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, id);
}

/** Clicks an annotation's highlight as a reader would: at the middle of its first piece (the page hit-tests the point). */
export async function clickHighlight(page: Page, id: string) {
  const { x, y } = await highlightPoint(page, id);
  await page.mouse.click(x, y);
}

/** Whether the annotation's first piece is inside the window (scrolled to). */
export const highlightInView = (page: Page, id: string) =>
  page.evaluate((wanted) => {
    const box = (document.querySelector(".wb-text") as HookedRoot | null)?.factmarkHighlights?.firstBox(wanted);
    return Boolean(box && box.top >= 0 && box.top + box.height <= window.innerHeight);
  }, id);

/** Records every annotation id that is ever drawn flashing from now on, however briefly (read with flashedIds). */
export async function recordFlashes(page: Page) {
  await page.evaluate(() => {
    const log = window as unknown as { __flashed: Set<string> };
    log.__flashed = new Set();
    const root = document.querySelector(".wb-text") as HookedRoot;
    // A timer, not animation frames: those stop in a page the browser considers hidden.
    setInterval(() => {
      for (const id of root.factmarkHighlights?.drawnUnder("wb-flashing") ?? []) log.__flashed.add(id);
    }, 40);
  });
}
export const flashedIds = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { __flashed: Set<string> }).__flashed]);
