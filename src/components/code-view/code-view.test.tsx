import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CodeView } from './code-view';

describe('CodeView', () => {
  it('shows the text as text, copies it, and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const code = 'id: "<script>alert(1)</script>"\n';
    render(<CodeView code={code} label="doc" fileName="doc.yaml" mimeType="application/yaml" />);
    expect(screen.getByRole('region', { name: 'doc' })).toHaveTextContent('<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('doc.yaml · 1 line')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(code);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
  });

  it('colours a document in runs of text, markup in it staying text', async () => {
    const code = 'id: "<img src=x onerror=alert(1)>"\nsteps:\n  - n: 12\n';
    render(<CodeView code={code} label="doc" fileName="doc.yaml" mimeType="application/yaml" highlight />);
    const region = screen.getByRole('region', { name: 'doc' });
    await waitFor(() => expect(region.querySelectorAll('.tok--key')).toHaveLength(3));
    expect([...region.querySelectorAll('.tok--key')].map((el) => el.textContent)).toEqual(['id', 'steps', 'n']);
    expect(region.querySelector('.tok--string')).toHaveTextContent('"<img src=x onerror=alert(1)>"');
    expect(region.querySelector('.tok--number')).toHaveTextContent('12');
    expect(region.textContent).toBe(code);
    expect(document.querySelector('img')).toBeNull();
  });

  it('downloads through an object URL with the file name', async () => {
    const create = vi.fn(() => 'blob:x');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<CodeView code="{}" label="doc" fileName="p-v1.json" mimeType="application/json" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('p-v1.json');
  });
});
