import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Target } from '@/lib/expr';
import { loadExpr } from '@/lib/expr/load';
import { ExpressionInput } from './expression-input';

function Harness({ initial = '', target = 'guardian-1.12' as Target, multiline = false }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <ExpressionInput id="when" label="When" value={value} onChange={setValue} target={target} multiline={multiline} />
      <div data-testid="value">{value}</div>
    </>
  );
}

// The checker is loaded on first use; fetched up front here, as the editor prefetches it, so that a
// slow first import on a busy machine does not outlast waitFor.
beforeAll(() => loadExpr());
// Typed key by key through user-event: ~3 s per test on an idle machine, more on a shared one.
vi.setConfig({ testTimeout: 15_000 });

describe('ExpressionInput', () => {
  it('underlines and announces a broken expression while typing', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const field = screen.getByRole('combobox', { name: 'When' });
    await user.type(field, '$appeal.x == "a" &&');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    const list = within(document.getElementById('when-problems') as HTMLElement);
    expect(list.getByText(/unexpected end of expression/)).toBeInTheDocument();
    expect(list.getByText('1:20')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Error at line 1, column 20: unexpected end of expression');
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    expect(describedBy).toContain('when-problems');
    const marks = document.querySelectorAll('[data-severity="error"]');
    expect(marks).toHaveLength(1);

    await user.clear(field);
    await user.type(field, '"a" > 1 && $appeal.ok');
    await waitFor(() => expect(document.querySelector('[data-severity="error"]')).toHaveTextContent('"a" > 1'));
  });

  it('renders expression text as text, never as markup', async () => {
    render(<Harness initial={'"<img src=x onerror=alert(1)>" == $appeal.x &&'} />);
    await waitFor(() => expect(screen.getByRole('combobox')).toHaveAttribute('aria-invalid', 'true'));
    expect(document.querySelector('img')).toBeNull();
  });

  it('warns about lower() on a guardian-1.12 server but not on guardian-1.15', async () => {
    const lowerOn = (target: Target) => (
      <ExpressionInput
        id="approve"
        label="Approve if"
        value='lower($appeal.creator.name) == "ada"'
        onChange={() => undefined}
        target={target}
      />
    );
    const { rerender } = render(lowerOn('guardian-1.12'));
    await waitFor(() =>
      expect(document.getElementById('approve-problems')).toHaveTextContent(
        /`lower` is not available on this Guardian server \(expr 1\.12\)/,
      ),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Warning at line 1, column 1');
    // Which server the warning is about, beside it and in the field's description.
    expect(document.getElementById('approve-problems')).toHaveTextContent('Checked for raystack/guardian (expr 1.12).');
    expect(screen.getByRole('combobox')).toHaveAccessibleDescription(/Checked for raystack\/guardian \(expr 1\.12\)/);
    expect(document.querySelector('[data-severity="warning"]')).toHaveTextContent('lower');
    expect(screen.getByRole('combobox')).not.toHaveAttribute('aria-invalid');

    rerender(lowerOn('guardian-1.15'));
    await waitFor(() => expect(document.getElementById('approve-problems')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('completes $appeal paths from the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const field = screen.getByRole('combobox', { name: 'When' });
    await user.type(field, '$appeal.creator.dep');
    const listbox = await screen.findByRole('listbox');
    expect(field).toHaveAttribute('aria-expanded', 'true');
    expect(field).toHaveAttribute('aria-controls', listbox.id);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['$appeal.creator.department']);
    expect(field).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('$appeal.creator.department');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();

    await user.type(field, ' == "eng" && $appeal.resource.');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const active = screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');
    expect(active?.textContent).toBe('$appeal.resource.provider_type');
    await user.keyboard('{Tab}');
    expect(screen.getByTestId('value')).toHaveTextContent(
      '$appeal.creator.department == "eng" && $appeal.resource.provider_type',
    );

    await user.type(field, ' && $appeal.');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  it('forwards its ref to the field and shows a form error', async () => {
    let element: HTMLInputElement | HTMLTextAreaElement | null = null;
    render(
      <>
        <span id="form-error">Required</span>
        <ExpressionInput
          label="Expr"
          value=""
          onChange={() => undefined}
          target="guardian-1.12"
          multiline
          invalid
          errorId="form-error"
          ref={(el) => {
            element = el;
          }}
        />
      </>,
    );
    const field = screen.getByRole('textbox', { name: 'Expr' });
    expect(element).toBe(field);
    expect(field.tagName).toBe('TEXTAREA');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Required');
  });

  it('completes the target’s functions and declared `let` names, and tints the newer syntax', async () => {
    const user = userEvent.setup();
    render(<Harness target="guardian-1.15" />);
    const field = screen.getByRole('combobox', { name: 'When' });
    await user.type(field, 'let total = 2; tot');
    const listbox = await screen.findByRole('listbox', { name: 'Functions and variables' });
    expect(within(listbox).getAllByRole('option')[0]).toHaveTextContent('total');
    await user.keyboard('{Enter}');
    await user.type(field, ' > 1 && findI');
    await screen.findByRole('listbox', { name: 'Functions and variables' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['findIndex']);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('let total = 2; total > 1 && findIndex');
    expect(document.querySelector('[data-syntax="keyword"]')).toHaveTextContent('let');
    expect([...document.querySelectorAll('[data-syntax="variable"]')].map((e) => e.textContent)).toEqual([
      'total',
      'total',
    ]);
  });

  it('offers only what guardian-1.12 has, and no `let`', async () => {
    const user = userEvent.setup();
    render(<Harness target="guardian-1.12" />);
    const field = screen.getByRole('combobox', { name: 'When' });
    await user.type(field, 'fi');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['filter']);
    await user.keyboard('{Escape}');
    await user.clear(field);
    await user.type(field, 'let x = 1; x');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(document.querySelector('[data-syntax="keyword"]')).toBeNull();
    expect(document.getElementById('when-problems')).toHaveTextContent('`let` needs expr 1.15 or later');
  });
});
