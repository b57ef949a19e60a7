import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 5 published examples and the 24 real policies of specs/guardian, as text: test material. */
export function guardianExamples(): { name: string; text: string }[] {
  const root = join(process.cwd(), 'specs/guardian');
  return ['examples', 'more-examples'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => /^\d\d-.*\.json$/.test(file))
      .map((file) => ({ name: `${dir}/${file}`, text: readFileSync(join(root, dir, file), 'utf8') })),
  );
}
