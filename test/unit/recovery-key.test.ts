import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, normalizeRecoveryKey } from '../../src-main/vault/recovery-key';

describe('recovery key', () => {
  it('prints as eight groups of four unambiguous characters, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, generateRecoveryKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('reads back whatever way it was typed: case, spaces, dashes, O for 0 and I or L for 1', () => {
    fc.assert(
      fc.property(fc.constantFrom(' ', '-', '', '  '), fc.boolean(), (separator, lower) => {
        const key = generateRecoveryKey();
        let typed = key.replaceAll('-', separator);
        if (lower) typed = typed.toLowerCase();
        typed = typed.replaceAll('0', 'O').replaceAll('1', lower ? 'l' : 'I');
        expect(normalizeRecoveryKey(typed)).toBe(key.replaceAll('-', ''));
      }),
    );
  });

  it('rejects text that cannot be a recovery key', () => {
    expect(normalizeRecoveryKey('')).toBeNull();
    expect(normalizeRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(normalizeRecoveryKey(`${generateRecoveryKey()}-AAAA`)).toBeNull();
    expect(normalizeRecoveryKey('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeNull();
  });
});
