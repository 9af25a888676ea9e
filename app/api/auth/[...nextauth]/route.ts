import NextAuth from "next-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { ZEmail } from "@/lib/schemas/users";
import { assertSignInAllowed } from "@/lib/server/session/assert-sign-in-allowed";

const nextAuth = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

export const GET = nextAuth;

/**
 * next-auth can only answer a refused sign-in with a redirect; a rate-limited
 * one must be a 429 with Retry-After, so that check runs first, here.
 */
export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = ZEmail.safeParse(form?.get("email"));
    if (email.success) {
      try {
        await assertSignInAllowed(await getDb(), { email: email.data, ip: clientIp(request.headers) });
      } catch (error) {
        return errorResponse(error);
      }
    }
  }
  return nextAuth(request, context);
}
