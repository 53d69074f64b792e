/**
 * The running observation: a large, calm timer; at each cue a visual pulse (and, if the observer
 * turns it on, a soft tone) and a polite announcement of the interval number; big toggle buttons
 * and single keys for what is happening now; the peer counter; pause and stop. Keys work while the
 * focus is on this part of the page (or nowhere), never while typing in a field elsewhere, such as
 * the passphrase of the lock overlay.
 */
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CueTone, createCueTone } from './cue-tone';
import { type IntervalTaps, isNoneSeen, TAPS, type Tap } from './interval-tally';
import type { Schedule } from './sampling-schedule';
import { type RunResult, type SamplingRun, useSamplingRun } from './use-sampling-run';

const TAP_KEYS: Record<Tap, string> = { engaged: 'E', initiated: 'I', responded: 'R', nearAdult: 'A' };

export function ObservationRun({ schedule, onEnd }: { schedule: Schedule; onEnd: (result: RunResult) => void }) {
  const { t } = useTranslation();
  const regionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const tone = useRef<CueTone | null>(null);
  const [toneOn, setToneOn] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const run = useSamplingRun(
    schedule,
    (index) => {
      tone.current?.play();
      setAnnouncement(t('observation.run.cueAnnouncement', { number: index + 1, total: schedule.intervals }));
    },
    onEnd,
  );
  const { position } = run;
  const number = Math.min(position.index + 1, schedule.intervals);

  useEffect(() => {
    headingRef.current?.focus();
    return () => tone.current?.close();
  }, []);

  function switchTone(on: boolean) {
    tone.current?.close();
    tone.current = on ? createCueTone() : null;
    setToneOn(on);
  }

  function togglePause() {
    setAnnouncement(t(run.paused ? 'observation.run.resumedAnnouncement' : 'observation.run.pausedAnnouncement', { number }));
    run.togglePause();
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.target;
    if (!(target === document.body || (target instanceof Node && regionRef.current?.contains(target)))) return;
    const action = keyAction(event.key, run, togglePause);
    if (!action) return;
    event.preventDefault();
    action();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <section ref={regionRef} className="panel stack obs-run" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title">
        {t('observation.run.title')}
      </h2>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <div className={run.paused ? 'obs-clock obs-clock--paused' : 'obs-clock'}>
        <span key={position.index} className="obs-cue" aria-hidden="true" />
        <p className="obs-interval">{t('observation.run.interval', { number, total: schedule.intervals })}</p>
        <div className="obs-time">
          <span className="obs-time-label">{t('observation.run.timeLeft')}</span>
          <span className="obs-time-value">{clockText(position.msLeft)}</span>
        </div>
        <p className="obs-next">
          {run.paused ? t('observation.run.paused') : t('observation.run.nextCue', { seconds: Math.ceil(position.msToNextCue / 1000) })}
        </p>
      </div>
      <p className="obs-rule">{t('observation.run.rule')}</p>
      <Marks run={run} />
      <PeerCounter peers={run.peers} onChange={run.changePeers} />
      <div className="checkbox-field">
        <input id={`${titleId}-tone`} type="checkbox" checked={toneOn} onChange={(event) => switchTone(event.target.checked)} />
        <label htmlFor={`${titleId}-tone`}>{t('observation.run.tone')}</label>
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" aria-keyshortcuts="P" onClick={togglePause}>
          {run.paused ? t('observation.run.resume') : t('observation.run.pause')}
          <span className="obs-key" aria-hidden="true">
            P
          </span>
        </button>
        <button type="button" className="button button--secondary" onClick={run.stop}>
          {t('observation.run.stop')}
        </button>
      </div>
      <p className="muted">{t('observation.run.keys')}</p>
      <IntervalStrip taps={run.taps} open={position.index} />
    </section>
  );
}

function keyAction(key: string, run: SamplingRun, togglePause: () => void): (() => void) | null {
  const lower = key.toLowerCase();
  const tap = TAPS.find((candidate) => TAP_KEYS[candidate].toLowerCase() === lower);
  if (tap) return () => run.tap(tap);
  if (lower === 'n') return run.noneSeen;
  if (key === 'Backspace' || key === 'Delete') return run.clear;
  if (key === '+' || key === '=') return () => run.changePeers(1);
  if (key === '-') return () => run.changePeers(-1);
  if (lower === 'p') return togglePause;
  return null;
}

/** "9:45": whole seconds, rounded up so the clock reads 0:00 only when the time is over. */
function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Marks({ run }: { run: SamplingRun }) {
  const { t } = useTranslation();
  const { current } = run;
  const toggle = (tap: Tap) => (
    <MarkButton
      label={t(`observation.behaviours.${tap}`)}
      shortcut={TAP_KEYS[tap]}
      pressed={current?.[tap] ?? false}
      onPress={() => run.tap(tap)}
    />
  );
  return (
    <fieldset className="obs-marks stack">
      <legend className="subform-title">{t('observation.run.marksLabel')}</legend>
      <div className="obs-mark-row">
        {toggle('engaged')}
        <fieldset className="obs-interacting">
          <legend className="obs-group-label">{t('observation.run.interacting')}</legend>
          <div className="obs-pair">
            {toggle('initiated')}
            {toggle('responded')}
          </div>
        </fieldset>
        {toggle('nearAdult')}
      </div>
      <div className="actions">
        <MarkButton label={t('observation.run.none')} shortcut="N" pressed={isNoneSeen(current)} onPress={run.noneSeen} />
        <button type="button" className="button button--quiet" aria-keyshortcuts="Backspace" onClick={run.clear}>
          {t('observation.run.clear')}
          <span className="obs-key" aria-hidden="true">
            ⌫
          </span>
        </button>
      </div>
      <CurrentMarks current={current} />
    </fieldset>
  );
}

/** The open interval's marks in words, so the state never rests on the buttons' colour alone. */
function CurrentMarks({ current }: { current: IntervalTaps }) {
  const { t, i18n } = useTranslation();
  const seen = current ? TAPS.filter((tap) => current[tap]).map((tap) => t(`observation.behaviours.${tap}`)) : [];
  return (
    <p className="obs-now">
      {current === null
        ? t('observation.run.nowMissing')
        : seen.length === 0
          ? t('observation.run.nowNone')
          : t('observation.run.nowMarked', { marks: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(seen) })}
    </p>
  );
}

interface MarkButtonProps {
  label: string;
  shortcut: string;
  pressed: boolean;
  onPress: () => void;
}

function MarkButton({ label, shortcut, pressed, onPress }: MarkButtonProps) {
  return (
    <button type="button" className="obs-toggle" aria-pressed={pressed} aria-keyshortcuts={shortcut} onClick={onPress}>
      <span className="obs-toggle-top" aria-hidden="true">
        <span className="obs-toggle-check">{pressed ? '✓' : ''}</span>
        <span className="obs-key">{shortcut}</span>
      </span>
      <span className="obs-toggle-label">{label}</span>
    </button>
  );
}

function PeerCounter({ peers, onChange }: { peers: number; onChange: (by: number) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="obs-peers">
      <legend className="field-label">{t('observation.run.peers')}</legend>
      <div className="obs-peers-row">
        <button
          type="button"
          className="number-step"
          aria-label={t('observation.run.fewerPeers')}
          aria-keyshortcuts="-"
          onClick={() => onChange(-1)}
        >
          −
        </button>
        <output className="obs-peers-count" aria-live="polite">
          {peers}
        </output>
        <button
          type="button"
          className="number-step"
          aria-label={t('observation.run.morePeers')}
          aria-keyshortcuts="+"
          onClick={() => onChange(1)}
        >
          +
        </button>
      </div>
    </fieldset>
  );
}

/** Every interval at a glance (marked, missing, open, still to come); screen readers get the counts as text. */
function IntervalStrip({ taps, open }: { taps: readonly IntervalTaps[]; open: number }) {
  const { t } = useTranslation();
  const numbers = taps.map((_, index) => index);
  const passed = taps.slice(0, open);
  const marked = passed.filter((tap) => tap !== null).length;
  return (
    <div className="obs-strip-wrap">
      <ol className="obs-strip" aria-hidden="true">
        {numbers.map((index) => (
          <li key={index} className={`obs-cell obs-cell--${cellState(taps[index] ?? null, index, open)}`} />
        ))}
      </ol>
      <p className="muted">{t('observation.run.soFar', { marked, missing: passed.length - marked })}</p>
    </div>
  );
}

function cellState(tap: IntervalTaps, index: number, open: number): string {
  if (index === open) return tap === null ? 'open' : 'open-marked';
  if (index > open) return 'ahead';
  return tap === null ? 'missing' : 'marked';
}
