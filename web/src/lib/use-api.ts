import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Fetches again (after an error, or after a change elsewhere). */
  reload: () => void;
  /** Replaces the data locally (e.g. with the server's answer to an update). */
  setData: (data: T) => void;
}

/** GETs `path` (null: nothing to fetch yet) and refetches when it changes; stale answers are dropped. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(path !== null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    const call = ++latest.current;
    setLoading(true);
    setError(undefined);
    api<T>(path, { signal: ctrl.signal })
      .then((d) => {
        if (call !== latest.current) return;
        setData(d);
        setLoading(false);
      })
      .catch((e: Error) => {
        if (e.name === 'AbortError' || call !== latest.current) return;
        setError(e);
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [path, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
