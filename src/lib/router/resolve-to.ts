import { useLocation as useWouterLocation } from 'wouter';

/** `?page=2` means "this page, with that query", as it does in an `<a href>`. */
export function resolveTo(to: string, pathname: string): string {
  return to.startsWith('?') ? `${pathname}${to}` : to;
}

export function useResolvedTo(to: string): string {
  const [pathname] = useWouterLocation();
  return resolveTo(to, pathname);
}
