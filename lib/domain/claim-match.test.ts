import { describe, expect, it } from "vitest";
import { conflictOf, figuresConflict, MATCH_TUNING, matchClaims, sameFigure } from "./claim-match";
import { normaliseClaim, normaliseSentences } from "./claim-text";

const weight = () => 1;
const match = (a: string, b: string) => matchClaims(normaliseClaim(a), normaliseClaim(b), { weight });

describe("the different-figure rule", () => {
  it("finds the same claim worded differently", () => {
    expect(
      match("unemployment up twenty percent in a year", "Unemployment rose by 20 per cent in a year.").relation,
    ).toBe("same");
    expect(
      match(
        "min wage going up to 11.44 an hour from April 2024",
        "The minimum wage will rise to £11.44 an hour from April 2024.",
      ).relation,
    ).toBe("same");
  });

  it("flags the same words with another figure, date, name or direction, never as the same", () => {
    const earlier = "Unemployment rose by 20 per cent in 2023.";
    expect(match("Unemployment rose by 12 per cent in 2023.", earlier)).toMatchObject({
      relation: "different-figure",
      conflict: "figure",
    });
    expect(match("Unemployment rose by 20 per cent in 2021.", earlier)).toMatchObject({ conflict: "figure" });
    expect(match("Unemployment fell by 20 per cent in 2023.", earlier)).toMatchObject({
      relation: "different-figure",
      conflict: "direction",
    });
    expect(match("France's economy grew 4 per cent.", "Germany's economy grew 4 per cent.")).toMatchObject({
      relation: "different-figure",
      conflict: "name",
    });
  });

  it("takes the worst for the highest, but not the best for the worst, nor a vote for one against", () => {
    expect(
      match("Worst homicide rate of any city in the US: Chicago", "Chicago has the highest murder rate in the US."),
    ).toMatchObject({ relation: "same", conflict: null });
    expect(match("2023 was the best year for house sales.", "2023 was the worst year for house sales.")).toMatchObject({
      relation: "different-figure",
      conflict: "direction",
    });
    expect(
      match(
        "Senator Walsh voted for veterans' healthcare 12 times.",
        "Senator Walsh voted against veterans' healthcare 12 times.",
      ),
    ).toMatchObject({ relation: "different-figure", conflict: "direction" });
  });

  it("does not hold the earlier claim's speaker, named in a post, against it as another name", () => {
    const post = "Our planet has more trees on it than there are stars in our galaxy, Kwame Asante said on a podcast.";
    const claim = normaliseClaim("There are more trees on Earth than stars in the Milky Way.");
    const options = { weight, sentences: normaliseSentences(post) };
    expect(matchClaims(normaliseClaim(post), claim, options).conflict).toBe("name");
    expect(
      matchClaims(normaliseClaim(post), claim, { ...options, speaker: normaliseClaim("Kwame Asante").terms }).conflict,
    ).toBeNull();
  });

  it("applies the name rule to a name standing in for another in the same wording, not to a post naming more", () => {
    expect(
      match(
        "Junior doctors in Wales accepted a 12.4 per cent pay offer.",
        "Junior doctors in Scotland accepted a 12.4 per cent pay offer.",
      ).conflict,
    ).toBe("name");
    // The post rewords the claim and names more around it: the names are no conflict.
    expect(
      match(
        "The 1969 landing was shot on a film set by Kubrick. Look at the flag waving.",
        "The Moon landing was filmed in a studio.",
      ),
    ).toMatchObject({ conflict: null, relation: "same" });
  });

  it("applies the direction rule to another direction in the same wording, not to a post's chatter around it", () => {
    const earlier = "Hospital waiting lists rose to 7.6 million in 2023.";
    expect(match("Hospital waiting lists fell to 7.6 million in 2023.", earlier)).toMatchObject({
      relation: "different-figure",
      conflict: "direction",
    });
    // The post's "dropped" is about standards, not the waiting lists: it rewords the claim, and the chatter goes down.
    const post =
      "Waiting lists at 7.6 million in 2023 and the minister says standards have not dropped. My nan waited.";
    expect(normaliseClaim(post).direction).toBe("down");
    expect(match(post, earlier)).toMatchObject({ relation: "same", conflict: null });
    // Without the guard the same post is flagged.
    const unguarded = { ...MATCH_TUNING, directionRuleAt: 0 };
    expect(matchClaims(normaliseClaim(post), normaliseClaim(earlier), { weight }, unguarded).conflict).toBe(
      "direction",
    );
  });

  it("still applies the name rule to a post let off the direction rule", () => {
    // Three of the claim's five other words repeated: let off the direction; three of the four besides its name: not
    // let off the name (the direction word, contradicted, is left out of both shares).
    expect(
      match("Knife crime in Manchester fell by 10 per cent.", "Knife crime in London schools rose by 10 per cent."),
    ).toMatchObject({ relation: "different-figure", conflict: "name" });
  });

  it("weighs a repeated figure like a shared word", () => {
    const earlier = "Water companies discharged raw sewage into rivers 400,000 times in 2023.";
    const withFigure = match("400k sewage spills in 2023. Nationalise the lot.", earlier);
    const withoutFigure = match("sewage spills again. Nationalise the lot.", earlier);
    expect(withFigure.relation).toBe("same");
    expect(withFigure.score).toBeGreaterThan(withoutFigure.score);
  });

  it("a figure one side leaves out is no conflict: posts shorten", () => {
    expect(
      match("unemployment rose again last year", "Unemployment rose by 20 per cent last year.").conflict,
    ).toBeNull();
    expect(conflictOf(normaliseClaim("Marsh says crime fell"), normaliseClaim("Crime fell"))).toBeNull();
  });

  it("every figure of the side that gives fewer must be on the other", () => {
    const top = (share: string) => normaliseClaim(`The top ${share} per cent pay half of all income tax.`).figures;
    expect(figuresConflict(top("1"), top("10"))).toBe(true);
    expect(figuresConflict(top("1"), top("1"))).toBe(false);
  });

  it("allows for rounding but not for another unit", () => {
    expect(sameFigure({ kind: "number", value: "29437" }, { kind: "number", value: "30000" })).toBe(true);
    expect(sameFigure({ kind: "number", value: "8", unit: "min" }, { kind: "number", value: "8", unit: "s" })).toBe(
      false,
    );
    expect(sameFigure({ kind: "currency", value: "1200", unit: "GBP" }, { kind: "number", value: "1200" })).toBe(true);
    expect(sameFigure({ kind: "year", value: "2020" }, { kind: "year", value: "2021" })).toBe(false);
  });

  it("scores between 0 and 1, unrelated below the line", () => {
    const unrelated = match("Bats are blind.", "Unemployment rose by 20 per cent.");
    expect(unrelated.relation).toBe("unrelated");
    for (const m of [unrelated, match("crime fell", "Crime fell.")]) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect(match("crime fell", "Crime fell.").score).toBeGreaterThan(match("crime fell in Leeds", "Crime fell.").score);
  });
});

describe("the rules read the sentences of a post that repeat the claim", () => {
  const post = (text: string, earlier: string) =>
    matchClaims(normaliseClaim(text), normaliseClaim(earlier), { weight, sentences: normaliseSentences(text) });

  it("holds no figure, name or direction of a sentence about something else against the claim", () => {
    const earlier = "Productivity has barely grown since the 2008 financial crisis.";
    const long =
      "I run a factory floor and we work the way we did in 2007. Productivity has barely grown since the financial crisis.";
    // Read whole, the post's 2007 would be another year than 2008.
    expect(matchClaims(normaliseClaim(long), normaliseClaim(earlier), { weight }).conflict).toBe("figure");
    expect(post(long, earlier)).toMatchObject({ relation: "same", conflict: null });
    expect(
      post(
        "Spent a week in Munich for work. Their economy grew 4 per cent last year.",
        "Germany's economy grew 4 per cent last year.",
      ).conflict,
    ).toBeNull();
  });

  it("still flags another figure, period or name in the sentence that repeats the claim", () => {
    const earlier = "Asylum seekers get £1,200 a week in benefits.";
    expect(post("Unbelievable. Asylum seekers get £1,200 a month in benefits. Wake up.", earlier)).toMatchObject({
      relation: "different-figure",
      conflict: "figure",
    });
    expect(
      post("Hotels for asylum seekers cost £8 million a week.", "Hotels for asylum seekers cost £8 million a day."),
    ).toMatchObject({ conflict: "figure" });
    expect(
      post(
        "I read the news today. Unemployment rose by 12 per cent in 2023.",
        "Unemployment rose by 20 per cent in 2023.",
      ).conflict,
    ).toBe("figure");
  });
});

describe("near terms (word vectors)", () => {
  // A table stands in for the vectors: the domain only asks how near two terms are.
  const NEAR: Record<string, number> = {
    "murder slay": 0.8,
    "franc spain": 0.8,
    "increase decrease": 0.9,
    "cat dog": 0.5,
  };
  const similarity = (a: string, b: string) => NEAR[`${a} ${b}`] ?? NEAR[`${b} ${a}`] ?? 0;
  const near = (post: string, claim: string) =>
    matchClaims(normaliseClaim(post), normaliseClaim(claim), { weight, similarity });
  const claim = "Murders have doubled in Leeds since 2015 according to police.";
  const post = "Slayings in Leeds up since 2015, say the cops.";

  it("counts a post's near term for a claim's term it does not repeat, so the reworded claim ranks higher", () => {
    const without = match(post, claim);
    const withNear = near(post, claim);
    expect(normaliseClaim(post).terms).not.toContain("murder");
    expect(withNear.score).toBeGreaterThan(without.score);
    expect(withNear.relation).toBe("same");
  });

  it("gives nothing below nearAt, and nothing for a term the post already repeats", () => {
    expect(near("My dog sleeps all day long.", "My cat sleeps all day long.").score).toBe(
      match("My dog sleeps all day long.", "My cat sleeps all day long.").score,
    );
    expect(MATCH_TUNING.nearAt).toBeGreaterThan(0.5);
    // Every term repeated: no near term can add to it.
    expect(near(claim, claim).score).toBe(match(claim, claim).score);
  });

  it("never lets a near name or direction stand in: the rules still flag them", () => {
    expect(near("Spain's economy grew 4 per cent.", "France's economy grew 4 per cent.")).toMatchObject({
      conflict: "name",
    });
    expect(
      near("Unemployment fell by 20 per cent in 2023.", "Unemployment rose by 20 per cent in 2023."),
    ).toMatchObject({
      relation: "different-figure",
      conflict: "direction",
    });
    const names = near("Spain has the best beaches in Europe.", "France has the best beaches in Europe.");
    expect(names.score).toBe(
      match("Spain has the best beaches in Europe.", "France has the best beaches in Europe.").score,
    );
  });
});

describe("posts as feeds carry them", () => {
  it("does not read a word shouted for emphasis or a bare link as another name", () => {
    // Before: "FAKE" and "Xy12AbC" were names the claim lacks, against its "Francis" and "Donald": "different-figure".
    const claim = "Pope Francis endorsed Donald Trump in the 2016 election.";
    for (const post of [
      "The Pope endorsed Trump in the 2016 election? FAKE",
      "RT @desk: the Pope endorsed Trump in the 2016 election pic.twitter.com/Xy12AbC",
      "#Vatican #Election2016 Pope endorsed Trump in the 2016 election &amp; nobody noticed",
    ])
      expect(match(post, claim), post).toMatchObject({ relation: "same", conflict: null });
  });
});
