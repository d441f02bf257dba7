import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractLines } from '#extract/index.ts';

const page = (body: string) =>
  new TextEncoder().encode(
    `<!DOCTYPE html><html><head><title>Referat</title><script>var x = "<p>nej</p>";</script><style>p{}</style></head><body>${body}</body></html>`,
  );

describe('a portal’s HTML page', () => {
  it('reads headings with their level, table rows as cells, list entries, and a <br> as a line of its paragraph', async () => {
    const read = await extractLines(
      page(`<nav><a>Forside</a></nav><h1>Referat</h1><h2>Økonomiudvalget</h2>
        <table><tr><th>Dato</th><td>5. februar 2025</td></tr><tr><th>Medlemmer</th><td>Anne Bak<br>Ole Lund</td></tr></table>
        <h3 id="p1">1. Budget &amp; økonomi</h3><ol><li>at sagen godkendes</li></ol><ul><li>Punkt</li></ul>
        <p><strong>Beslutning:</strong> Godkendt.</p><button>Kopier link til punktet</button><footer>Kontakt os</footer>`),
      defaultLimits,
    );
    expect(read.format).toBe('html');
    expect(read.lines.map((l) => [l.text, l.level, l.breakBefore])).toEqual([
      ['Referat', 1, true],
      ['Økonomiudvalget', 2, true],
      ['Dato\t5. februar 2025', 0, true],
      ['Medlemmer\tAnne Bak', 0, true],
      ['Ole Lund', 0, false],
      ['1. Budget & økonomi', 3, true],
      ['1. at sagen godkendes', 0, true],
      ['• Punkt', 0, true],
      ['Beslutning: Godkendt.', 0, true],
    ]);
  });

  it('keeps text with a few tags in it a text, as rows of HTML fragments are', async () => {
    const read = await extractLines(
      new TextEncoder().encode(
        'Byrådet 12-06-2024\n\n<p>Punkt 7: Salg af jord ved Industrivej</p>\n<p>Åben sag om salg af kommunens jord</p>',
      ),
      defaultLimits,
    );
    expect(read.format).toBe('html');
    expect(read.lines.map((l) => l.text)).toEqual([
      'Byrådet 12-06-2024',
      'Punkt 7: Salg af jord ved Industrivej',
      'Åben sag om salg af kommunens jord',
    ]);
  });

  it('reads a table set inside a heading element as text, not as headings', async () => {
    const read = await extractLines(
      page(
        '<h2>Økonomi</h2><h3><table><tr><td><p>Projekt</p></td><td><p>Budget i t. kr.</p></td></tr><tr><td>Skolen, tag</td><td>1.000</td></tr></table></h3><h3>Tidsplan</h3><p>Arbejdet begynder i foråret efter udbud og kontrakt.</p>',
      ),
      defaultLimits,
    );
    expect(read.lines.map((l) => [l.text, l.level])).toEqual([
      ['Økonomi', 2],
      ['Projekt', 0],
      ['Budget i t. kr.', 0],
      ['Skolen, tag\t1.000', 0],
      ['Tidsplan', 3],
      ['Arbejdet begynder i foråret efter udbud og kontrakt.', 0],
    ]);
  });
});
