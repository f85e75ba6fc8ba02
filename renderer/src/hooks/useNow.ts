import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs`, so states that end at a given instant (a lockout,
 * "Sold out today") change on screen by themselves.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
