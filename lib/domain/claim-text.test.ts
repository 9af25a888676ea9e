import { describe, expect, it } from "vitest";
import { figureWords, foldText, normaliseClaim, stem } from "./claim-text";

const figures = (text: string) => normaliseClaim(text).figures;

describe("normaliseClaim", () => {
  it("reads percentages however they are written", () => {
    for (const text of ["rose 20%", "rose 20 %", "rose 20 per cent", "rose 20 percent", "rose twenty per cent"])
      expect(figures(text)).toEqual([{ kind: "percent", value: "20" }]);
    expect(figures("one in five children")).toEqual([{ kind: "percent", value: "20" }]);
    expect(figures("half of all tax")).toEqual([{ kind: "percent", value: "50" }]);
    expect(figures("cut by a third")).toEqual([{ kind: "percent", value: "33" }]);
    // "third" alone is an ordinal, not a fraction.
    expect(figures("the third year running")).toEqual([]);
  });

  it("reads every second or every other one as half of them, not every second of time", () => {
    expect(figures("Every second new home is built on greenfield land")).toEqual([{ kind: "percent", value: "50" }]);
    expect(figures("every other child")).toEqual(figures("half of children"));
    expect(normaliseClaim("every other child").terms).toEqual(normaliseClaim("half of children").terms);
    expect(figures("every second of the day")).toEqual([]);
    expect(figures("every second 3 babies are born")).toEqual([{ kind: "number", value: "3" }]);
  });

  it("reads numbers in words and digits, with scales and thousands separators, as one value", () => {
    for (const text of ["1.2 million jobs", "1,200,000 jobs", "1.2m jobs"])
      expect(figures(text)).toEqual([{ kind: "number", value: "1200000" }]);
    expect(figures("twenty-three people")).toEqual([{ kind: "number", value: "23" }]);
    expect(figures("one hundred and five beds")).toEqual([{ kind: "number", value: "105" }]);
    expect(figures("fifty thousand nurses")).toEqual([{ kind: "number", value: "50000" }]);
    expect(figures("it doubled twice")).toEqual([{ kind: "number", value: "2", unit: "x" }]);
  });

  it("reads “a hundred”, “half a million” and “twenty three” as one number, and a number said twice as itself", () => {
    expect(figures("a million people")).toEqual([{ kind: "number", value: "1000000" }]);
    expect(figures("half a million people")).toEqual([{ kind: "number", value: "500000" }]);
    expect(figures("twenty three people")).toEqual([{ kind: "number", value: "23" }]);
    expect(figures("as young as nine. NINE.")).toEqual([{ kind: "number", value: "9" }]);
    expect(figures("nine nine nine")).toEqual([{ kind: "number", value: "9" }]);
    // "a hundred years" says what "a century" says, in its terms too.
    const hundred = normaliseClaim("for the first time in a hundred years");
    expect(hundred.figures).toEqual([{ kind: "number", value: "100", unit: "yr" }]);
    expect(hundred.terms).toContain("century");
    expect(normaliseClaim("for the first time in a century").figures).toEqual(hundred.figures);
  });

  it("reads the period an amount is per as a figure, only right after it, and not a duration", () => {
    expect(figures("Asylum seekers get £1,200 a week in benefits")).toEqual([
      { kind: "currency", value: "1200", unit: "GBP" },
      { kind: "rate", value: "week" },
    ]);
    expect(figures("£1,200 in benefits every week")).toContainEqual({ kind: "rate", value: "week" });
    expect(figures("4 millimetres annually")).toContainEqual({ kind: "rate", value: "year" });
    expect(figures("dues doubled in a year")).not.toContainEqual(expect.objectContaining({ kind: "rate" }));
    expect(figures("It cost £8 million. We should talk about it every day.")).toEqual([
      { kind: "currency", value: "8000000", unit: "GBP" },
    ]);
  });

  it("reads amounts of money with their currency", () => {
    expect(figures("£3bn")).toEqual([{ kind: "currency", value: "3000000000", unit: "GBP" }]);
    expect(figures("£3 billion")).toEqual([{ kind: "currency", value: "3000000000", unit: "GBP" }]);
    expect(figures("1200 pounds")).toEqual([{ kind: "currency", value: "1200", unit: "GBP" }]);
    expect(figures("$16bn")).toEqual([{ kind: "currency", value: "16000000000", unit: "USD" }]);
  });

  it("reads dates and years to one form", () => {
    const march = [
      { kind: "date", value: "2021-03" },
      { kind: "year", value: "2021" },
    ];
    expect(figures("in March 2021")).toEqual(march);
    expect(figures("in Mar 2021")).toEqual(march);
    expect(figures("in 2021-03")).toEqual(march);
    expect(figures("on 3 March 2021")).toEqual([
      { kind: "date", value: "2021-03-03" },
      { kind: "year", value: "2021" },
    ]);
    expect(figures("since 2010")).toEqual([{ kind: "year", value: "2010" }]);
    // A year cut to two digits, and an older or later one where a year is expected.
    expect(figures("on 20th July '69")).toEqual(figures("on 20 July 1969"));
    expect(figures("back in ’19")).toEqual([{ kind: "year", value: "2019" }]);
    expect(figures("the '90s")).toEqual([{ kind: "number", value: "90" }]);
    expect(figures("sealed in 1215")).toEqual([{ kind: "year", value: "1215" }]);
    expect(figures("by 2100")).toEqual([{ kind: "year", value: "2100" }]);
    expect(figures("1215 people")).toEqual([{ kind: "number", value: "1215" }]);
  });

  it("keeps the unit of a measure, so minutes and seconds differ", () => {
    expect(figures("eight minutes")).toEqual([{ kind: "number", value: "8", unit: "min" }]);
    expect(figures("8 seconds")).toEqual([{ kind: "number", value: "8", unit: "s" }]);
  });

  it("drops case, punctuation, quotes, diacritics, possessives and stop words; stems and maps synonyms", () => {
    const a = normaliseClaim("“The Children’s poverty rate ROSE,” she said!");
    const b = normaliseClaim("children poverty rate increased");
    expect(a.terms).toEqual(b.terms);
    expect(normaliseClaim("Zürich’s café").terms).toEqual(["zurich", "cafe"]);
    expect(foldText("‘quoted’ – “dash” naïve")).toBe("'quoted' - \"dash\" naive");
    expect(stem("prices")).toBe(stem("price"));
    expect(stem("banned")).toBe(stem("bans"));
    expect(stem("stopping")).toBe(stem("stops"));
  });

  it("finds names: capitals inside a sentence, all-capital words, places and possessives at its start", () => {
    expect(normaliseClaim("Unemployment rose, says Boris Johnson.").names).toEqual(["boris", "johnson"]);
    expect(normaliseClaim("The NHS spent more").names).toEqual(["nhs"]);
    expect(normaliseClaim("India emits more").names).toEqual(["india"]);
    expect(normaliseClaim("Germany's economy grew").names).toEqual(["germany"]);
    expect(normaliseClaim("Unemployment rose").names).toEqual([]);
    // The United States, the US and the U.S. are one name.
    expect(normaliseClaim("murders in the United States").names).toEqual(normaliseClaim("murders in the US").names);
  });

  it("names nothing by capitals for emphasis: a shouted word, a shouted post, tags opening a post", () => {
    expect(normaliseClaim("This photo of the Pope endorsing Trump is FAKE").names).toEqual(["pope", "trump"]);
    expect(normaliseClaim("BREAKING: the Pope endorsed Trump").names).toEqual(["pope", "trump"]);
    expect(normaliseClaim("THEY ARE LYING ABOUT THE JOBS FIGURES AGAIN").names).toEqual([]);
    // A place in a shouted post is still a place, and an acronym in a plain one still a name.
    expect(normaliseClaim("FRANCE IS BANNING ALL DIESEL CARS").names).toEqual(["franc"]);
    expect(normaliseClaim("Waiting lists at the NHS are at a record high").names).toEqual(["nhs"]);
    expect(normaliseClaim("#COVID19 #StayHome Drinking hot water kills the virus").names).toEqual([]);
    expect(normaliseClaim("RT @newsdesk: Drinking hot water kills the virus").names).toEqual([]);
  });

  it("says which way a claim goes, and when it is negated", () => {
    expect(normaliseClaim("Crime fell").direction).toBe("down");
    expect(normaliseClaim("crime went up").direction).toBe("up");
    expect(normaliseClaim("Crime is a problem").direction).toBeNull();
    // Both ways at once is neither: which one is the assertion, words cannot tell.
    expect(normaliseClaim("it boils at a lower temperature the higher up you go").direction).toBeNull();
    // Judging and voting are axes of their own, a side each, none when both are taken.
    expect(normaliseClaim("the worst murder rate").direction).toBeNull();
    expect(normaliseClaim("the worst murder rate").stances).toEqual(["worst"]);
    expect(normaliseClaim("Walsh voted against the bill").stances).toEqual(["oppose"]);
    expect(normaliseClaim("Walsh voted for the bill").stances).toEqual(["support"]);
    expect(normaliseClaim("the best and the worst of times").stances).toEqual([]);
    expect(normaliseClaim("CO2 isn't a greenhouse gas").negated).toBe(true);
  });

  it("reads how many times over, and decades and centuries as years", () => {
    const times = [{ kind: "number", value: "2", unit: "x" }];
    for (const text of ["bills doubled", "twice as many", "bills are 2x what they were", "two times as high"])
      expect(figures(text)).toEqual(times);
    expect(figures("cases rose sixfold")).toEqual(figures("six times as many cases"));
    // "400,000 times" counts events, not a multiple.
    expect(figures("discharged 400,000 times")).toEqual([{ kind: "number", value: "400000" }]);
    expect(figures("four decades ago")).toEqual(figures("40 years ago"));
    expect(figures("for the first time in a century")).toEqual(figures("for the first time in 100 years"));
    expect(figures("beds have halved")).toEqual([{ kind: "percent", value: "50" }]);
  });

  it("reads a post: links go, hashtags and mentions are plain words, never names", () => {
    const post = normaliseClaim("Shameful. #EndChildPoverty @SenOkonkwo https://t.co/x8Fq2 #foodwaste");
    expect(post.terms).toEqual(["shameful", "end", "child", "poverty", "sen", "okonkwo", "foodwast"]);
    expect(post.names).toEqual([]);
    expect(normaliseClaim("Rent takes half my wages, and I'm told I'm typical.").names).toEqual([]);
    const bare = normaliseClaim("Gates wants to microchip us all pic.twitter.com/AbC123xyz t.co/Q1w2 bit.ly/3xYz");
    expect(bare.terms).toEqual(["gate", "want", "microchip"]);
    expect(normaliseClaim("Obama &amp; Biden let them in").names).toEqual(["biden"]);
    // A thread's numbering is no figure; a fraction is still read.
    for (const post of [
      "Five million are out of work (2/3)",
      "1/ Five million are out of work",
      "Five million are out of work 3/3",
    ])
      expect(figures(post), post).toEqual([{ kind: "number", value: "5000000" }]);
    expect(figures("1/5 of children are obese").map((f) => f.value)).toEqual(["1", "5"]);
    // A figure with a unit after a slash is no link.
    expect(normaliseClaim("Speed cameras catch drivers at 31 km/h in a 30 zone.").terms).toContain("driver");
  });

  it("meets newsroom wordings of one thing: phrases, concept groups, demonyms and capitals", () => {
    const terms = (text: string) => normaliseClaim(text).terms;
    expect(terms("people out of work")).toEqual(terms("people unemployed"));
    expect(terms("groceries cost more")).toEqual(terms("food prices more"));
    expect(terms("youngsters below the breadline")).toEqual(terms("children in poverty"));
    expect(terms("inmates")).toEqual(terms("prisoners"));
    expect(terms("people living here without papers")).toEqual(terms("people living here as illegal immigrants"));
    expect(terms("shops bin food")).toEqual(terms("shops throw away food"));
    expect(terms("wind and solar supplied power")).toEqual(terms("renewables provided electricity"));
    expect(terms("output per worker")).toEqual(terms("productivity"));
    expect(terms("burglaries never looked into")).toEqual(terms("burglaries never investigated"));
    expect(terms("teachers leaving the profession")).toEqual(terms("teachers quit"));
    expect(terms("the crash of 2008")).toEqual(terms("the crisis of 2008"));
    expect(normaliseClaim("Norwegians bought EVs").names).toEqual(normaliseClaim("Norway bought EVs").names);
    expect(normaliseClaim("emitted by Beijing").names).toEqual(["china"]);
    // "Number 10" is Downing Street, not the figure 10.
    expect(figures("Five people have been in Number 10")).toEqual([{ kind: "number", value: "5" }]);
  });

  it("gives a synonym the term its canonical word makes itself, so both wordings meet", () => {
    const terms = (text: string) => normaliseClaim(text).terms;
    expect(terms("the cops")).toEqual(terms("the police"));
    expect(terms("crimes")).toEqual(terms("crime"));
    expect(terms("nurses")).toEqual(terms("nurse"));
    expect(normaliseClaim("The EU fined Google").names).toContain(normaliseClaim("Europe fined Google").names[0]);
    expect(normaliseClaim("The French government fell").names).toEqual(
      normaliseClaim("France's government fell").names,
    );
    // The index is asked for the canonical word as written ("police"), not its term ("polic").
    expect(normaliseClaim("the cops").queryWords).toContain("police");
  });

  it("asks the full-text index for a synonym's words and a figure's words as a newsroom writes them", () => {
    expect(normaliseClaim("so many killings").queryWords).toEqual([
      "many",
      "killings",
      "murder",
      "murders",
      "homicides",
      "homicide",
    ]);
    // The index stems "children" apart from "child": a post's "kids" asks for it by name.
    expect(normaliseClaim("our kids").queryWords).toContain("children");
    // A concept group's words stay out: "poor" asks for "poverty", its canonical term, not for "breadline".
    expect(normaliseClaim("growing up poor").queryWords).not.toContain("breadline");
    expect(figureWords({ kind: "number", value: "400000" })).toEqual(["400"]);
    expect(figureWords({ kind: "currency", value: "2400000000", unit: "GBP" })).toEqual(["2", "billion"]);
    expect(figureWords({ kind: "number", value: "9", unit: "h" })).toEqual(["9", "nine"]);
    expect(figureWords({ kind: "percent", value: "33" })).toEqual(["33", "third"]);
    expect(figureWords({ kind: "number", value: "2", unit: "x" })).toEqual(["doubled", "twice"]);
  });

  it("gives plain query words only: letters and digits, no stop words", () => {
    const { queryWords } = normaliseClaim('Unemployment "rose" by 20% (AND) -- NEAR* the end');
    expect(queryWords).toEqual([
      "unemployment",
      "unemploy",
      "jobless",
      "unemployed",
      "rose",
      "near",
      "end",
      "20",
      "fifth",
    ]);
    for (const word of queryWords) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});
