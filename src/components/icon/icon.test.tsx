import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Icon, provideMoreIcons } from './icon';
import { MORE_PATHS } from './more-icon-paths';

describe('Icon', () => {
  it('draws a first-view icon at once, and an icon of the other set once that set is provided, in the same box', () => {
    const { container } = render(
      <>
        <Icon name="search" />
        <Icon name="restore" label="Restore" />
      </>,
    );
    const [search, restore] = [...container.querySelectorAll('svg')];
    expect(search!.querySelector('path')).toHaveAttribute('d', expect.stringMatching(/^M/));
    expect(restore).toHaveAttribute('viewBox', '0 0 24 24');
    expect(restore).toHaveAccessibleName('Restore');
    expect(restore!.querySelector('path')).toBeNull();
    act(() => provideMoreIcons(MORE_PATHS));
    expect(restore!.querySelector('path')).toHaveAttribute('d', MORE_PATHS.restore);
  });
});
