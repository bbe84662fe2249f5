// wink-lexicon ships no types; only its list of English irregular verbs is used (src/qa/terms.ts).
declare module 'wink-lexicon/src/irregular-verbs.js' {
  /** Every form of an irregular verb -> its base form ("won" -> "win", "went" -> "go"). */
  const irregularVerbs: Record<string, string>;
  export default irregularVerbs;
}
