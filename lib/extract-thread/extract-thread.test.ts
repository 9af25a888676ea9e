import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { extractPage } from "../import/page/extract-page";
import { NotAnArticle } from "../import/page/types";
import { ExtractionTimedOut, ExtractThread } from "./on-extract-thread";
import { tsxWorker } from "./tsx-worker";

/**
 * A stand-in thread speaking worker.ts's protocol: a page whose html is "refuse" is not an article, "fail" throws,
 * "slow" answers after 50 ms, "hang" never answers, "crash" kills the thread; anything else echoes.
 */
const STAND_IN = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, html, url }) => {
  const page = { blocks: [], content: { text: html, blocks: [] }, metadata: { canonicalUrl: url } };
  if (html === "refuse") return parentPort.postMessage({ id, error: { notArticle: true, name: "NotAnArticle", message: "This is a home page." } });
  if (html === "fail") return parentPort.postMessage({ id, error: { notArticle: false, name: "TypeError", message: "boom" } });
  if (html === "slow") return setTimeout(() => parentPort.postMessage({ id, page }), 50);
  if (html === "hang") return;
  if (html === "crash") process.exit(3);
  parentPort.postMessage({ id, page });
});`;

const standIn = (timeoutMs?: number) => new ExtractThread(() => new Worker(STAND_IN, { eval: true }), timeoutMs);

describe("the request thread's end of the extraction thread", () => {
  it("matches each answer to its page, whatever order they come back in", async () => {
    const thread = standIn();
    const slow = thread.extract("slow", {});
    const quick = thread.extract("<p>quick</p>", { url: "https://news.example/a" });
    expect(await quick).toMatchObject({
      content: { text: "<p>quick</p>" },
      metadata: { canonicalUrl: "https://news.example/a" },
    });
    expect(await slow).toMatchObject({ content: { text: "slow" } });
  });

  it("rebuilds NotAnArticle as NotAnArticle (the route's 422), and any other error as an Error with its name", async () => {
    const thread = standIn();
    const refused = await thread.extract("refuse", {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NotAnArticle);
    expect(refused).toMatchObject({ message: "This is a home page." });
    const failed = await thread.extract("fail", {}).catch((error: unknown) => error);
    expect(failed).not.toBeInstanceOf(NotAnArticle);
    expect(failed).toMatchObject({ name: "TypeError", message: "boom" });
  });

  it("fails what a crashed thread owed, then starts a new one for the next page", async () => {
    const thread = standIn();
    const owed = thread.extract("slow", {});
    const crash = thread.extract("crash", {});
    await expect(owed).rejects.toThrow(/extraction thread stopped \(exit code 3\)/);
    await expect(crash).rejects.toThrow(/exit code 3/);
    expect(await thread.extract("<p>again</p>", {})).toMatchObject({ content: { text: "<p>again</p>" } });
  });

  it("gives up on a page that runs past the timeout and replaces the thread", async () => {
    const thread = standIn(100);
    await expect(thread.extract("hang", {})).rejects.toBeInstanceOf(ExtractionTimedOut);
    expect(await thread.extract("<p>next</p>", {})).toMatchObject({ content: { text: "<p>next</p>" } });
  });

  it("the real worker answers what extractPage answers in place", async () => {
    const thread = new ExtractThread(tsxWorker);
    const page = `<!doctype html><html lang="en"><head><title>Toll</title></head><body><nav>Home</nav><article><h1>Harbour toll</h1><p>The council said traffic fell by a third.</p><p>Drivers disagree.</p></article></body></html>`;
    expect(await thread.extract(page, { url: "https://news.example/toll" })).toEqual(
      extractPage(page, { url: "https://news.example/toll" }),
    );
  });
});
