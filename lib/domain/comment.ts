/** Kept apart from the zod schema so the browser bundle never loads zod: its eval probe is a CSP violation (decision 014). */
export const MAX_COMMENT_LENGTH = 5000;
