import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { applyPendingMigrations } from "@/lib/db/migrations";
import type { DatabaseTarget, Provider } from "@/lib/db/providers";
import { newTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database with every migration applied, made once per run: copied, never used itself. */
    factmarkTemplate: DatabaseTarget;
  }
}

/**
 * Vitest global set-up of the integration projects: migrates one template database per run, which
 * migratedTestDatabase() copies (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL)
 * instead of running every migration again for each file (1–1.7 s each, about 45 times a suite).
 * Migrating itself stays tested where it is the subject (migrations, health, setup-cli, search-index).
 */
export default async function setup(project: TestProject) {
  const provider = project.name.replace(/^integration-/, "") as Provider;
  const template = newTestDatabase(provider);
  await applyPendingMigrations(template.target);
  // Migrations leave SQLite in rollback-journal mode: the main file is the whole database.
  if (template.target.provider === "sqlite" && fs.existsSync(`${template.target.file}-wal`))
    throw new Error("the SQLite template has a -wal file: a copy of its main file alone would miss writes");
  project.provide("factmarkTemplate", template.target);
  return () => template.drop();
}
