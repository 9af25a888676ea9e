import { randomBytes } from "node:crypto";

/**
 * Ids of the shape Prisma's `@default(cuid())` gives the app's rows (cuid v1): "c", the time in ms (8 base-36
 * digits), a counter (4), a per-process fingerprint (4) and 8 random characters, 25 in all, matching `isAppId`.
 * The bench writes rows straight into the tables; ids as random as 24 random characters would make the
 * workbench's bytes on the wire (which carry every annotation's id) larger than the app's own ids make them.
 */
const base36 = (value: number, width: number) => value.toString(36).padStart(width, "0").slice(-width);
const fingerprint = base36(process.pid * 7919 + 1234567, 4);
let counter = 0;

export function cuidLike(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = Array.from(randomBytes(8), (byte) => (byte % 36).toString(36)).join("");
  return `c${base36(Date.now(), 8)}${base36(counter, 4)}${fingerprint}${random}`;
}
