/**
 * A fixed English stop-word list for claim matching (decision 030): function
 * words that say nothing about which assertion a claim makes. Kept in the repo
 * so matching does not change when a library's list does. Negations ("not",
 * "no", "never") and direction words are NOT here: they change the assertion.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by every can could did do does doing during each few for from further had has have having he
  her here hers herself him himself his how i if in into is it its itself just me more most my myself of
  off on once only or other our ours ourselves out over own same she should so some such than that the
  their theirs them themselves then there these they this those through to too under until very was we
  were what when where which while who whom why will with would you your yours yourself yourselves
  says said say saying claim claims claimed according told tells tell stated just really actually
  now latest reportedly apparently literally totally breaking wow lol omg rt via amp u ur im its it's
  thats dont didnt doesnt isnt wasnt arent`.split(/\s+/),
);
