import { z } from "zod";
import { VERDICTS } from "../domain/annotation";
import { optionalText, ZId, ZPage } from "./common";

/** GET /api/v1/speakers: `q` matches names and aliases (prefix of the name or of a word, any case or accent). */
export const ZSpeakerListQuery = ZPage.extend({
  q: z.string({ error: "must be text" }).trim().max(200, "must be at most 200 characters").optional(),
});

/** GET /api/v1/speakers/:id: the claims and denials a page at a time, optionally of one verdict. */
export const ZSpeakerQuery = ZPage.extend({
  verdict: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(", ")}` }).optional(),
});

/** POST /api/v1/speakers/:id/merge: `from` is the record merged into :id (and deleted). */
export const ZMergeSpeakers = z.object({ from: ZId }).strict();

/**
 * PATCH /api/v1/speakers/:id: the record's name and profile. Absent fields stay as they are; blank or null clears
 * role, affiliation and description. The name cannot be cleared.
 */
export const ZUpdateSpeaker = z
  .object({
    name: z
      .string({ error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .optional(),
    role: optionalText(200),
    affiliation: optionalText(200),
    description: optionalText(2000),
  })
  .strict()
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "must change at least one of name, role, affiliation, description",
  });
