import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages ("Invalid input"); a schema mismatch is shown to people, so it
// gets zod's English wording ("expected array, received string").
config(en());
