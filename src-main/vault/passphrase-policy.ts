/**
 * Passphrase rules for a vault of children's records: at least 12 characters, not one of the
 * commonly used passwords, and a plain-language strength hint (zxcvbn's estimate).
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { PassphraseAssessment } from '../contract';

export const MIN_PASSPHRASE_LENGTH = 12;

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Loaded on first use: the dictionaries take a second to unpack and most commands never need them. */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  })();
  return estimator;
}

const HINTS = [
  'Very easy to guess. Try four or five unrelated words.',
  'Easy to guess. Add more unrelated words.',
  'Could be guessed with effort. One or two more words would make it strong.',
  'Strong.',
  'Very strong.',
] as const;

/** `context` holds words a guesser would try first, like the member's own name. */
export async function assessPassphrase(passphrase: string, context: readonly string[] = []): Promise<PassphraseAssessment> {
  const problems: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (this has ${length}).`);
  }
  // A name is guessed whole, word by word and run together ("blairondine").
  const guesses = context.flatMap((text) => [text, ...text.split(/\s+/), text.replace(/\s+/g, '')]).filter((word) => word.length > 1);
  const result = (await zxcvbn()).check(passphrase, guesses);
  const dictionaryMatches = result.sequence.filter((match) => match.pattern === 'dictionary');
  if (dictionaryMatches.some((match) => match.dictionaryName.startsWith('passwords') && match.token.length * 2 >= length)) {
    // "password1234" is a common password with a number on the end: just as guessable.
    problems.push('This is one of the passwords people use most, or close to one. Choose something else.');
  } else if (result.score <= 1 && dictionaryMatches.some((match) => match.dictionaryName === 'userInputs')) {
    problems.push('Do not build it from your own name.');
  } else if (result.score <= 1) {
    problems.push('Too easy to guess. Use four or five unrelated words.');
  }
  const score = Math.max(0, Math.min(4, result.score)) as 0 | 1 | 2 | 3 | 4;
  return { acceptable: problems.length === 0, score, problems, hint: HINTS[score] };
}
