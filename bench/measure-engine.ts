import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const engine: Measurement = {
  id: 'engine',
  title: 'engine',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
