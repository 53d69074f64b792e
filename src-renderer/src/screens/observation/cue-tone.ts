/**
 * The optional sound of a cue: one soft, short sine tone through Web Audio (no audio file to ship).
 * The AudioContext is made when the observer turns the tone on — a click, which browsers require
 * before a page may play sound — and closed when it is turned off or the observation ends.
 */

export interface CueTone {
  play(): void;
  close(): void;
}

const PITCH_HZ = 660;
const PEAK_GAIN = 0.06;
const ATTACK_S = 0.02;
const LENGTH_S = 0.25;

export function createCueTone(): CueTone {
  const context = new AudioContext();
  return {
    play() {
      const start = context.currentTime;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = PITCH_HZ;
      // A quick rise and a gentle fall, so the tone starts and ends without a click.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(PEAK_GAIN, start + ATTACK_S);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + LENGTH_S);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + LENGTH_S);
    },
    close() {
      void context.close();
    },
  };
}
