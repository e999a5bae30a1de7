import { useEffect, useState } from 'react';

export interface ClockAnchors {
  limitMs: number;
  warningMs: number;
  elapsedMs: number;
  runningSince: string | null;
}

export interface ClockReading {
  remainingMs: number;
  spokenMs: number;
  running: boolean;
  phase: 'normal' | 'warning' | 'over';
}

/**
 * Reads a speaker's clock from the stored anchors, ticking locally. The
 * server's "now" at the time of the answer corrects for a screen whose own
 * clock is off, so the laptop, the chair's tablet and the wall display agree.
 */
export function useSpeechClock(anchors: ClockAnchors | null | undefined, serverNow: string | undefined): ClockReading | null {
  const [offsetMs, setOffsetMs] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (serverNow) setOffsetMs(Date.parse(serverNow) - Date.now());
  }, [serverNow]);

  const running = Boolean(anchors?.runningSince);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  if (!anchors) return null;
  const serverTime = now + offsetMs;
  const spokenMs = anchors.elapsedMs + (anchors.runningSince ? Math.max(0, serverTime - Date.parse(anchors.runningSince)) : 0);
  const remainingMs = anchors.limitMs - spokenMs;
  return {
    remainingMs,
    spokenMs,
    running,
    phase: remainingMs <= 0 ? 'over' : remainingMs <= anchors.warningMs ? 'warning' : 'normal',
  };
}

/** 2:05, or −0:12 once the time is up. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
