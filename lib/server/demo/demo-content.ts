/**
 * The demo article shipped with Factmark: invented for the demo, about an
 * invented town, so it can be annotated freely. Spans the demo annotations
 * point at are found by their text, not by hard-coded offsets.
 */
export const DEMO_ARTICLE = {
  title: "Harbour town says its new cycle lanes halved road injuries",
  publisher: "The Millbrook Courier (demo)",
  author: "Factmark demo desk",
  sourceUrl: "https://example.org/millbrook/cycle-lanes",
  publishedAt: new Date("2026-10-14T08:00:00Z"),
  text: [
    "Millbrook’s council said on Tuesday that the protected cycle lanes it opened along the harbour road last spring had “cut road injuries in half” in their first year.",
    "“We promised safer streets and we delivered them,” said the deputy mayor, Ines Carvalho, at a press conference outside the town hall. “Fifty-two people were hurt on that road the year before. This year it was twenty-six.”",
    "The Millbrook Drivers’ Association rejected the figures. Its chair, Tomas Reed, said the fall had “nothing to do with paint and bollards” and was caused by the road being closed for eleven weeks of resurfacing works.",
    "Hospital admissions data published by the regional health board show 49 road-injury admissions from the harbour district in the year before the lanes opened and 31 in the year after — a fall of about 37 percent.",
    "Road-safety researcher Dr. Amara Osei said one year of numbers from a single road was too little to separate the effect of the lanes from chance and from the closure. “A fall of this size is encouraging, but you would want three to five years of data before calling it a result,” she said. 🚲",
  ].join("\n\n"),
  annotations: [
    {
      kind: "CLAIM",
      quote: "cut road injuries in half",
      speaker: "Millbrook council",
      verdict: "MISLEADING",
      rationale: "Hospital data show a fall of about 37 percent, not 50, and the road was closed for part of the year.",
      note: "Council press release of 13 October.",
      sources: [
        {
          url: "https://example.org/health-board/road-injuries-2026",
          title: "Road injury admissions by district, 2025–2026",
          publisher: "Regional health board (demo)",
        },
      ],
    },
    {
      kind: "CLAIM",
      quote: "Fifty-two people were hurt on that road the year before. This year it was twenty-six.",
      speaker: "Ines Carvalho, deputy mayor",
      verdict: "UNVERIFIABLE",
      rationale: "The council has not published the figures behind these numbers; we asked for them on 14 October.",
      note: "",
      sources: [],
    },
    {
      kind: "DENIAL",
      quote: "nothing to do with paint and bollards",
      speaker: "Tomas Reed, Millbrook Drivers’ Association",
      verdict: "MOSTLY_FALSE",
      rationale: "The closure explains part of the fall, but injuries also fell in the months the road was open.",
      note: "",
      sources: [],
      denies: "cut road injuries in half",
    },
    {
      kind: "ANALYSIS",
      quote: "one year of numbers from a single road was too little to separate the effect of the lanes from chance",
      speaker: "Dr. Amara Osei",
      note: "Independent expert; no link to the council or the association.",
      sources: [],
    },
  ],
} as const;
