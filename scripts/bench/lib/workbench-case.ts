import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { PROBE_SCRIPT, type Network, type Painted } from "./workbench-probe";
import { median } from "./workbench-report";
import type { SeededArticle } from "./workbench-seed";

/** One load of the workbench, every figure in ms, bytes or counts. */
export type CaseFigures = {
  firstByte: number;
  htmlDone: number;
  interactive: number;
  elements: number;
  htmlGzip: number;
  htmlDecoded: number;
  allBytes: number;
  clickToPanel: number;
  escToList: number;
  liveToPainted: number;
  heapMb: number;
  create: number;
};

export type CaseContext = {
  browser: Browser;
  baseURL: string;
  /** The signed-in viewer's cookies: each case opens a fresh context (cold HTTP cache) with them. */
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  otherToken: string;
  timeoutMs: number;
};

/** Esc → list and click → panel are each taken this many times a case, and the case gives their median. */
const REPEATS = Number(process.env.BENCH_REPEATS || 5);

const origin = (baseURL: string) => ({ Origin: baseURL });

/** page.evaluate has no timeout of its own: a page that never gets there fails the case instead of hanging the run. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
  );
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Waits for the page to settle (but not before the first step: interactive counts everything), arms the watcher, runs the action, and returns when the watched state was painted. */
async function timed(
  page: Page,
  timeoutMs: number,
  predicate: string,
  arg: string | null,
  inputType: "keydown" | "click" | null,
  action: () => Promise<unknown>,
  settle = true,
): Promise<Painted> {
  if (settle) await within(page.evaluate("window.__bench.settled()"), timeoutMs, "the page to settle");
  await page.evaluate(
    `window.__bench.arm(${JSON.stringify(predicate)}, ${JSON.stringify(arg)}, ${JSON.stringify(inputType)})`,
  );
  await action();
  return within(page.evaluate("window.__bench.result()") as Promise<Painted>, timeoutMs, predicate);
}

const sinceInput = (painted: Painted) => {
  if (painted.inputAt === null) throw new Error("the input event never reached the page");
  return painted.paintedAt - painted.inputAt;
};

/**
 * Opens the article as the viewer and takes every measure in order:
 * load → `j` (interactive) → (Esc (list) → click the probe's highlight
 * (panel)) × BENCH_REPEATS, each the median of its repeats → Esc → the other editor changes the probe's speaker through the API (live)
 * → select five words and press `c` (create). The annotation made is deleted
 * again so that every round sees the same article.
 */
export async function runCase(context: CaseContext, article: SeededArticle, round: number): Promise<CaseFigures> {
  const browserContext = await context.browser.newContext({
    baseURL: context.baseURL,
    viewport: { width: 1366, height: 900 },
    storageState: context.storageState,
  });
  browserContext.setDefaultTimeout(context.timeoutMs);
  await browserContext.addInitScript(PROBE_SCRIPT);
  try {
    const page = await browserContext.newPage();
    const response = await page.goto(`/articles/${article.id}`, {
      waitUntil: "domcontentloaded",
      timeout: context.timeoutMs,
    });
    if (!response || response.status() !== 200) throw new Error(`the page answered ${response?.status() ?? "nothing"}`);
    // BENCH_SAVE_HTML=<folder>: the document as served, one file per size, to see what its bytes are made of.
    if (process.env.BENCH_SAVE_HTML) {
      fs.mkdirSync(process.env.BENCH_SAVE_HTML, { recursive: true });
      fs.writeFileSync(path.join(process.env.BENCH_SAVE_HTML, `S${article.size}.html`), await response.body());
    }

    // Interactive: as soon as the page is live (hydrated, stream open), j; until the panel shows the first annotation.
    const opened = await timed(
      page,
      context.timeoutMs,
      "panelOpen",
      null,
      "keydown",
      async () => {
        await within(page.evaluate("window.__bench.whenLive()"), context.timeoutMs, "the page to read Live");
        await page.keyboard.press("j");
      },
      false,
    );
    // Once settled, so that the bytes include what the page reads after it went live (a catch-up read of the article).
    await within(page.evaluate("window.__bench.settled()"), context.timeoutMs, "the page to settle");
    const network = (await page.evaluate("window.__bench.network()")) as Network;
    const cdp = await browserContext.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    await cdp.detach();

    // Esc and click, REPEATS times each: one step is a few dozen ms, so one sample a case was mostly noise.
    const escs: number[] = [];
    const clicks: number[] = [];
    let elements = 0;
    for (let i = 0; i < REPEATS; i++) {
      const esc = await timed(page, context.timeoutMs, "listShown", null, "keydown", () =>
        page.keyboard.press("Escape"),
      );
      escs.push(sinceInput(esc));
      if (i === 0) elements = (await page.evaluate("window.__bench.elements()")) as number;
      // Highlights are not elements: click where the probe's first piece is drawn (found, and scrolled to, before the clock starts).
      const point = (await page.evaluate(`window.__bench.pointAt(${JSON.stringify(article.probeId)})`)) as {
        x: number;
        y: number;
      } | null;
      if (!point) throw new Error("the probe annotation is not drawn in the text");
      const click = await timed(page, context.timeoutMs, "panelOpen", null, "click", () =>
        page.mouse.click(point.x, point.y),
      );
      clicks.push(sinceInput(click));
    }
    await timed(page, context.timeoutMs, "listShown", null, "keydown", () => page.keyboard.press("Escape"));

    // Live: the other editor's PATCH leaves this process at t0 (epoch ms); the page's paint is on the same clock.
    const speaker = `Speaker of round ${round} ${Date.now().toString(36)}`;
    const pageOrigin = (await page.evaluate("window.__bench.timeOrigin()")) as number;
    let sentAt = 0;
    const live = await timed(page, context.timeoutMs, "panelHasText", speaker, null, async () => {
      sentAt = performance.timeOrigin + performance.now();
      const patched = await fetch(`${context.baseURL}/api/v1/annotations/${article.probeId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${context.otherToken}`, "content-type": "application/json" },
        body: JSON.stringify({ version: article.probeVersion, speaker }),
      });
      const body = (await patched.json()) as { version?: number };
      if (!patched.ok || typeof body.version !== "number")
        throw new Error(`the live change answered ${patched.status}: ${JSON.stringify(body).slice(0, 200)}`);
      article.probeVersion = body.version;
    });

    await page.evaluate(`window.__bench.select(${article.createStart}, ${article.createEnd})`);
    await page
      .getByRole("toolbar", { name: "Tag the selected text" })
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    const createdResponse = page.waitForResponse(
      (answer) => answer.url().endsWith(`/articles/${article.id}/annotations`) && answer.request().method() === "POST",
    );
    const create = await timed(page, context.timeoutMs, "panelOpen", null, "keydown", () => page.keyboard.press("c"));
    const created = (await (await createdResponse).json()) as { id?: string };
    if (created.id)
      await browserContext.request.delete(`/api/v1/annotations/${created.id}`, { headers: origin(context.baseURL) });

    return {
      firstByte: network.firstByte,
      htmlDone: network.htmlDone,
      interactive: opened.paintedAt,
      elements,
      htmlGzip: network.htmlEncoded,
      htmlDecoded: network.htmlDecoded,
      allBytes: network.allTransferred,
      clickToPanel: median(clicks),
      escToList: median(escs),
      liveToPainted: pageOrigin + live.paintedAt - sentAt,
      heapMb: heap.usedSize / 1e6,
      create: sinceInput(create),
    };
  } finally {
    await browserContext.close().catch(() => {});
  }
}
