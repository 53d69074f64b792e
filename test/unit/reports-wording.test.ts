/**
 * Phase lines carry what they mark (a support starting, with its role; a new mentor), and each
 * report words them in its own language — no English label turned back into words by string.
 */
import { describe, expect, it } from 'vitest';
import { PEER_ROLES } from '../../src-main/contract';
import { reportText } from '../../src-main/reports/i18n/index';
import { phaseWords } from '../../src-main/reports/wording';

describe('phase line words', () => {
  it('name every role in English from the catalog', () => {
    const en = reportText('en');
    for (const role of PEER_ROLES) {
      expect(phaseWords(en, { kind: 'support_started', role })).toBe(`${en.t(`common.role.${role}`)} started`);
    }
    expect(phaseWords(en, { kind: 'support_started', role: 'peer_tutor' })).toBe('Peer tutor started');
    expect(phaseWords(en, { kind: 'mentor_changed' })).toBe('New mentor');
  });

  it('are worded in Spanish from the kind, not from the English', () => {
    const es = reportText('es');
    expect(phaseWords(es, { kind: 'support_started', role: 'peer_tutor' })).toBe(`Comienzo del apoyo: ${es.t('common.role.peer_tutor')}`);
    expect(phaseWords(es, { kind: 'mentor_changed' })).toBe('Nuevo compañero');
  });
});
