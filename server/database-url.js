import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder: relative database paths are taken from here, not from the cwd. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_DATABASE_URL = "file:./data/tracker.db";

/**
 * Turns DATABASE_URL (or the default) into `file:<absolute path>`, so that the CLI, the server
 * and the scripts open the same file whatever folder they were started from.
 * @param {string | undefined} url
 */
export function resolveDatabaseUrl(url) {
  const value = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  if (!value.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL}, got "${value}"`);
  }
  const file = value.slice("file:".length).split("?")[0];
  if (file === ":memory:") return value;
  return `file:${path.resolve(projectRoot, file)}`;
}

/** @param {string} url a value returned by resolveDatabaseUrl */
export function databaseFile(url) {
  return url.slice("file:".length);
}
