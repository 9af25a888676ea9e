import { z } from "zod";
import { ROLES } from "../domain/permissions";

/** Emails are compared and stored trimmed and lower-cased. */
export const ZEmail = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be a valid email address" }));

export const ZPassword = z
  .string({ error: "is required" })
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const ZName = z
  .string({ error: "is required" })
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters");

export const ZRole = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });

export const ZCreateUser = z.object({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    name: ZName.optional(),
    role: ZRole.optional(),
    active: z.boolean({ error: "must be true or false" }).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "give at least one of name, role, active" });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZCreateToken = z.object({
  name: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
});

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string({ error: "is required" }).min(1, "is required").max(200),
});

/** A user's own password change: the current one proves it is them, the new one follows the rules of user creation. */
export const ZChangePassword = z
  .object({
    currentPassword: z
      .string({ error: "is required" })
      .min(1, "is required")
      .max(200, "must be at most 200 characters"),
    newPassword: ZPassword,
  })
  .strict();
