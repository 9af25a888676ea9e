/** A database failure as one line for a person at a terminal: no stack, no password. */
export function describeConnectionError(error: unknown): string {
  const err = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] };
  const inner = (err?.errors?.[0] ?? err?.cause) as { code?: string; message?: string; address?: string; port?: number } | undefined;
  const code = err?.code || inner?.code;
  const raw = (inner?.message || err?.message || String(error)).split("\n")[0];
  const hints: Record<string, string> = {
    ECONNREFUSED: "connection refused: is the PostgreSQL server running? (pg_ctlcluster 15 main start)",
    ENOENT: "no server socket there: is the PostgreSQL server running? (pg_ctlcluster 15 main start)",
    ENOTFOUND: "host not found",
    "28P01": "password authentication failed",
    "28000": "the server refused this user",
    "3D000": "the database does not exist",
    SQLITE_CANTOPEN: "cannot open the SQLite file (check the folder exists and is writable)",
  };
  const hint = code ? hints[code] : undefined;
  return (hint ?? raw).replace(/postgres(ql)?:\/\/[^@\s]*@/g, "postgresql://…@");
}
