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
export const markOf = (page: Page, id: string) => page.locator(`.wb-text mark[data-annotations~="${id}"][data-label]`);
