import { useEffect, useState, type DependencyList } from 'react';
import type { Result } from '../../../electron/shared/result';

/** Main's answer to one request made on mount (and again when deps change); null until it arrives. */
export function useLoaded<T>(request: () => Promise<Result<T>>, deps: DependencyList): Result<T> | null {
  const [result, setResult] = useState<Result<T> | null>(null);
  useEffect(() => {
    let live = true;
    void request().then((next) => {
      if (live) setResult(next);
    });
    return () => {
      live = false;
    };
  }, deps); // the caller lists what the request depends on
  return result;
}
