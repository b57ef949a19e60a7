import { useMemo } from 'react';
import { useParams as useWouterParams } from 'wouter';

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The `:name` segments of the matched route, decoded (`a%2Fb` → `a/b`). */
export function useParams(): Record<string, string | undefined> {
  const raw = useWouterParams() as Record<string, string | undefined>;
  return useMemo(() => {
    const params: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (/^\d+$/.test(key)) continue; // wouter also lists positional captures
      params[key] = value === undefined ? undefined : decode(value);
    }
    return params;
  }, [raw]);
}
