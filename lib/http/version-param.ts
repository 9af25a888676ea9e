import { invalid } from "../server/shared/errors";

/** The optional `?version=` of a request, as a whole number. */
export function versionParam(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get("version");
  if (raw === null || raw === "") return undefined;
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) throw invalid("version", "must be a whole number, 1 or more");
  return version;
}
