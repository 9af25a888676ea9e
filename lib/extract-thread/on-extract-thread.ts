import { isMainThread, Worker } from "node:worker_threads";
import { nextProcess } from "../config/env";
import { extractPage } from "../import/page/extract-page";
import { NotAnArticle, type ExtractedPage } from "../import/page/types";

/**
 * Main-content extraction of a big page takes the CPU for a second or more
 * (a 5 MB saved page: the DOM, Readability's scoring, the import's block
 * walk), and on the request thread every other request, event stream and
 * presence ping would wait that long. In the Next.js production server, a
 * page over EXTRACT_THREAD_FROM characters is extracted on a thread of its
 * own; smaller ones, and everything in tests, the CLI and `next dev` (where a
 * thread would keep running code from before an edit), run in place. One
 * thread per process: pages queue there, one at a time, while the request
 * thread stays free. Errors cross as data: NotAnArticle arrives as
 * NotAnArticle, so the route still answers 422.
 */
export const EXTRACT_THREAD_FROM = 256 * 1024;
/** A page that takes longer than this is abandoned (the thread is stopped and replaced): a hostile page, not an article. */
export const EXTRACT_TIMEOUT_MS = 30_000;

export async function extractPageOffThread(html: string, options: { url?: string } = {}): Promise<ExtractedPage> {
  const thread = html.length >= EXTRACT_THREAD_FROM ? threadFor() : null;
  return thread ? thread.extract(html, options) : extractPage(html, options);
}

/** The page took longer than EXTRACT_TIMEOUT_MS to read. */
export class ExtractionTimedOut extends Error {
  constructor() {
    super("Reading this page took too long.");
    this.name = "ExtractionTimedOut";
  }
}

/** On globalThis: Next may load this module more than once, and one thread per process is the point. */
const cache = globalThis as unknown as { factmarkExtractThread?: ExtractThread };

function threadFor(): ExtractThread | null {
  const { nextServer, production } = nextProcess();
  if (!isMainThread || !nextServer || !production) return null;
  // Next bundles the thread's code from this URL (Turbopack's worker_threads support).
  cache.factmarkExtractThread ??= new ExtractThread(() => new Worker(new URL("./worker.ts", import.meta.url)));
  return cache.factmarkExtractThread;
}

/** What the thread answers: the page, or the error as data (structured clone keeps no classes). */
export type ExtractReply =
  { id: number; page: ExtractedPage } | { id: number; error: { notArticle: boolean; name: string; message: string } };

type Waiting = { resolve: (page: ExtractedPage) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * The request thread's end of the extraction thread: sends pages, matches answers by id. A thread that crashes or
 * runs past the timeout fails what it owed and is replaced on the next call. Exported for its unit test.
 */
export class ExtractThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Waiting>();
  private nextId = 1;

  constructor(
    private readonly start: () => Worker,
    private readonly timeoutMs = EXTRACT_TIMEOUT_MS,
  ) {}

  extract(html: string, options: { url?: string }): Promise<ExtractedPage> {
    const worker = this.running();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      // Pages queue on the thread, so each one's clock starts when it is sent: a long queue is not a hostile page.
      const timer = setTimeout(
        () => this.stop(worker, new ExtractionTimedOut()),
        this.timeoutMs * (this.pending.size + 1),
      );
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, html, url: options.url });
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.unref();
    worker.on("message", (reply: ExtractReply) => this.settle(reply));
    worker.on("error", (error) => this.stop(worker, error));
    worker.on("exit", (code) => this.stop(worker, new Error(`The extraction thread stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: ExtractReply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(reply.id);
    // Kept alive only while it owes answers: an idle thread must not hold the process open.
    if (this.pending.size === 0) this.worker?.unref();
    if ("page" in reply) waiting.resolve(reply.page);
    else waiting.reject(fromReply(reply.error));
  }

  /** Fails every page the thread owed (a crash, or one page past the timeout) and lets the next call start another. */
  private stop(worker: Worker, error: Error) {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }
}

function fromReply(error: { notArticle: boolean; name: string; message: string }): Error {
  if (error.notArticle) return new NotAnArticle(error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}
