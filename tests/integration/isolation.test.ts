import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedTestDatabase, testProvider, type MigratedTestDatabase } from "../support/test-database";

const provider = testProvider();
let t: MigratedTestDatabase;
beforeAll(async () => {
  t = await migratedTestDatabase();
});
afterAll(() => t?.close());

describe(`isolation between requests on ${provider}`, () => {
  it("keeps an acknowledged write that happened while another request's transaction was rolling back, and never shows uncommitted rows", async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: "uncommitted@example.org", name: "Uncommitted" } });
        inside();
        await holding;
        throw new Error("rolled back on purpose");
      })
      .catch(() => "rolled back");

    await opened;
    // Another request, meanwhile: a plain write and a read, not part of that transaction.
    // (.then starts a Prisma query at once; a bare PrismaPromise would wait until awaited.)
    const write = t.db.user
      .create({ data: { email: "acknowledged@example.org", name: "Acknowledged" } })
      .then((user) => user);
    const read = t.db.user.findUnique({ where: { email: "uncommitted@example.org" } }).then((user) => user);
    setTimeout(release, 100);
    expect(await failing).toBe("rolled back");
    await write;
    expect(await read).toBeNull();
    expect(await t.db.user.findUnique({ where: { email: "acknowledged@example.org" } })).not.toBeNull();
    expect(await t.db.user.findUnique({ where: { email: "uncommitted@example.org" } })).toBeNull();
  });
});
