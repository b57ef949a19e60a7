import { DEFAULT_TARGET, isTarget, type Target } from '@/lib/expr/target-ids';

/**
 * Which expr runtime a Guardian server embeds is a fact about that server (raystack pins expr 1.12,
 * goto 1.15), so the console remembers it per Guardian URL: pointing the console at another server
 * brings that server's target back, and a new server starts from the build's default.
 */
export interface TargetSettings {
  guardianUrl: string;
  exprTarget: Target;
  /** The target declared for each Guardian URL (`serverKey`), `''` being this origin. */
  exprTargets: Record<string, Target>;
}

/** The build's declared target for its Guardian (`VITE_EXPR_TARGET`), else raystack's. */
export const defaultTarget: Target = isTarget(import.meta.env.VITE_EXPR_TARGET)
  ? import.meta.env.VITE_EXPR_TARGET
  : DEFAULT_TARGET;

/** One spelling per server: `https://Guardian.example.com/` and `https://guardian.example.com` are one. */
export function serverKey(guardianUrl: string): string {
  const trimmed = guardianUrl.trim().replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return trimmed;
  }
}

/** Keeps only well-formed entries of a stored map (storage is input like any other). */
export function readTargets(value: unknown): Record<string, Target> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, target]) => isTarget(target))) as Record<string, Target>;
}

/**
 * Applies a settings change under the per-server rule: a target chosen is recorded for the current
 * Guardian URL; a new Guardian URL brings its own recorded target (or the default).
 */
export function applyTargetRules<S extends TargetSettings>(current: S, patch: Partial<S>): S {
  const next = { ...current, ...patch };
  const key = serverKey(next.guardianUrl);
  if (patch.exprTarget !== undefined) {
    return { ...next, exprTargets: { ...next.exprTargets, [key]: patch.exprTarget } };
  }
  if (patch.guardianUrl !== undefined && serverKey(patch.guardianUrl) !== serverKey(current.guardianUrl)) {
    return { ...next, exprTarget: next.exprTargets[key] ?? defaultTarget };
  }
  return next;
}
