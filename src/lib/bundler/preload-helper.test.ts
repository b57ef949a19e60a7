// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { __vitePreload } from './preload-helper';

const linkTo = (file: string) => document.head.querySelector<HTMLLinkElement>(`link[href$="/${file}"]`);
const linksTo = (file: string) => document.head.querySelectorAll(`link[href$="/${file}"]`).length;

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.head.replaceChildren();
});

describe('the preload helper of lazy imports', () => {
  it('runs a chunk once its stylesheets have loaded, its scripts preloaded beside it', async () => {
    const load = vi.fn(() => Promise.resolve('the module'));
    const loading = __vitePreload(load, ['assets/view-a.js', 'assets/part-a.js', 'assets/view-a.css']);

    expect(linkTo('view-a.js')).toMatchObject({ rel: 'modulepreload', crossOrigin: '' });
    expect(linkTo('part-a.js')?.rel).toBe('modulepreload');
    expect(linkTo('view-a.css')).toMatchObject({ rel: 'stylesheet', crossOrigin: '' });
    expect(linkTo('view-a.css')?.href).toBe(`${location.origin}/assets/view-a.css`);
    await settle();
    expect(load, 'waits for the stylesheet').not.toHaveBeenCalled();

    linkTo('view-a.css')!.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toBe('the module');
    expect(load).toHaveBeenCalledOnce();
  });

  it('asks for each file once per page, and never for one the page has', async () => {
    for (const [rel, href] of [
      ['stylesheet', '/assets/shell-b.css'],
      ['modulepreload', '/assets/view-b.js'],
    ]) {
      const link = document.createElement('link');
      link.rel = rel!;
      link.href = href!;
      document.head.append(link);
    }
    const load = () => Promise.resolve('b');
    await expect(__vitePreload(load, ['assets/view-b.js', 'assets/shell-b.css', 'assets/part-b.js'])).resolves.toBe(
      'b',
    );
    await expect(__vitePreload(load, ['assets/part-b.js'])).resolves.toBe('b');
    expect([linksTo('view-b.js'), linksTo('shell-b.css'), linksTo('part-b.js')]).toEqual([1, 1, 1]);

    // A stylesheet still on its way is waited for by every import that needs it, and added once.
    const first = vi.fn(() => Promise.resolve(1));
    const second = vi.fn(() => Promise.resolve(2));
    const both = Promise.all([
      __vitePreload(first, ['assets/shared-b.css']),
      __vitePreload(second, ['assets/shared-b.css']),
    ]);
    await settle();
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    expect(linksTo('shared-b.css')).toBe(1);
    linkTo('shared-b.css')!.dispatchEvent(new Event('load'));
    await expect(both).resolves.toEqual([1, 2]);
  });

  it('says when a stylesheet cannot load (vite:preloadError) and fails, unless a listener takes it over', async () => {
    const heard: unknown[] = [];
    const listen = (event: Event) => heard.push((event as Event & { payload: unknown }).payload);
    window.addEventListener('vite:preloadError', listen);
    try {
      const load = vi.fn(() => Promise.resolve('c'));
      const failing = __vitePreload(load, ['assets/view-c.css']);
      linkTo('view-c.css')!.dispatchEvent(new Event('error'));
      await expect(failing).rejects.toThrow(`Unable to preload CSS for ${location.origin}/assets/view-c.css`);
      expect(load).not.toHaveBeenCalled();
      expect(heard).toEqual([expect.objectContaining({ message: expect.stringContaining('view-c.css') })]);

      const takeOver = (event: Event) => event.preventDefault();
      window.addEventListener('vite:preloadError', takeOver);
      try {
        const taken = __vitePreload(load, ['assets/other-c.css']);
        linkTo('other-c.css')!.dispatchEvent(new Event('error'));
        await expect(taken).resolves.toBe('c');
      } finally {
        window.removeEventListener('vite:preloadError', takeOver);
      }
    } finally {
      window.removeEventListener('vite:preloadError', listen);
    }
  });

  it('passes on a chunk that cannot load, after the same event', async () => {
    const heard = vi.fn();
    window.addEventListener('vite:preloadError', heard);
    try {
      const failure = new TypeError('Failed to fetch dynamically imported module: /assets/view-d.js');
      await expect(__vitePreload(() => Promise.reject(failure))).rejects.toBe(failure);
      expect(heard).toHaveBeenCalledWith(expect.objectContaining({ payload: failure }));
    } finally {
      window.removeEventListener('vite:preloadError', heard);
    }
  });
});
