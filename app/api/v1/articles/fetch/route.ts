/**
 * POST /articles/fetch `{ url }`, from before POST /articles/preview: the same answer, which still carries `html`
 * (the kept blocks) and the details the import form is filled with.
 */
export { POST } from "../preview/route";
