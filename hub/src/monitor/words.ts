import { createRequire } from 'node:module';

/**
 * The words of Indonesian text as search and matching compare them: case
 * and diacritics folded, punctuation gone, stop words ("yang", "di",
 * "tidak", …) dropped, and each word reduced to its stem ("pelayanan",
 * "dilayani" and "melayani" all "layan"; "jalannya" "jalan"), so that a
 * report and a visitor who say the same thing in other words meet.
 *
 * The stemmer is nlp.js's Indonesian stemmer (Snowball's, after Tala's
 * algorithm) with its list of 809 stop words (@nlpjs/lang-id, MIT, kept up
 * by AXA's nlp.js). Sastrawi's dictionary stemmer (sastrawijs) stems a few
 * words better but brings thirty packages of 2017's Babel 6 at run time;
 * the labelled pairs in similar-pairs.ts measure what this one does.
 * Only the two files needed are loaded: the package's index would also load
 * its sentiment lexicon.
 */
const require = createRequire(import.meta.url);
const IndonesianStemmer = require('@nlpjs/lang-id/src/indonesian-stemmer') as new () => {
  stemWord(word: string): string;
};
const StopwordsId = require('@nlpjs/lang-id/src/stopwords-id') as new () => { dictionary: Record<string, boolean> };

const stemmer = new IndonesianStemmer();
const STOP_WORDS = new Set(Object.keys(new StopwordsId().dictionary));

/** Stems of common words, kept once: a report's text repeats them, and a hub stems many texts. */
const stems = new Map<string, string>();
const STEM_CACHE = 50_000;

function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    found = stemmer.stemWord(word);
    if (stems.size >= STEM_CACHE) stems.clear();
    stems.set(word, found);
  }
  return found;
}

/** Case and accents folded ("Négeri" → "negeri"), ligatures and full-width forms to their letters. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The stems of `text`'s words, in order, stop words and lone letters left out; numbers are words too ("SD Negeri 3"). */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOP_WORDS.has(word)) continue;
    const stemmed = /^\d+$/.test(word) ? word : stem(word);
    // "dimintanya" is no stop word, its stem "minta" is.
    if (!STOP_WORDS.has(stemmed)) words.push(stemmed);
  }
  return words;
}
