/** A database failure as one line for a person at a terminal: no stack, no password. */
export function describeConnectionError(error: unknown): string {
  const err = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] };
  const inner = (err?.errors?.[0] ?? err?.cause) as
    { code?: string; message?: string; address?: string; port?: number } | undefined;
  const code = err?.code || inner?.code;
  // Prisma's client errors open with a blank line and end with the reason.
  const lines = (inner?.message || err?.message || String(error))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const raw = (code?.startsWith("P") ? lines.at(-1) : lines[0]) ?? "unknown error";
  const hints: Record<string, string> = {
    ECONNREFUSED: "connection refused: is the PostgreSQL server running? (pg_ctlcluster 15 main start)",
    ENOENT: "no server socket there: is the PostgreSQL server running? (pg_ctlcluster 15 main start)",
    ENOTFOUND: "host not found",
    "28P01": "password authentication failed",
    "28000": "the server refused this user",
    "3D000": "the database does not exist",
    SQLITE_CANTOPEN: "cannot open the SQLite file (check the folder exists and is writable)",
    P1001: "cannot reach the database server: is it running? (pg_ctlcluster 15 main start)",
    P1003: "the database does not exist (npm start or npm run db:migrate creates it)",
    P2021: "its tables are missing (run npm run db:migrate)",
  };
  const hint = code ? hints[code] : undefined;
  return (hint ?? raw).replace(/postgres(ql)?:\/\/[^@\s]*@/g, "postgresql://…@");
}
