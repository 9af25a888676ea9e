import type { Actor } from "../domain/actor";
import { getDb, type Db } from "../db/client";
import { actorFromRequest } from "../auth/actor";
import { AppError } from "../server/shared/errors";
import { errorResponse } from "./error-response";
import { isAppId, queryProblem } from "./input-guard";
import { invalidInput } from "./read-json";
import { isSameOrigin } from "./same-origin";
import { secureApiResponse } from "./secure-api-response";

type Params = Record<string, string>;
export type ApiContext<P extends Params> = { request: Request; params: P; actor: Actor; db: Db };
type Handler<P extends Params> = (context: ApiContext<P>) => Promise<Response | unknown>;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every /api/v1 route goes through here: authenticate (token or session),
 * refuse cross-site mutations from browser sessions, check the query and path
 * parameters, run one use case, and map what it returns or throws to a
 * response. Routes stay a few lines long.
 */
export function apiRoute<P extends Params = Params>(handler: Handler<P>, options: { status?: number } = {}) {
  const run = answer(handler, options);
  // The proxy does not run for /api/v1 (proxy.ts): the headers go on here, on answers and errors alike.
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    secureApiResponse(request, await run(request, context));
}

function answer<P extends Params>(handler: Handler<P>, options: { status?: number }) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await actorFromRequest(db, request);
      if (!actor)
        throw new AppError("UNAUTHENTICATED", "Sign in, or send a valid API token as Authorization: Bearer <token>.");
      if (actor.via === "session" && UNSAFE.has(request.method) && !isSameOrigin(request)) {
        throw new AppError("FORBIDDEN", "Cross-site request refused: this change must come from Factmark's own pages.");
      }
      // Routes without dynamic segments get no params at all.
      const params = ((await context.params) ?? {}) as P;
      // Every path parameter of /api/v1 is a row id: one that cannot be is "not found" without asking the database.
      if (Object.values(params).some((value) => !isAppId(value)))
        throw new AppError("NOT_FOUND", "Nothing has this id.");
      const problem = queryProblem(new URL(request.url).searchParams);
      if (problem) throw invalidInput(problem);
      const result = await handler({ request, params, actor, db });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      // The client hung up mid-request: nobody is there to answer, and nothing went wrong here.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return errorResponse(error);
    }
  };
}
