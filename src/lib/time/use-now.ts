import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs` while `running`; frozen otherwise. */
export function useNow(running: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [running, intervalMs]);
  return now;
}
