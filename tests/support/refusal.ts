import { ZodError } from "zod";
import { AppError } from "@/lib/server/shared/errors";

/**
 * How a use case refused, as the API would say it (code, message, the fields
 * named, the details), or null when it did not; any other error is thrown.
 */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => {
      if (error instanceof ZodError)
        return { code: "INVALID", fields: error.issues.map((issue) => issue.path.join(".")) };
      if (error instanceof AppError)
        return {
          code: error.code,
          message: error.message,
          details: error.details,
          fields: error.details.fields?.map((field) => field.path),
        };
      throw error;
    },
  );
