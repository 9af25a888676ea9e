import { apiRoute } from "@/lib/http/api-route";
import { reviewQueue } from "@/lib/server/review-queue";

export const GET = apiRoute(async ({ db, actor }) => reviewQueue(db, { actor }));
