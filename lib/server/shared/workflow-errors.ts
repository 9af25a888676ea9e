import { AppError } from "./errors";

/** A transition the workflow table does not allow: 409, saying what the state is. */
export function refusedTransition(what: string, status: string, action: string): AppError {
  return new AppError(
    "CONFLICT",
    `Cannot ${action.replace("_", " ")} ${what} that is ${status.toLowerCase().replace("_", " ")}.`,
    { status },
  );
}
