import { useEffect, useRef } from 'react';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once the window has seen no key, pointer or wheel for
 * `minutes`. Typing is activity, so a clerk taking minutes is never locked out.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const lastActivity = useRef(Date.now());
  const idle = useRef(onIdle);
  idle.current = onIdle;

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const seen = () => (lastActivity.current = Date.now());
    for (const name of activity) window.addEventListener(name, seen, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) idle.current();
    }, 5_000);
    return () => {
      for (const name of activity) window.removeEventListener(name, seen, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, enabled]);
}
