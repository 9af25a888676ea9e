import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { demoAccount, signInViaApi } from "../support/accounts";

// #13 items 1 and 2 in Chromium: the export menu says who each format is for, warns when a reader
// export would name an address readers cannot open, and the downloaded HTML holds the remark for
// readers but neither the internal note nor the workbench's address.
const TEXT = "The mayor said crime fell by half last year. Police data show a fall of 12 percent.";
const NOTE = "Internal: the mayor's office has not called back";
const REMARK = "The mayor's office later said it meant burglaries only.";

async function downloadHtml(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Annotated HTML" }).click(),
  ]);
  return fs.readFileSync((await download.path())!, "utf8");
}

test("the export menu names each format's audience, warns about a private public address, and the HTML carries neither notes nor the workbench", async ({
  page,
}) => {
  const editor = demoAccount("EDITOR");
  await signInViaApi(page.request, editor.email, editor.password);
  const headers = { Origin: baseURL };
  const article = await (
    await page.request.post("/api/v1/articles", { headers, data: { title: "Crime figures, published", text: TEXT } })
  ).json();
  const start = TEXT.indexOf("crime fell by half");
  const created = await page.request.post(`/api/v1/articles/${article.id}/annotations`, {
    headers,
    data: {
      kind: "CLAIM",
      start,
      end: start + "crime fell by half".length,
      verdict: "FALSE",
      note: NOTE,
      publicNote: REMARK,
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/articles/${article.id}`);
  await page.getByText("Export", { exact: true }).click();
  await expect(page.getByRole("link", { name: "Annotated HTML for readers" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "CSV spreadsheet for the team (includes internal notes)" }),
  ).toBeVisible();
  await expect(page.getByTestId("public-address")).toHaveText(
    "Reader exports name no online address: set this article's public address, or FACTMARK_PUBLIC_URL.",
  );

  let html = await downloadHtml(page);
  expect(html).toContain(`Remark for readers:</strong> ${REMARK}`);
  expect(html).not.toContain("has not called back");
  expect(html).not.toContain(baseURL);
  expect(html).not.toContain("Online version");

  const address = page.getByLabel("Public address of this fact-check");
  await address.fill("http://192.168.1.20/checks/crime");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByTestId("public-address-warning")).toHaveText(
    "The reader exports (HTML, ClaimReview) name http://192.168.1.20/checks/crime, which is a private network address (192.168.0.0/16): readers cannot open it. Set this article's public address, or FACTMARK_PUBLIC_URL.",
  );

  // A bare domain would be read as https://…; another scheme is refused at the field.
  await address.fill("ftp://checks.example/crime");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.locator("#wb-public-url-error")).toHaveText(
    "must be a web address starting with http:// or https://, such as https://www.example.com/story",
  );

  await address.fill("https://checks.example/crime");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByTestId("public-address")).toHaveText("Reader exports link to https://checks.example/crime");
  await expect(page.getByTestId("public-address-warning")).toHaveCount(0);
  html = await downloadHtml(page);
  expect(html).toContain('Online version: <a class="url" href="https://checks.example/crime"');
  expect(html).toContain('"url":"https://checks.example/crime#note-1"');
  expect(html).not.toContain(baseURL);
});
