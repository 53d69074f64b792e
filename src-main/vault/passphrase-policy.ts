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
  const result = (await zxcvbn()).check(passphrase, [...context]);
  const isCommon = result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'passwords' && match.token.length >= length - 2,
  );
  if (isCommon || result.score <= 1) {
    problems.push('This is one of the passwords people use most. Choose something else.');
  }
  const score = Math.max(0, Math.min(4, result.score)) as 0 | 1 | 2 | 3 | 4;
  return { acceptable: problems.length === 0, score, problems, hint: HINTS[score] };
}
