"use client";

import type { ChangeEvent, ReactNode } from "react";
import { fieldMessage } from "../api-client";

export type BodyFormat = "text" | "html";

type Props = {
  /** The textarea's id; its error is `<id>-error`. Radio groups are named after it too. */
  id: string;
  legend: string;
  format: BodyFormat;
  onFormat: (format: BodyFormat) => void;
  body: string;
  onBody: (body: string) => void;
  /** After an upload has set the format and body: the file's name (the import takes a title from it) and its text. */
  onFile?: (name: string, text: string) => void;
  /** The last request's failure: a 422 naming `text` or `html` shows under the textarea. */
  error: unknown;
  rows: number;
  /** More ways in beside the upload (the revision's "Fetch again"). */
  children?: ReactNode;
};

/** An article's body as the import and a new revision take it: plain text or HTML, typed, pasted or uploaded. */
export function ArticleBodyInput({ id, legend, format, onFormat, body, onBody, onFile, error, rows, children }: Props) {
  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    onFormat(/\.html?$/i.test(file.name) || file.type === "text/html" ? "html" : "text");
    const text = await file.text();
    onBody(text);
    onFile?.(file.name, text);
  }
  const message = fieldMessage(error, format);
  return (
    <>
      <fieldset className="format">
        <legend>{legend}</legend>
        <label>
          <input type="radio" name={`${id}-format`} checked={format === "text"} onChange={() => onFormat("text")} />{" "}
          Plain text (kept exactly as pasted)
        </label>
        <label>
          <input type="radio" name={`${id}-format`} checked={format === "html"} onChange={() => onFormat("html")} />{" "}
          HTML (reduced to text, paragraphs and headings)
        </label>
        <label className="upload">
          Or upload a .txt or .html file
          <input type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={upload} />
        </label>
        {children}
      </fieldset>
      <div className="field">
        <label htmlFor={id}>{format === "html" ? "HTML" : "Text"}</label>
        <textarea
          id={id}
          rows={rows}
          value={body}
          onChange={(event) => onBody(event.target.value)}
          required
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message && (
          <span id={`${id}-error`} className="field-error">
            {message}
          </span>
        )}
      </div>
    </>
  );
}
