import { performance } from "node:perf_hooks";
import { prng } from "./synthetic-article";

/** What the simulated users search with: words drawn from the library's own quotes, and its speakers. */
export type QueryMaterial = { quotes: string[]; speakers: string[] };
export type QueryKind = { name: string; path: (random: ReturnType<typeof prng>, material: QueryMaterial) => string };

const STOP = new Set([
  "that",
  "with",
  "from",
  "this",
  "will",
  "have",
  "been",
  "their",
  "which",
  "would",
  "also",
  "said",
]);

/** 1–3 consecutive words (4+ letters, not the commonest) of a random quote, as someone remembering a claim types them. */
function words(random: ReturnType<typeof prng>, material: QueryMaterial, count: number): string {
  for (;;) {
    const candidates = (random.pick(material.quotes).match(/[A-Za-z]{4,}/g) ?? []).filter(
      (word) => !STOP.has(word.toLowerCase()),
    );
    if (candidates.length < count) continue;
    const start = random.int(0, candidates.length - count);
    return candidates.slice(start, start + count).join(" ");
  }
}

const q = (text: string) => encodeURIComponent(text);
const VERDICT_FILTERS = ["FALSE", "TRUE", "MISLEADING", "MOSTLY_FALSE"];

/** The search query kinds, each an equal share of the load. */
export const QUERY_KINDS: QueryKind[] = [
  { name: "1 word", path: (r, m) => `/api/v1/search?q=${q(words(r, m, 1))}` },
  { name: "2 words", path: (r, m) => `/api/v1/search?q=${q(words(r, m, 2))}` },
  { name: "3 words", path: (r, m) => `/api/v1/search?q=${q(words(r, m, 3))}` },
  {
    name: "1–2 words + kind/verdict",
    path: (r, m) => `/api/v1/search?q=${q(words(r, m, r.int(1, 2)))}&kind=CLAIM&verdict=${r.pick(VERDICT_FILTERS)}`,
  },
  {
    name: "1 word + speaker",
    path: (r, m) => `/api/v1/search?q=${q(words(r, m, 1))}&speaker=${q(r.pick(m.speakers))}`,
  },
  { name: "1 word, page 2", path: (r, m) => `/api/v1/search?q=${q(words(r, m, 1))}&page=2` },
];

/**
 * "Checked before" (GET /api/v1/claims/similar), measured in a run of its own: what the panel asks when a claim is
 * tagged, with the words of one of the library's quotes (at least 3 characters, at most the route's 2,000).
 */
export const CHECKED_BEFORE: QueryKind = {
  name: "checked before",
  path: (r, m) => `/api/v1/claims/similar?text=${q(r.pick(m.quotes).slice(0, 2000).padEnd(3, "."))}&limit=5`,
};

export type Sample = { kind: string; ms: number; status: number };

/**
 * `users` concurrent users searching for `seconds`, with an API token, on the production server at
 * `url`. Closed loop (no `perUserPerSecond`): each sends its next query as soon as the last is
 * answered, which finds the throughput; its latency is then mostly the queue. Paced: each user
 * sends `perUserPerSecond` queries a second on its own schedule (users staggered), and a query's
 * time runs from when it was due, so a slow answer that delays the next counts against both
 * (no coordinated omission).
 */
export async function runSearchLoad({
  url,
  token,
  users,
  seconds,
  material,
  kinds = QUERY_KINDS,
  seed = 7,
  perUserPerSecond,
}: {
  url: string;
  token: string;
  users: number;
  seconds: number;
  material: QueryMaterial;
  kinds?: QueryKind[];
  seed?: number;
  perUserPerSecond?: number;
}): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = performance.now() + seconds * 1000;
  const interval = perUserPerSecond ? 1000 / perUserPerSecond : 0;
  const begin = performance.now();
  const user = async (index: number) => {
    const random = prng(seed * 1000 + index);
    for (let n = 0; performance.now() < until; n++) {
      const kind = random.pick(kinds);
      const path = kind.path(random, material);
      const due = begin + (index / users) * interval + n * interval;
      if (interval && due > performance.now())
        await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      if (interval && due >= until) break;
      const started = interval ? due : performance.now();
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      samples.push({ kind: kind.name, ms: performance.now() - started, status: response.status });
    }
  };
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  return samples;
}
