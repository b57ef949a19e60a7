import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './context';
import { NotAvailable } from './types';

/** Throws NotAvailable unless the project file exists. */
export function requireFile(path: string, what: string): void {
  if (!existsSync(join(ROOT, path))) throw new NotAvailable(`${what} has not landed (${path} is missing)`);
}

/** Throws NotAvailable while a route is still the Foundation's placeholder. */
export function requireBuiltView(routeFile: string, what: string): void {
  requireFile(routeFile, what);
  const source = readFileSync(join(ROOT, routeFile), 'utf8');
  if (/Placeholder until this view lands|not built yet/i.test(source)) {
    throw new NotAvailable(`${what} is still a placeholder (${routeFile})`);
  }
}
