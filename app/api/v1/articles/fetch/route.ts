import { POST as preview } from "../preview/route";

/**
 * POST /articles/fetch `{ url }`, from before POST /articles/preview: the same answer, which still carries `html`
 * (the kept blocks) and the details the import form is filled with.
 */
export const POST = preview;
