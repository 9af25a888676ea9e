// npm run cli -- <command>: manage users and API tokens, import articles, back up and restore, from a terminal or a script.
// Bad input exits 1 with one line naming the field and the problem; usage errors exit 2.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z, ZodError } from "zod";
import { backupDatabase } from "../lib/backup/backup-database";
import { BackupRefusal } from "../lib/backup/migration-check";
import { restoreDatabase } from "../lib/backup/restore-database";
import { loadLocalEnv } from "../lib/config/local-env";
import { createDb, type Db } from "../lib/db/client";
import { describeConnectionError } from "../lib/db/connection-errors";
import { postgresDatabaseName, type DatabaseTarget } from "../lib/db/providers";
import type { Actor } from "../lib/domain/actor";
import { AppError, invalid } from "../lib/server/shared/errors";
import { createApiToken } from "../lib/server/token/create-api-token";
import { addRevision } from "../lib/server/article/add-revision";
import { createArticle } from "../lib/server/article/create-article";
import { previewArticle, type ArticlePreview } from "../lib/server/article/preview-article";
import { isWholePage } from "../lib/import/page/whole-page";
import { ConfigError, databaseTarget, publicUrlSetting, setting } from "../lib/config/env";
import { exportArticle } from "../lib/server/article/export-article";
import { createUser } from "../lib/server/user/create-user";
import { listUsers } from "../lib/server/user/list-users";
import { updateUser } from "../lib/server/user/update-user";
import { ZCreateUser, ZEmail } from "../lib/schemas/users";

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  users add --email E --name N --role R [--password P]
      Without --password: asks for it twice at a terminal; otherwise generates
      one and prints it once.
  users list
  users set-role --email E --role R
  users deactivate --email E
  users reactivate --email E
  tokens create --email E --name N
      Prints the token alone on the last line of stdout, e.g.
      TOKEN=$(npm run cli -s -- tokens create --email E --name N | tail -1)
  export <articleId> --format html|claimreview|w3c|csv [--out FILE]
      Writes the export to FILE, or to stdout.
  import <file.txt|file.html> [--title T] [--email E]
      Imports an article (HTML is sanitized to text and structure; a whole saved
      page is reduced to its article, and its headline, byline, dates, language
      and address are taken from it and printed), as the user with that email
      (default: the first admin). --title is needed unless the page has one.
      Prints the article's id alone on the last line.
  revise <articleId> <file.txt|file.html> [--note N] [--email E]
      Adds the file as the article's next revision and carries its annotations
      across (kept, words changed, or not placed), as the user with that email
      (default: the first admin). Prints the revision number and the counts.
  backup [FILE]
      A consistent copy of the database, safe while the server runs (SQLite:
      VACUUM INTO; PostgreSQL: pg_dump --format=custom), created 0600. Default
      FILE: data/backups/<database>-<UTC time>.db (.dump on PostgreSQL).
      Prints the file alone on the last line.
  restore FILE
      Replaces the database with a backup; stop the server first. Refuses a
      backup from a newer Factmark; keeps the old database aside; applies
      newer migrations.

Roles: ADMIN, EDITOR, REVIEWER (any case).
Exit status: 0 done, 1 bad input (one line on stderr), 2 usage.
`;

/** The CLI acts as a system admin; use cases record actorId null for via "cli". */
const CLI_ACTOR: Actor = { id: "cli", email: "cli@localhost", name: "Command line", role: "ADMIN", via: "cli" };

type Flags = {
  email?: string;
  name?: string;
  role?: string;
  password?: string;
  title?: string;
  file?: string;
  format?: string;
  out?: string;
  article?: string;
  note?: string;
};
type FlagName = keyof Flags;

type Command = {
  flags: FlagName[];
  /** Checks and input gathered before connecting (e.g. the password prompt). */
  prepare?: (flags: Flags) => Promise<Flags>;
} & (
  | { run: (db: Db, flags: Flags) => Promise<void> }
  // Backup and restore work on the database as a whole, never through an app client: restore must be its only user.
  | { runOnDatabase: (target: DatabaseTarget, flags: Flags) => Promise<void> }
);

/** A one-line failure for the person at the terminal. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

class UsageError extends Error {}

const out = (line = "") => process.stdout.write(`${line}\n`);

const COMMANDS: Record<string, Command> = {
  "users add": { flags: ["email", "name", "role", "password"], prepare: prepareUserAdd, run: usersAdd },
  "users list": { flags: [], run: usersList },
  "users set-role": { flags: ["email", "role"], prepare: requireFlags("email", "role"), run: usersSetRole },
  "users deactivate": {
    flags: ["email"],
    prepare: requireFlags("email"),
    run: (db, flags) => usersSetActive(db, flags, false),
  },
  "users reactivate": {
    flags: ["email"],
    prepare: requireFlags("email"),
    run: (db, flags) => usersSetActive(db, flags, true),
  },
  "tokens create": { flags: ["email", "name"], prepare: requireFlags("email", "name"), run: tokensCreate },
  import: { flags: ["title", "email"], prepare: prepareImport, run: importArticle },
  export: { flags: ["format", "out"], prepare: requireFlags("article"), run: exportToFile },
  revise: { flags: ["note", "email"], prepare: prepareRevise, run: reviseArticle },
  backup: { flags: [], runOnDatabase: backup },
  restore: {
    flags: [],
    prepare: async (flags) => {
      if (flags.file === undefined) throw invalid("file", "is required: npm run cli -- restore FILE");
      return flags;
    },
    runOnDatabase: restore,
  },
};

function requireFlags(...names: FlagName[]) {
  return async (flags: Flags) => {
    for (const name of names) if (flags[name] === undefined) throw invalid(name, `is required (--${name})`);
    return flags;
  };
}

/** Roles are stored upper-case; at a terminal `--role editor` is accepted too. */
const roleInput = (role: string | undefined) => role?.trim().toUpperCase();

async function prepareUserAdd(flags: Flags): Promise<Flags> {
  await requireFlags("email", "name", "role")(flags);
  // Validate the rest before asking for a password, so nobody types one in vain.
  ZCreateUser.omit({ password: true }).parse({ email: flags.email, name: flags.name, role: roleInput(flags.role) });
  if (flags.password !== undefined || !process.stdin.isTTY) return flags;
  const password = await promptHidden("Password: ");
  if ((await promptHidden("Repeat password: ")) !== password) throw invalid("password", "the two entries do not match");
  return { ...flags, password };
}

async function usersAdd(db: Db, flags: Flags): Promise<void> {
  const generated = flags.password === undefined ? randomBytes(12).toString("base64url") : undefined;
  const user = await createUser(db, {
    actor: CLI_ACTOR,
    input: { email: flags.email, name: flags.name, role: roleInput(flags.role), password: flags.password ?? generated },
  });
  out("Created user:");
  out(`  id     ${user.id}`);
  out(`  email  ${user.email}`);
  out(`  role   ${user.role}`);
  if (generated) out(`Password (shown once): ${generated}`);
}

async function usersList(db: Db): Promise<void> {
  const users = await listUsers(db, { actor: CLI_ACTOR });
  if (!users.length) {
    out("No users.");
    return;
  }
  const rows = [
    ["EMAIL", "NAME", "ROLE", "STATUS"],
    ...users.map((user) => [user.email, user.name, user.role, user.active ? "active" : "deactivated"]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    out(row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  "));
}

async function usersSetRole(db: Db, flags: Flags): Promise<void> {
  const user = await findUserByEmail(db, flags.email);
  const updated = await updateUser(db, { actor: CLI_ACTOR, userId: user.id, input: { role: roleInput(flags.role) } });
  out(`${updated.email} is now ${updated.role}.`);
}

async function usersSetActive(db: Db, flags: Flags, active: boolean): Promise<void> {
  const user = await findUserByEmail(db, flags.email);
  const updated = await updateUser(db, { actor: CLI_ACTOR, userId: user.id, input: { active } });
  out(
    active
      ? `${updated.email} is active again.`
      : `${updated.email} is deactivated: no sign-in, no tokens; their work stays.`,
  );
}

async function tokensCreate(db: Db, flags: Flags): Promise<void> {
  const user = await findUserByEmail(db, flags.email);
  if (user.deactivatedAt) throw invalid("email", "this user is deactivated");
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" };
  const created = await createApiToken(db, { actor, input: { name: flags.name } });
  out(
    `Created API token "${created.name}" (${created.prefix}…) for ${user.email}. It is shown only now; the token is the last line:`,
  );
  out(created.token);
}

async function prepareImport(flags: Flags): Promise<Flags> {
  await requireFlags("file")(flags);
  if (!fs.existsSync(flags.file!) || !fs.statSync(flags.file!).isFile())
    throw invalid("file", `no such file: ${flags.file}`);
  return flags;
}

async function importArticle(db: Db, flags: Flags): Promise<void> {
  const actor = await actorByEmail(db, flags.email, "import");
  const body = articleFile(flags.file!);
  // A whole page is read once, as the import form's preview reads it; what it found is printed for the record.
  const page = body.html !== undefined && isWholePage(body.html) ? await previewArticle({ actor, input: body }) : null;
  if (page) out(previewSummary(page));
  const title = flags.title ?? page?.title;
  if (!title) throw invalid("title", "is required (--title): the file names no headline");
  const input = page ? { ...pageDetails(page), title, html: page.html } : { title, ...body };
  const article = await createArticle(db, { actor, input });
  out(
    `Imported "${article.title}" (${article.revision.text.length} characters, ${article.revision.blocks.length} blocks) as ${actor.email}. Its id is the last line:`,
  );
  out(article.id);
}

async function prepareRevise(flags: Flags): Promise<Flags> {
  if (flags.article === undefined) throw invalid("article", "is required: npm run cli -- revise <articleId> <file>");
  if (flags.file === undefined) throw invalid("file", "is required: npm run cli -- revise <articleId> <file>");
  if (!fs.existsSync(flags.file) || !fs.statSync(flags.file).isFile())
    throw invalid("file", `no such file: ${flags.file}`);
  return flags;
}

async function reviseArticle(db: Db, flags: Flags): Promise<void> {
  const actor = await actorByEmail(db, flags.email, "revise");
  const { revision, reanchoring } = await addRevision(db, {
    actor,
    articleId: flags.article!,
    input: { ...articleFile(flags.file!), ...(flags.note !== undefined ? { note: flags.note } : {}) },
  });
  out(
    `Added revision ${revision.number} (${revision.text.length} characters) as ${actor.email}: ${reanchoring.anchored} annotation(s) kept, ${reanchoring.changed} with changed words (back to review), ${reanchoring.orphaned} not placed.`,
  );
}

/** What the page says of itself, as the import form would send it. */
const pageDetails = ({ sourceUrl, publisher, author, publishedAt, modifiedAt, language }: ArticlePreview) => ({
  sourceUrl,
  publisher,
  author,
  publishedAt,
  modifiedAt,
  language,
});

/** "Found …; kept 14 of 40 blocks (26 left out: 20 page, 4 caption, 2 pull-quote)." */
function previewSummary(page: ArticlePreview): string {
  const found = [
    `"${page.title}"`,
    page.author && `by ${page.author}`,
    page.publisher && `(${page.publisher})`,
    page.publishedAt && `published ${page.publishedAt}`,
    page.modifiedAt && `modified ${page.modifiedAt}`,
    page.language && `in ${page.language}`,
  ].filter(Boolean);
  const left = page.blocks.filter((block) => !block.kept);
  const byWhy = new Map<string, number>();
  for (const block of left) byWhy.set(block.why, (byWhy.get(block.why) ?? 0) + 1);
  const reasons = [...byWhy].map(([why, count]) => `${count} ${why}`).join(", ");
  const kept = page.blocks.length - left.length;
  return `Found ${found.join(" ")}; kept ${kept} of ${page.blocks.length} blocks${left.length ? ` (${left.length} left out: ${reasons})` : ""}.`;
}

/** The file's text under the field the import takes it as: .html/.htm is HTML, anything else text. */
const articleFile = (file: string) => ({ [/\.html?$/i.test(file) ? "html" : "text"]: fs.readFileSync(file, "utf8") });

/** The user named by --email, or the first active admin, as the actor a change is recorded under. */
async function actorByEmail(db: Db, email: string | undefined, doing: string): Promise<Actor> {
  const user = email
    ? await findUserByEmail(db, email)
    : await db.user.findFirst({ where: { role: "ADMIN", deactivatedAt: null }, orderBy: { createdAt: "asc" } });
  if (!user) throw invalid("email", `no active admin to ${doing} as; name a user with --email`);
  if (user.deactivatedAt) throw invalid("email", "this user is deactivated");
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" };
}

async function exportToFile(db: Db, flags: Flags): Promise<void> {
  const file = await exportArticle(db, {
    actor: CLI_ACTOR,
    articleId: flags.article!,
    input: { format: flags.format },
    // The workbench's address appears only in the team's W3C export; the reader exports name FACTMARK_PUBLIC_URL's, or none.
    baseUrl: setting("NEXTAUTH_URL") ?? `http://localhost:${setting("PORT")}`,
    publicBaseUrl: publicUrlSetting(),
    publisher: setting("FACTMARK_PUBLISHER"),
  });
  if (!flags.out) {
    process.stdout.write(file.body);
    return;
  }
  fs.writeFileSync(flags.out, file.body);
  out(`Wrote ${flags.out} (${Buffer.byteLength(file.body)} bytes).`);
}

const describeTarget = (target: DatabaseTarget) =>
  target.provider === "sqlite" ? target.file : `PostgreSQL database ${postgresDatabaseName(target.url)}`;

async function backup(target: DatabaseTarget, flags: Flags): Promise<void> {
  const made = await backupDatabase(target, flags.file);
  out(
    `Backed up ${describeTarget(target)} (${made.bytes} bytes, at migration ${made.migrations.at(-1)}). The file is the last line:`,
  );
  out(made.file);
}

async function restore(target: DatabaseTarget, flags: Flags): Promise<void> {
  const restored = await restoreDatabase(target, flags.file!);
  out(`Restored ${describeTarget(target)} from ${flags.file} (made at migration ${restored.migrations.at(-1)}).`);
  if (restored.applied.length)
    out(`Applied ${restored.applied.length} newer migration(s): ${restored.applied.join(", ")}.`);
  if (restored.keptAs)
    out(`The previous database is kept as ${restored.keptAs}; delete it once the restore is checked.`);
}

/** The user with this email, compared as stored: trimmed and lower-cased (ZEmail). */
async function findUserByEmail(db: Db, rawEmail: string | undefined) {
  const { email } = z.object({ email: ZEmail }).parse({ email: rawEmail });
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw invalid("email", "no user with this email");
  return user;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      // Arrow keys and other escape sequences are ignored, not typed into the password.
      if (chunk.startsWith("\u001b")) return;
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          finish();
          return resolve(value);
        }
        if (char === "\u0003" || (char === "\u0004" && !value)) {
          finish();
          return reject(new CliError("password: cancelled", 130));
        }
        if (char === "\u007f" || char === "\b") value = [...value].slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** Every problem as `field: message`, on one line. */
function describeError(error: unknown): string | undefined {
  if (error instanceof ZodError)
    return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
  if (error instanceof AppError)
    return error.details.fields?.length
      ? error.details.fields.map((field) => `${field.path}: ${field.message}`).join("; ")
      : error.message;
  if (error instanceof CliError || error instanceof BackupRefusal || error instanceof ConfigError) return error.message;
  if (error instanceof Error && /^DATABASE_URL:/.test(error.message)) return error.message;
  return undefined;
}

function parseCommand(argv: string[]): { command: Command; flags: Flags } {
  const [group, action, ...rest] = argv;
  // `import <file>`, `export <articleId>`, `revise <articleId>`, `backup [file]` and `restore <file>` take their subject as the second word; other commands are two words.
  const single = ["import", "export", "backup", "restore", "revise"].includes(group);
  const subject = single && action && !action.startsWith("-") ? action : undefined;
  // `revise <articleId> <file>` takes a second word too.
  const second = group === "revise" && subject && rest[0] && !rest[0].startsWith("-") ? rest.shift() : undefined;
  const positional = subject
    ? group === "export"
      ? { article: subject }
      : group === "revise"
        ? { article: subject, ...(second ? { file: second } : {}) }
        : { file: subject }
    : {};
  const command = single ? COMMANDS[group] : COMMANDS[`${group} ${action}`];
  if (single && !subject) rest.unshift(...(action ? [action] : []));
  if (!command) {
    const asksForHelp = !group || argv.some((arg) => arg === "--help" || arg === "-h");
    throw new UsageError(asksForHelp ? "" : `Unknown command: ${[group, action].filter(Boolean).join(" ")}`);
  }
  let parsed;
  try {
    const options = Object.fromEntries(command.flags.map((flag) => [flag, { type: "string" as const }]));
    parsed = parseArgs({
      args: rest,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'--?([\w-]+)/.exec(message)?.[1];
    // `--email` with no value is missing input, not a usage error.
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag)
      throw invalid(flag, `needs a value (write --${flag}=<value> if it starts with "-")`);
    throw new UsageError(message.split("\n")[0]);
  }
  if (parsed.values.help) throw new UsageError("");
  const { help: _help, ...flags } = parsed.values as Flags & { help?: boolean };
  return { command, flags: { ...flags, ...positional } };
}

async function main(argv: string[]): Promise<number> {
  let db: Db | undefined;
  try {
    loadLocalEnv();
    const { command, flags: given } = parseCommand(argv);
    const target = databaseTarget();
    const flags = command.prepare ? await command.prepare(given) : given;
    if ("runOnDatabase" in command) await command.runOnDatabase(target, flags);
    else {
      db = await createDb(target);
      await command.run(db, flags);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message ? `${error.message}\n\n` : ""}${USAGE}`);
      return 2;
    }
    console.error(describeError(error) ?? `DATABASE_URL: cannot use the database: ${describeConnectionError(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  } finally {
    await db?.$disconnect().catch(() => {});
  }
}

// Connection pools would keep the process alive for their idle timeout.
process.exit(await main(process.argv.slice(2)));
