import type { Measurement } from './lib/measurement';
import { NotAvailable } from './lib/types';

export const usersTable: Measurement = {
  id: 'users-table',
  title: 'users-table',
  metrics: [],
  measure() {
    return Promise.reject(new NotAvailable('not written yet'));
  },
};
