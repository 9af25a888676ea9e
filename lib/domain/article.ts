/** Structure of an article revision: blocks as UTF-16 offsets into its text. */
export type BlockType = "paragraph" | "heading" | "blockquote" | "list-item";

export type Block = {
  type: BlockType;
  start: number;
  /** Exclusive. */
  end: number;
  /** Heading level 1–6, for headings only. */
  level?: number;
};

export type RevisionContent = { text: string; blocks: Block[] };
