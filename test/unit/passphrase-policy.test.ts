import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../src-main/vault/passphrase-policy';

describe('passphrase policy', () => {
  it('accepts four unrelated words and calls them strong', async () => {
    expect(await assessPassphrase('maple harbor violin tangerine')).toMatchObject({ acceptable: true, problems: [], score: 4 });
  });

  it('asks for at least 12 characters, counting letters not bytes', async () => {
    expect((await assessPassphrase('ñandú-kéa-ö')).problems[0]).toBe('Use at least 12 characters (this has 11).');
  });

  it.each(['password1234', 'qwertyuiop123', 'iloveyou2024', 'letmein12345', '123456789012'])(
    'rejects the common password %s',
    async (common) => {
      const result = await assessPassphrase(common);
      expect(result.acceptable).toBe(false);
      expect(result.problems.join(' ')).toMatch(/passwords people use most|Too easy to guess/);
    },
  );

  it('rejects a passphrase built from the member’s own name', async () => {
    expect((await assessPassphrase('blairondine1', ['Blair Ondine'])).problems).toContain('Do not build it from your own name.');
  });

  it('always gives a plain-language hint', async () => {
    for (const text of ['', 'a', 'maple harbor', 'maple harbor violin tangerine'])
      expect((await assessPassphrase(text)).hint.length).toBeGreaterThan(5);
  });
});
