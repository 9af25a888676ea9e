import { snippetParts } from "@/lib/domain/search-query";

/**
 * A snippet with its matching words in <mark>: the text is rendered as React text (escaped), and
 * only the database's private-use delimiters become elements, never stored text as markup.
 */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
