import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DatabaseTarget } from "./providers";

/**
 * Prisma's schema engine compiled to WebAssembly: migrations with no native
 * binary and no download (see docs/decisions/002-prisma-without-downloads.md).
 * The package imports its .wasm as an ES module, which Node 20 refuses without a
 * flag, so the module is instantiated by hand here.
 */
let bindings: Promise<typeof EngineBindings> | undefined;

function loadBindings() {
  bindings ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return bindings;
}

type AdapterFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

export type EngineHandle = {
  engine: SchemaEngine;
  /** Turns "External error id#N" into the driver's own message. */
  explain: (error: unknown) => string;
  /** Frees the engine and closes every connection it opened. */
  dispose: () => Promise<void>;
};

type Closable = { dispose(): Promise<void> };

async function driverFactoryFor(target: DatabaseTarget): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (target.provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: target.url });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: target.url });
}

/**
 * The engine never closes the connections it asks for; freeing it leaves a
 * SQLite file locked. So the factory records them and dispose closes them.
 */
function trackingConnections(
  factory: SqlMigrationAwareDriverAdapterFactory,
  opened: Closable[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
}

export async function openSchemaEngine(
  target: DatabaseTarget,
  schemaPath: string,
  schemaText: string,
): Promise<EngineHandle> {
  const glue = await loadBindings();
  const opened: Closable[] = [];
  const adapter: AdapterFactory = bindMigrationAwareSqlAdapterFactory(
    trackingConnections(await driverFactoryFor(target), opened),
  );
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, adapter);
  return {
    engine,
    explain: (error) => explainEngineError(error, adapter),
    dispose: async () => {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose().catch(() => undefined)));
    },
  };
}

function explainEngineError(error: unknown, adapter: AdapterFactory): string {
  const message = error instanceof Error ? error.message : String(error);
  const withDriverErrors = message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const consumed = adapter.errorRegistry.consumeError(Number(id)) as { error?: unknown } | undefined;
    const inner = consumed?.error as { message?: string; originalMessage?: string; kind?: string } | undefined;
    return inner?.originalMessage ?? inner?.message ?? (inner?.kind ? `${inner.kind} ${JSON.stringify(inner)}` : whole);
  });
  if (/unknown variant `SocketTimeout`/.test(withDriverErrors)) {
    // better-sqlite3's SQLITE_BUSY: the engine needs the file to itself.
    return "the database is busy: another process has it open (stop the running Factmark server, then retry)";
  }
  return firstMeaningfulLines(withDriverErrors);
}

/** Engine errors embed a backtrace; the first lines carry the meaning. */
function firstMeaningfulLines(message: string): string {
  return message
    .split("\n")
    .filter((line) => line.trim() && !/^\s+(\d+:|at )/.test(line))
    .slice(0, 6)
    .join("\n");
}
