import { expect, test } from "@playwright/test";
import { demoAccount } from "../support/accounts";
import { createArticle, createClaim, origin, panelOf, signedIn } from "../support/workbench";

/** Speaker records (#18): a suggestion picked in the workbench links the record, its page tallies it, an admin merges two. */

const FIRST = "Russia has asked China for weapons to bolster its faltering invasion of Ukraine";
const SECOND = "according to translations from reporters in the room";

const editor = demoAccount("EDITOR");
const admin = demoAccount("ADMIN");

test("a speaker picked from the suggestions is linked; its page shows the claims, its charts' tables, and an admin merges another record into it", async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const name = `Quorra Speaker ${stamp}`;
  const other = `Q. Speaker ${stamp}`;
  const page = await signedIn(browser, editor);
  const earlier = await createArticle(page.request, `Speaker earlier ${stamp}`);
  await createClaim(page.request, earlier, FIRST, { speaker: name, verdict: "FALSE" });
  await createClaim(page.request, earlier, SECOND, { speaker: other, verdict: "TRUE" });
  const found = await (await page.request.get(`/api/v1/speakers?q=${encodeURIComponent(name)}`)).json();
  const record = found.items.find((item: { name: string }) => item.name === name);
  expect(record).toMatchObject({ claims: 1, verdicts: { FALSE: 1 } });

  // The workbench: type part of the name, pick the suggestion, save: the request carries the record's id.
  const later = await createArticle(page.request, `Speaker later ${stamp}`);
  await createClaim(page.request, later, FIRST, { verdict: "MOSTLY_FALSE" });
  await page.goto(`/articles/${later.id}`);
  await expect(page.getByTestId("live-connection")).toHaveText("Live");
  await page.keyboard.press("j");
  const panel = panelOf(page);
  const field = panel.getByRole("combobox", { name: "Speaker" });
  await field.fill(`quorra speaker ${stamp.slice(0, 3)}`);
  const option = panel.getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible();
  await expect(option).toContainText("1 checked");
  await field.press("ArrowDown");
  await expect(field).toHaveAttribute("aria-activedescendant", /.+/);
  await field.press("Enter");
  await expect(field).toHaveValue(name);
  const patch = page.waitForRequest(
    (request) => request.method() === "PATCH" && request.url().includes("/annotations/"),
  );
  await panel.getByRole("button", { name: "Save" }).click();
  expect((await patch).postDataJSON()).toMatchObject({ speaker: name, speakerId: record.id });
  await expect(page.getByRole("status").first()).toContainText("Saved");
  await expect(panel.getByRole("link", { name: `Everything checked of ${name}` })).toHaveAttribute(
    "href",
    `/speakers/${record.id}`,
  );

  // The speaker's page: both claims, the verdict chart and the chart over time, each with its table.
  await page.goto(`/speakers/${record.id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const statements = page.getByTestId("speaker-statements");
  await expect(statements.getByRole("row")).toHaveCount(3);
  await expect(statements).toContainText(`Speaker later ${stamp}`);
  await expect(statements).toContainText(`Speaker earlier ${stamp}`);
  const verdicts = page.getByRole("table", { name: /Verdicts on/ });
  await expect(verdicts.getByRole("row", { name: "False 1", exact: true })).toBeVisible();
  await expect(verdicts.getByRole("row", { name: "Mostly false 1", exact: true })).toBeVisible();
  const month = new Date().toISOString().slice(0, 7);
  await expect(
    page.getByRole("table", { name: /per month/ }).getByRole("row", { name: new RegExp(month) }),
  ).toContainText("2");
  await expect(page.locator("svg.chart-svg[aria-hidden=true]")).toHaveCount(2);
  // Filtered by verdict.
  await page.getByLabel("Filter by verdict").selectOption({ label: "False" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/verdict=FALSE/);
  await expect(statements.getByRole("row")).toHaveCount(2);
  await expect(statements).toContainText(`Speaker earlier ${stamp}`);
  // Editors do not merge.
  await expect(page.getByRole("heading", { name: "Merge another record into this one" })).toHaveCount(0);
  // Editors keep the record's profile: a role shows under the name; another record's name is refused at the field.
  await page.getByText("Edit this record").click();
  const edit = page.getByRole("form", { name: "Edit the speaker record" });
  await edit.getByRole("textbox", { name: "Role" }).fill("Minister of Examples");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved.");
  await expect(page.locator(".lede")).toHaveText("Minister of Examples");
  await edit.getByRole("textbox", { name: "Name" }).fill(other);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");
  await expect(edit).toContainText("merge the two records instead");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.context().close();

  // An admin merges the other record into this one.
  const adminPage = await signedIn(browser, admin);
  await adminPage.goto(`/speakers/${record.id}`);
  const merge = adminPage.getByRole("form", { name: "Merge another record into this one" });
  const picker = merge.getByRole("combobox", { name: "Record to merge" });
  await picker.fill(`Q. Speaker ${stamp}`);
  await merge.getByRole("option", { name: new RegExp(`Q\\. Speaker ${stamp}`) }).click();
  await merge.getByRole("button", { name: /^Merge/ }).click();
  await expect(merge.getByRole("status")).toContainText("1 annotation(s) moved");
  await expect(adminPage.getByTestId("speaker-aliases")).toHaveText(other);
  await expect(adminPage.getByTestId("speaker-statements").getByRole("row")).toHaveCount(4);
  const gone = await adminPage.request.get(`/api/v1/speakers?q=${encodeURIComponent(other)}`, { headers: origin });
  expect((await gone.json()).items.map((item: { id: string }) => item.id)).toEqual([record.id]);

  // The front page's Desk: each chart's numbers in a table; the speakers link to their pages.
  await adminPage.goto("/");
  await expect(adminPage.getByRole("heading", { level: 2, name: "Desk" })).toBeVisible();
  for (const caption of [
    "Annotations waiting for review, by time waited",
    "Articles in each status",
    "Claims and denials tagged per week (starting Monday), by verdict",
  ])
    await expect(adminPage.getByRole("table", { name: caption }).getByRole("row").nth(1)).toBeVisible();
  const top = adminPage.getByRole("table", { name: "Speakers with the most claims and denials checked" });
  await expect(top.getByRole("link").first()).toHaveAttribute("href", /^\/speakers\/c[a-z0-9]{24}$/);
  await adminPage.context().close();
});
