import { useState } from 'react';

/**
 * A settings form's draft: `set(key)` is a field's onChange, and any change clears "Saved"
 * (the form sets `saved` after main accepts it).
 */
export function useDraft<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const [saved, setSaved] = useState(false);
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setSaved(false);
    };
  return { draft, setDraft, set, saved, setSaved };
}
