import { describe, expect, it } from "vitest";
import { type Carried, type CarrySpan, diffRevisions, findOrphanAgain, reanchor } from "./reanchor";
import { quoteAt } from "./selector";
import { sideOf } from "./testing/news-edits";

/** A span on the nth occurrence (0-based) of `quote` in `text`, with its stored context. */
function spanOn(text: string, quote: string, nth = 0, id = quote): CarrySpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" #${nth} not in text`);
  }
  return { id, start: at, end: at + quote.length, ...quoteAt(text, at, at + quote.length) };
}

function carryOne(oldText: string, newText: string, span: CarrySpan): Carried {
  return reanchor(oldText, newText, [span])[0];
}

/** The words a placed result stands on. */
const placed = (text: string, carried: Carried) => ("start" in carried ? text.slice(carried.start, carried.end) : null);

const P1 = "The minister said unemployment rose 20% last year, the highest figure since 2009.";
const P2 = "Opposition leaders called the figures misleading and asked for an independent review.";
const P3 = "The statistics office will publish revised numbers on Friday, a spokesperson said.";
const ARTICLE = [P1, P2, P3].join("\n\n");

describe("reanchor: insertions and deletions around a span", () => {
  const span = spanOn(ARTICLE, "called the figures misleading");

  it("keeps a span exactly when text is inserted before it", () => {
    const next = ARTICLE.replace("Opposition leaders", "Several opposition leaders");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried).toMatchObject({ status: "ANCHORED", score: 1 });
    expect(placed(next, carried)).toBe(span.quote);
    expect(carried).toMatchObject({ start: span.start + "Several o".length - 1 });
  });

  it("keeps a span exactly when text is inserted right after it", () => {
    const next = ARTICLE.replace("misleading and", "misleading, even dishonest, and");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried).toMatchObject({ status: "ANCHORED", start: span.start, end: span.end, score: 1 });
  });

  it("marks a span CHANGED when words are inserted inside it, placed on the new words", () => {
    const next = ARTICLE.replace("the figures misleading", "the new figures deeply misleading");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried.status).toBe("CHANGED");
    expect(placed(next, carried)).toBe("called the new figures deeply misleading");
    expect(carried.score).toBeGreaterThan(0.5);
    expect(carried.score).toBeLessThan(1);
  });

  it("marks a span CHANGED when part of it is deleted", () => {
    const next = ARTICLE.replace("the figures misleading", "the figures");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried.status).toBe("CHANGED");
    expect(placed(next, carried)).toBe("called the figures");
  });

  it("orphans a span whose words are all deleted, and keeps its neighbours exactly", () => {
    const next = [P1, P3].join("\n\n");
    const [gone, before, after] = reanchor(ARTICLE, next, [
      span,
      spanOn(ARTICLE, "since 2009"),
      spanOn(ARTICLE, "on Friday"),
    ]);
    expect(gone).toMatchObject({ status: "ORPHANED", score: 0 });
    expect(placed(next, before)).toBe("since 2009");
    expect(placed(next, after)).toBe("on Friday");
    expect(before.status).toBe("ANCHORED");
    expect(after.status).toBe("ANCHORED");
  });
});

describe("reanchor: a deleted sentence that begins like the next one", () => {
  it("keeps the next sentence's span exactly: the deletion is placed on sentence boundaries", () => {
    const deleted = "“The current situation is indeed disconcerting,” he said in a statement. ";
    const kept = "“The high priority now is to prevent the situation from escalating.”";
    const before = `He spoke on Monday.\n\n${deleted}${kept}\n\nEnd.`;
    const after = `He spoke on Monday.\n\n${kept}\n\nEnd.`;
    // Both "“The " could be the deleted one; a diff that keeps the first takes the kept sentence's first word.
    const span = spanOn(before, "The high priority now is to prevent");
    const carried = carryOne(before, after, span);
    expect(carried).toMatchObject({ status: "ANCHORED", score: 1 });
    expect(placed(after, carried)).toBe(span.quote);
    const gone = carryOne(before, after, spanOn(before, "The current situation"));
    expect(gone.status).toBe("ORPHANED");
  });
});

describe("findOrphanAgain: an earlier orphan's exact words back in a new revision", () => {
  const orphan = spanOn(ARTICLE, "called the figures misleading");

  it("finds the words when they occur once, with their context up to the paragraph breaks", () => {
    const next = `A new first paragraph.\n\n${ARTICLE}`;
    const found = findOrphanAgain(next, orphan);
    expect(found && next.slice(found.start, found.end)).toBe(orphan.quote);
  });

  it("finds nothing when the words occur twice, differ by one word, or stand in another context", () => {
    expect(findOrphanAgain(`${ARTICLE}\n\n${P2}`, orphan)).toBeNull();
    expect(findOrphanAgain(ARTICLE.replace("the figures", "these figures"), orphan)).toBeNull();
    expect(findOrphanAgain(ARTICLE.replace("Opposition leaders", "Critics"), orphan)).toBeNull();
  });
});

describe("reanchor: corrected words", () => {
  it("puts a corrected figure's span on the new figure (CHANGED), old and new sides located by the diff", () => {
    const next = ARTICLE.replace("rose 20%", "rose 12%");
    const [figure, phrase, sentence] = reanchor(ARTICLE, next, [
      spanOn(ARTICLE, "20%"),
      spanOn(ARTICLE, "rose 20%"),
      spanOn(ARTICLE, "unemployment rose 20% last year"),
    ]);
    expect(figure.status).toBe("CHANGED");
    expect(placed(next, figure)).toBe("12%");
    expect(placed(next, phrase)).toBe("rose 12%");
    expect(phrase.status).toBe("CHANGED");
    expect(placed(next, sentence)).toBe("unemployment rose 12% last year");
    expect(sentence.score).toBeGreaterThan(0.7);
  });

  it("keeps a span ANCHORED when the changed word is just outside it", () => {
    const next = ARTICLE.replace("unemployment rose", "joblessness rose");
    const carried = carryOne(ARTICLE, next, spanOn(ARTICLE, "rose 20% last year"));
    expect(carried.status).toBe("ANCHORED");
    expect(placed(next, carried)).toBe("rose 20% last year");
  });

  it("moves a span's edge to the replacement word's boundary when an edge word changes", () => {
    const next = ARTICLE.replace("an independent review", "an independent inquiry");
    const carried = carryOne(ARTICLE, next, spanOn(ARTICLE, "asked for an independent review"));
    expect(carried.status).toBe("CHANGED");
    expect(placed(next, carried)).toBe("asked for an independent inquiry");
  });

  it("Hypothesis h#2798: a Robin → Elisa correction never jumps to the earlier Robin in the sentence", () => {
    const old = "Robin Hart, the coach, said Robin Jones would start on Saturday.";
    const next = "Robin Hart, the coach, said Elisa Jones would start on Saturday.";
    const [second, first] = reanchor(old, next, [spanOn(old, "Robin", 1, "second"), spanOn(old, "Robin", 0, "first")]);
    expect(second.status).toBe("CHANGED");
    expect(placed(next, second)).toBe("Elisa");
    expect(first).toMatchObject({ status: "ANCHORED", start: 0, end: 5 });
  });

  it("orphans a sentence rewritten beyond recognition instead of guessing", () => {
    const next = ARTICLE.replace(
      P2,
      "Critics were unconvinced by yesterday's numbers, demanding that outside experts check them.",
    );
    const carried = carryOne(ARTICLE, next, spanOn(ARTICLE, P2));
    expect(carried.status).toBe("ORPHANED");
  });

  it("orphans a span when only stop words and punctuation survive", () => {
    const old = "Officials said that the plan, in the end, was abandoned.";
    const next = "Ministers insisted that the scheme, in the interim, was postponed.";
    const carried = carryOne(old, next, spanOn(old, "said that the plan, in the end, was abandoned"));
    expect(carried.status).toBe("ORPHANED");
  });
});

describe("reanchor: moves and twins", () => {
  it("finds a moved paragraph's span in the inserted text (ANCHORED, score just below 1)", () => {
    const next = [P2, P3, P1].join("\n\n");
    const span = spanOn(ARTICLE, "the highest figure since 2009");
    const [carried, stay] = reanchor(ARTICLE, next, [span, spanOn(ARTICLE, "independent review")]);
    expect(placed(next, carried)).toBe(span.quote);
    expect(carried.status).toBe("ANCHORED");
    expect(carried.score).toBeGreaterThan(0.9);
    expect(placed(next, stay)).toBe("independent review");
  });

  it("Hypothesis client#7571: a paragraph duplicated nearby does not take the original's span", () => {
    const next = [P1, P2, P2, P3].join("\n\n");
    const span = spanOn(ARTICLE, "asked for an independent review");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried.status).toBe("ANCHORED");
    expect(placed(next, carried)).toBe(span.quote);
    // Either copy is the "same" paragraph, but the diff keeps the original (the first).
    expect("start" in carried && carried.start).toBe(span.start);
  });

  it("never moves a deleted sentence's span onto a near-identical twin elsewhere (one word differs)", () => {
    const twin = "Opposition leaders called the numbers misleading and asked for an independent review.";
    const old = [P1, P2, P3, twin].join("\n\n");
    const next = [P1, P3, twin].join("\n\n");
    const carried = carryOne(old, next, spanOn(old, P2));
    expect(carried.status).toBe("ORPHANED");
    // Offered to the editor, never applied.
    expect(carried).toHaveProperty("suggestion");
  });

  it("never moves a deleted sentence's span onto an identical twin elsewhere", () => {
    const old = [P1, P2, P3, P2].join("\n\n");
    const next = [P1, P3, P2].join("\n\n");
    const [first, second] = reanchor(old, next, [
      spanOn(old, "called the figures", 0, "a"),
      spanOn(old, "called the figures", 1, "b"),
    ]);
    expect(first.status).toBe("ORPHANED");
    expect(second.status).toBe("ANCHORED");
    expect(placed(next, second)).toBe("called the figures");
    expect("start" in second && second.start).toBe(next.lastIndexOf("called the figures"));
  });

  it("does not take a moved copy of a sentence for a deleted one (two deleted copies, one inserted)", () => {
    const twin = "Officials declined to comment.";
    const old = [twin, P1, twin, P2, P3].join("\n\n");
    const next = [P1, P2, P3, twin].join("\n\n");
    const [first, second] = reanchor(old, next, [spanOn(old, twin, 0, "a"), spanOn(old, twin, 1, "b")]);
    expect(first.status).toBe("ORPHANED");
    expect(second.status).toBe("ORPHANED");
    // Either could be the one that moved: the tray offers it, nothing is applied.
    expect(first).toMatchObject({ suggestion: { start: next.indexOf(twin) } });
  });

  it("offers, but does not apply, a moved quote whose context does not match", () => {
    const old = [P1, P2, P3].join("\n\n");
    const next = [P1, P3, `Later, ${P2.replace("Opposition", "opposition")}`].join("\n\n");
    const carried = carryOne(old, next, spanOn(old, "Opposition leaders called"));
    expect(carried.status).toBe("ORPHANED");
  });
});

describe("reanchor: short quotes, paragraphs, emoji, whitespace", () => {
  it("keeps each of many identical short quotes (a number, a name) on its own occurrence", () => {
    const old = "In 2020, Ana won. In 2021, Ana lost. In 2022, Ana won again. Ana retired in 2023.";
    const next = "In 2020, Ana won narrowly. In 2021, Ana lost. Then, in 2022, Ana won again. Ana retired in 2023.";
    const spans = [0, 1, 2, 3].map((n) => spanOn(old, "Ana", n, `ana${n}`));
    const results = reanchor(old, next, spans);
    const expected = [0, 1, 2, 3].map((n) => spanOn(next, "Ana", n).start);
    expect(results.map((r) => r.status)).toEqual(["ANCHORED", "ANCHORED", "ANCHORED", "ANCHORED"]);
    expect(results.map((r) => ("start" in r ? r.start : -1))).toEqual(expected);
  });

  it("carries a span across paragraphs", () => {
    const next = `Breaking. ${ARTICLE}`;
    const span = spanOn(ARTICLE, "since 2009.\n\nOpposition leaders");
    const carried = carryOne(ARTICLE, next, span);
    expect(carried).toMatchObject({ status: "ANCHORED", start: span.start + 10, end: span.end + 10 });
  });

  it("counts offsets in UTF-16 code units and never splits an emoji", () => {
    const old = "Fans cheered 🎉🎉 as the team won 3–1 at home 🏟️.";
    const next = "Fans 👏 cheered 🎉✨🎉 as the team won 3–1 at home 🏟️.";
    const [after, emoji] = reanchor(old, next, [
      spanOn(old, "the team won 3–1 at home 🏟️"),
      spanOn(old, "cheered 🎉🎉 as"),
    ]);
    expect(after).toMatchObject({ status: "ANCHORED", start: next.indexOf("the team") });
    expect(placed(next, after)).toBe("the team won 3–1 at home 🏟️");
    expect(emoji.status).toBe("CHANGED");
    expect(placed(next, emoji)).toBe("cheered 🎉✨🎉 as");
  });

  it("never places an edge inside a surrogate pair when an emoji next to it changes", () => {
    const old = "Score: 🎉 and more 🎉 here.";
    const next = "Score: 🏆 and more 🎉 here.";
    const carried = carryOne(old, next, spanOn(old, "🎉 and more"));
    expect(carried.status).toBe("CHANGED");
    expect(placed(next, carried)).toBe("🏆 and more");
  });

  it("does not change a state for whitespace-only changes (re-flow, CRLF)", () => {
    const reflowed = ARTICLE.replace("rose 20% last year,", "rose 20%\nlast year,").replaceAll("\n\n", "\r\n\r\n");
    const spans = [
      spanOn(ARTICLE, "rose 20% last year"),
      spanOn(ARTICLE, "since 2009.\n\nOpposition"),
      spanOn(ARTICLE, "on Friday"),
    ];
    const results = reanchor(ARTICLE, reflowed, spans);
    expect(results.map((r) => r.status)).toEqual(["ANCHORED", "ANCHORED", "ANCHORED"]);
    expect(placed(reflowed, results[0])).toBe("rose 20%\nlast year");
    expect(placed(reflowed, results[1])).toBe("since 2009.\r\n\r\nOpposition");
    expect(results.every((r) => r.score === 1)).toBe(true);
  });

  it("chains three revisions", () => {
    const r2 = ARTICLE.replace("Opposition leaders", "Leaders of the opposition");
    const r3 = `Correction appended.\n\n${r2.replace("on Friday", "on Monday")}`;
    const spans = [
      spanOn(ARTICLE, "the highest figure since 2009"),
      spanOn(ARTICLE, "publish revised numbers on Friday"),
    ];
    const second = reanchor(ARTICLE, r2, spans);
    expect(second.map((r) => r.status)).toEqual(["ANCHORED", "ANCHORED"]);
    const again = second.map((r, i) => {
      if (!("start" in r)) throw new Error("lost");
      return { id: spans[i].id, start: r.start, end: r.end, ...quoteAt(r2, r.start, r.end) };
    });
    const third = reanchor(r2, r3, again);
    expect(third[0]).toMatchObject({ status: "ANCHORED" });
    expect(placed(r3, third[0])).toBe("the highest figure since 2009");
    expect(third[1].status).toBe("CHANGED");
    expect(placed(r3, third[1])).toBe("publish revised numbers on Monday");
  });

  it("orphans a span whose offsets no longer match its quote rather than trusting them", () => {
    const span = { ...spanOn(ARTICLE, "on Friday"), start: 3, end: 12 };
    expect(carryOne(ARTICLE, ARTICLE, span).status).toBe("ORPHANED");
  });
});

describe("reanchor: edge cases", () => {
  it("handles empty texts and no spans", () => {
    expect(reanchor("", "", [])).toEqual([]);
    const span = spanOn(ARTICLE, "on Friday");
    expect(carryOne(ARTICLE, "", span)).toMatchObject({ status: "ORPHANED", score: 0, suggestion: null });
    expect(carryOne("", ARTICLE, { ...span, start: 0, end: 9 })).toMatchObject({ status: "ORPHANED" });
  });

  it("never scores a CHANGED span 1, even when only punctuation changed", () => {
    const next = ARTICLE.replace("the figures misleading and", "the figures misleading; and");
    const carried = carryOne(ARTICLE, next, spanOn(ARTICLE, "figures misleading and asked"));
    expect(carried.status).toBe("CHANGED");
    expect(carried.score).toBeLessThan(1);
  });

  it("keeps spans on identical texts exactly", () => {
    const spans = [spanOn(ARTICLE, "20%"), spanOn(ARTICLE, P2), spanOn(ARTICLE, "2009.\n\nOpposition")];
    expect(reanchor(ARTICLE, ARTICLE, spans)).toEqual(
      spans.map((s) => ({ id: s.id, status: "ANCHORED", start: s.start, end: s.end, score: 1 })),
    );
  });
});

describe("diffRevisions", () => {
  it("rebuilds both texts (equal + delete = old, equal + insert = new) and marks whitespace changes", () => {
    const next = ARTICLE.replace("rose 20%", "rose 12%").replace("\n\nOpposition", "\nOpposition");
    const ops = diffRevisions(ARTICLE, next);
    expect(sideOf(ops, "old")).toBe(ARTICLE);
    expect(sideOf(ops, "new")).toBe(next);
    expect(ops).toContainEqual({ op: "delete", text: "20" });
    expect(ops).toContainEqual({ op: "insert", text: "12" });
  });
});
