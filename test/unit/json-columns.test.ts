import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonColumns, readSetting } from '../../src-main/services/json-columns';

const { goals, accommodations, observations, matchStudentProfiles } = jsonColumns;

describe('JSON columns', () => {
  it('reads what it wrote', () => {
    const slots = [
      { day: 'mon' as const, period: 2 },
      { day: 'fri' as const, period: 0 },
    ];
    expect(accommodations.slots.read(accommodations.slots.write(slots))).toEqual(slots);
    const periods = [{ label: 'Q1', endsOn: '2026-11-06' }];
    expect(goals.reportingPeriods.read(goals.reportingPeriods.write(periods))).toEqual(periods);
    expect(goals.statementTranslations.read(goals.statementTranslations.write({ es: 'Leerá' }))).toEqual({ es: 'Leerá' });
  });

  it('never throws on a damaged value: the column reads as empty', () => {
    for (const text of ['', '{', 'nul', '"just text"', '42', '{"day":"mon"}', 'null']) {
      expect(accommodations.slots.read(text)).toEqual([]);
      expect(goals.objectives.read(text)).toEqual([]);
      expect(observations.intervals.read(text)).toEqual([]);
    }
    expect(goals.statementTranslations.read('[1, 2')).toEqual({});
    expect(goals.statementTranslations.read(null)).toEqual({});
    expect(goals.statementTranslations.read('["es"]')).toEqual({});
  });

  it('keeps the entries of a list it can read and leaves the others out', () => {
    expect(accommodations.slots.read('[{"day":"mon","period":1},{"day":"someday","period":1},7,{"day":"tue","period":3}]')).toEqual([
      { day: 'mon', period: 1 },
      { day: 'tue', period: 3 },
    ]);
    expect(matchStudentProfiles.communication.read('["visual","telepathy",3]')).toEqual(['visual']);
    expect(goals.objectives.read('["Read a page", null, "Write a line"]')).toEqual(['Read a page', 'Write a line']);
  });

  it('counts an interval mark it cannot read as a missed cue, never as a "no"', () => {
    const mark = { engaged: true, initiated: false, responded: null, nearAdult: false };
    expect(observations.intervals.read(JSON.stringify([mark, { engaged: 'yes' }]))).toEqual([
      mark,
      { engaged: null, initiated: null, responded: null, nearAdult: null },
    ]);
  });

  it('gives the export the stored value exactly, or nothing when it is damaged', () => {
    expect(accommodations.slots.readExact('[{"day":"mon","period":1}]')).toEqual([{ day: 'mon', period: 1 }]);
    expect(accommodations.slots.readExact('[{"day":"mon","period":1},{"day":"someday"}]')).toBeUndefined();
    expect(accommodations.slots.readExact('{')).toBeUndefined();
    expect(goals.statementTranslations.readExact(null)).toBeNull();
    expect(goals.statementTranslations.readExact('{"es":')).toBeUndefined();
  });

  it('stores no translations as null', () => {
    expect(goals.statementTranslations.write({})).toBeNull();
  });

  it('reads any text at all without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(Array.isArray(accommodations.slots.read(text))).toBe(true);
        expect(Array.isArray(observations.intervals.read(text))).toBe(true);
        expect(typeof goals.statementTranslations.read(text)).toBe('object');
      }),
    );
  });

  it('reads a setting only when it fits', () => {
    expect(readSetting('true', z.boolean())).toBe(true);
    expect(readSetting('"true"', z.boolean())).toBeUndefined();
    expect(readSetting('{', z.boolean())).toBeUndefined();
    expect(readSetting(undefined, z.boolean())).toBeUndefined();
  });
});
