import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const polling: Measurement = {
  id: 'polling',
  title: 'polling',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
