import { secureApiResponse } from "@/lib/http/secure-api-response";
import { getHealth } from "@/lib/server/health/get-health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const health = await getHealth();
  return secureApiResponse(
    request,
    Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } }),
  );
}
