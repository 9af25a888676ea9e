import { parentPort } from "node:worker_threads";
import { extractPage } from "../import/page/extract-page";
import { NotAnArticle } from "../import/page/types";
import type { ExtractReply } from "./on-extract-thread";

/** The extraction thread's entry (see on-extract-thread.ts): one page at a time, in the order sent. */
const port = parentPort!;
port.on("message", ({ id, html, url }: { id: number; html: string; url?: string }) => {
  let reply: ExtractReply;
  try {
    reply = { id, page: extractPage(html, { url }) };
  } catch (error) {
    const { name = "Error", message = String(error) } = (error ?? {}) as { name?: string; message?: string };
    reply = { id, error: { notArticle: error instanceof NotAnArticle, name, message } };
  }
  port.postMessage(reply);
});
