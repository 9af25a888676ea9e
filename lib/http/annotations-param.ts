import { invalid } from "../server/shared/errors";

/** How GET /api/v1/articles/:id gives the annotations: whole (the default) or as summaries (`?annotations=summary`, decision 028). */
export type AnnotationsShape = "full" | "summary";

/** The optional `?annotations=` of a request: `full` or `summary`. */
export function annotationsParam(request: Request): AnnotationsShape {
  const raw = new URL(request.url).searchParams.get("annotations");
  if (raw === null || raw === "" || raw === "full") return "full";
  if (raw === "summary") return "summary";
  throw invalid("annotations", "must be full or summary");
}
