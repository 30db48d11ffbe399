import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * The text of attached PDFs for the search index, asked of the main side
 * (which extracts it once and keeps it) and cached for the session. A file
 * that is not on this laptop yet simply contributes no text.
 */
const cache = new Map<string, string>();

export function usePdfTexts(sha256s: readonly string[]): ReadonlyMap<string, string> {
  const [version, setVersion] = useState(0);
  const key = [...new Set(sha256s)].sort().join(',');
  useEffect(() => {
    let live = true;
    const missing = key.split(',').filter((sha) => sha && !cache.has(sha));
    void (async () => {
      for (const sha of missing) {
        const text = await api['attachments.text']({ sha256: sha }).then(
          (r) => r.text,
          () => null,
        );
        if (text !== null) cache.set(sha, text);
      }
      if (live && missing.length > 0) setVersion((v) => v + 1);
    })();
    return () => {
      live = false;
    };
  }, [key]);
  void version;
  return cache;
}
