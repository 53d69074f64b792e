/**
 * A preview's PDF bytes (base64 from `reports.preview`) as a blob: URL for an <object>, revoked when
 * the preview goes away. The blob lives in this page's memory only; nothing is written to disk.
 */
import { useEffect, useState } from 'react';

export function usePdfUrl(base64: string | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!base64) {
      setUrl(null);
      return;
    }
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [base64]);
  return url;
}
