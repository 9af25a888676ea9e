import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../../../lib/db/client";
import { applyPendingMigrations } from "../../../lib/db/migrations";
import { dropPostgresDatabase } from "../../../lib/db/postgres-admin";
import {
  postgresUrlWithDatabase,
  resolveDatabase,
  type DatabaseTarget,
  type Provider,
} from "../../../lib/db/providers";
import type { Actor } from "../../../lib/domain/actor";
import { createApiToken } from "../../../lib/server/token/create-api-token";
import { createArticle } from "../../../lib/server/article/create-article";
import { prng } from "./synthetic-article";

export const DEFAULT_POSTGRES_BENCH_URL = "postgresql://root@localhost/postgres?host=/var/run/postgresql";

export type BenchDatabase = { target: DatabaseTarget; db: Db; close: () => Promise<void> };

/** Whether the PostgreSQL server answers (the bench skips that run, saying so, when it does not). */
export async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({
    connectionString: postgresUrlWithDatabase(url, "postgres"),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, migrated database: a temp SQLite file, or factmark_bench_<random> on the local PostgreSQL server. */
export async function freshDatabase(
  provider: Provider,
  postgresBase = process.env.POSTGRES_BENCH_URL || DEFAULT_POSTGRES_BENCH_URL,
): Promise<BenchDatabase> {
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-bench-"));
    target = resolveDatabase(`file:${path.join(dir, "bench.db")}`);
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const url = postgresUrlWithDatabase(postgresBase, `factmark_bench_${randomBytes(6).toString("hex")}`);
    target = resolveDatabase(url);
    drop = () => dropPostgresDatabase(url);
  }
  try {
    await applyPendingMigrations(target);
    const db = await createDb(target);
    return {
      target,
      db,
      close: async () => {
        await db.$disconnect().catch(() => {});
        await drop();
      },
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

const WORDS = (
  "the minister said that inflation rose by three percent last year according to official figures while unemployment fell " +
  "to its lowest level since records began but critics claimed the data was incomplete and the budget would not cover " +
  "schools hospitals police or roads the opposition spokesman called the statement misleading and asked for an inquiry"
).split(" ");

/** Plain ASCII article text of about `characters` characters in paragraphs (offsets = characters). */
export function articleText(characters: number, seed: number): string {
  const random = prng(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < characters) {
    const sentences: string[] = [];
    for (let s = random.int(3, 6); s > 0; s--) {
      const words = Array.from({ length: random.int(8, 22) }, () => random.pick(WORDS));
      const sentence = words.join(" ");
      sentences.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

async function createUser(db: Db, role: Actor["role"], email: string): Promise<Actor> {
  const row = await db.user.create({ data: { email, name: email.split("@")[0], role } });
  return { id: row.id, email: row.email, name: row.name, role, via: "session" };
}

export type BenchArticle = { id: string; length: number };
export type Fixture = {
  articles: BenchArticle[];
  warmup: BenchArticle;
  writerTokens: string[];
  readerTokens: string[];
};

/**
 * Through the use cases, as the app would: `writers` editors with one API
 * token each (one per simulated client), `readers` editors whose tokens open
 * the event streams, `articles` articles of `characters` characters, and one
 * more article that only the warm-up writes to.
 */
export async function seedFixture(
  db: Db,
  {
    articles,
    characters,
    writers,
    readers,
  }: { articles: number; characters: number; writers: number; readers: number },
): Promise<Fixture> {
  const owner = await createUser(db, "EDITOR", "owner@bench.example");
  const tokenFor = async (actor: Actor) => (await createApiToken(db, { actor, input: { name: "collab bench" } })).token;
  const writerTokens: string[] = [];
  for (let i = 0; i < writers; i++)
    writerTokens.push(await tokenFor(await createUser(db, "EDITOR", `writer${i}@bench.example`)));
  const readerTokens: string[] = [];
  for (let i = 0; i < readers; i++)
    readerTokens.push(await tokenFor(await createUser(db, "EDITOR", `reader${i}@bench.example`)));
  const make = async (title: string, seed: number): Promise<BenchArticle> => {
    const text = articleText(characters, seed);
    const view = await createArticle(db, { actor: owner, input: { title, text } });
    return { id: view.id, length: text.length };
  };
  const list: BenchArticle[] = [];
  for (let i = 0; i < articles; i++) list.push(await make(`Collaboration bench article ${i + 1}`, 1000 + i));
  const warmup = await make("Collaboration bench warm-up", 999);
  return { articles: list, warmup, writerTokens, readerTokens };
}
