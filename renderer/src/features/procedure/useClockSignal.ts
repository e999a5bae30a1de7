import { useEffect, useRef } from 'react';
import type { ClockReading } from './useSpeechClock.js';

function beep(times: number, frequency: number): void {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  const context = new AudioContextClass();
  for (let index = 0; index < times; index += 1) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    gain.connect(context.destination);
    const start = context.currentTime + index * 0.35;
    gain.gain.setValueAtTime(0.25, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.25);
    oscillator.start(start);
    oscillator.stop(start + 0.3);
  }
  window.setTimeout(() => void context.close(), times * 350 + 500);
}

/**
 * Sounds once when a speaker enters the warning time and twice when the time
 * is up, for the speech identified by `speechKey`; a restart or a reload
 * mid-speech does not sound again for a phase already passed.
 */
export function useClockSignal(reading: ClockReading | null, speechKey: string | undefined, enabled: boolean): void {
  const sounded = useRef<{ key: string | undefined; phase: ClockReading['phase'] }>({ key: undefined, phase: 'normal' });
  useEffect(() => {
    if (!reading || !speechKey) return;
    const last = sounded.current;
    if (last.key !== speechKey) {
      sounded.current = { key: speechKey, phase: reading.phase };
      return;
    }
    if (reading.phase === last.phase) return;
    sounded.current = { key: speechKey, phase: reading.phase };
    if (!enabled || !reading.running) return;
    if (reading.phase === 'warning') beep(1, 880);
    if (reading.phase === 'over') beep(2, 660);
  }, [reading, speechKey, enabled]);
}
