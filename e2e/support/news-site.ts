import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A news site served from this machine (the e2e server may fetch from it: FACTMARK_FETCH_PRIVATE_HOSTS=allow):
 * each path answers its page as HTML, anything else 404. `close` when done.
 */
export async function newsSite(pages: Record<string, string>): Promise<{ base: string; close: () => void }> {
  const site = http.createServer((request, response) => {
    const page = pages[request.url ?? ""];
    if (page !== undefined) return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
    response.writeHead(404, { "Content-Type": "text/html" }).end("<p>Gone</p>");
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(site.address() as AddressInfo).port}`, close: () => site.close() };
}
