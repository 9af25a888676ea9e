"use client";

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** Everything else the error carried, e.g. `current` on a 409 or `blocking` on a refused sign-off. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The browser's way into /api/v1: same routes and use cases as scripts use, session cookie attached. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "ERROR",
      error.message ?? `Request failed (${response.status})`,
      error.fields ?? [],
      error,
    );
  }
  return body as T;
}

/** The message for one form field, from a 422. */
export function fieldMessage(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fields.find((field) => field.path === path)?.message : undefined;
}
