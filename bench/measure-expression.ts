import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const expression: Measurement = {
  id: 'expression',
  title: 'expression',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
