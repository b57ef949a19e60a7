import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const heap: Measurement = {
  id: 'heap',
  title: 'heap',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
