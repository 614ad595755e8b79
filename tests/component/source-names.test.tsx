import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SidePanel } from '../../src/ui/panels/side-panel';
import { SourcesList } from '../../src/ui/sources-list';
import { ALPHA, filesWithIncidents, incidentFeature } from '../fixtures/sample-data';
import { renderWithData } from './render';

describe('sources named without a link', () => {
  it('are listed as text after the links; "No source given" only when there is neither', () => {
    const { container, rerender } = render(
      <SourcesList urls={['https://a.example/x']} names="Reuters; Al Mayadeen" />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['a.example', 'Reuters (no link)', 'Al Mayadeen (no link)']);
    expect(container.querySelectorAll('a')).toHaveLength(1);

    rerender(<SourcesList urls={[]} names="SOHR" />);
    expect(screen.getByRole('listitem').textContent).toBe('SOHR (no link)');
    expect(screen.queryByText('No source given.')).toBeNull();

    rerender(<SourcesList urls={[]} names={null} />);
    expect(screen.getByText('No source given.')).toBeTruthy();
  });

  it("show in an imported incident's panel as text, never as links", async () => {
    const hostile = '<img src=x onerror=alert(1)>; javascript:alert(2)';
    const files = filesWithIncidents(
      incidentFeature('AC1', '2024-01-20', 'rocket', ALPHA, {
        sources: [],
        source_names: `Reuters; ${hostile}`,
      }),
    );
    const { container } = await renderWithData(
      <SidePanel />,
      { select: { kind: 'incident', id: 'AC1' } },
      files,
    );
    const list = container.querySelector('ul.sources') as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Reuters (no link)',
      '<img src=x onerror=alert(1)> (no link)',
      'javascript:alert(2) (no link)',
    ]);
    expect(list.querySelector('a, img')).toBeNull();
    expect(screen.queryByText('No source given.')).toBeNull();
  });
});
