import { expect, test, type Browser } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { createArticle, origin, signedIn } from "../support/workbench";

test("the review queue pages through everything waiting, 50 at a time, with the total", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await signedIn(browser, demoAccount("EDITOR"));
  const article = await createArticle(editor.request, `Queue pager ${Date.now().toString(36)}`);
  // More than a page's worth, whatever other tests left waiting; removed at the end, so that
  // the other specs' newly submitted work stays on the queue's first page.
  const ids: string[] = [];
  try {
    for (let index = 0; index < 55; index++) {
      const created = await editor.request.post(`/api/v1/articles/${article.id}/annotations`, {
        data: { kind: "ANALYSIS", start: index, end: index + 10 },
        headers: origin,
      });
      expect(created.status()).toBe(201);
      ids.push((await created.json()).id);
      const submitted = await editor.request.post(`/api/v1/annotations/${ids.at(-1)}/submit`, {
        data: {},
        headers: origin,
      });
      expect(submitted.status()).toBe(200);
    }
    await walkTheQueue(browser);
  } finally {
    for (const id of ids)
      expect((await editor.request.delete(`/api/v1/annotations/${id}`, { headers: origin })).status()).toBe(204);
  }
});

/** As a reviewer: the count, 50 rows, next, previous, and a page past the end. */
async function walkTheQueue(browser: Browser) {
  const reviewer = await signedIn(browser, demoAccount("REVIEWER"));
  const api = await (await reviewer.request.get("/api/v1/review-queue?page=2")).json();
  expect(api).toMatchObject({ page: 2, pageSize: 50 });
  const total: number = api.total;
  expect(total).toBeGreaterThanOrEqual(55);
  const pages = Math.ceil(total / 50);

  await reviewer.goto("/review");
  await expect(reviewer.getByTestId("queue-range")).toHaveText(`${total} waiting, showing 1–50`);
  await expect(reviewer.getByRole("row")).toHaveCount(51);
  const pager = reviewer.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  await pager.getByRole("link", { name: /Next/ }).click();
  await expect(reviewer).toHaveURL(/\/review\?page=2$/);
  await expect(reviewer.getByTestId("queue-range")).toHaveText(`${total} waiting, showing 51–${Math.min(100, total)}`);
  await expect(reviewer.getByRole("row")).toHaveCount(Math.min(50, total - 50) + 1);
  await pager.getByRole("link", { name: /Previous/ }).click();
  await expect(reviewer.getByTestId("queue-range")).toHaveText(`${total} waiting, showing 1–50`);
  // A page past the end (reviews done since the link was made) shows the last one.
  await reviewer.goto("/review?page=999");
  await expect(reviewer).toHaveURL(new RegExp(`/review\\?page=${pages}$`));
  await expect(reviewer.getByTestId("queue-range")).toHaveText(
    new RegExp(`^${total} waiting, showing ${(pages - 1) * 50 + 1}–${total}$`),
  );
}
