import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const editor: Measurement = {
  id: 'editor',
  title: 'editor',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
