import fc from 'fast-check';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderNarrative } from '../src/core/narrative-render.ts';
import { NARRATIVE_SCHEMA } from '../src/core/narrative-schema.ts';
import { browserNormalise, narrativeHref, safeExternalHref, schemeOf } from '../src/core/narrative-url.ts';

const ALLOWED = new Set(NARRATIVE_SCHEMA.tagNames);

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

/**
 * Parses the published HTML the way a browser's parser would and lists everything that could run:
 * an element outside the allow-list, an event handler, or a URL whose scheme (after the browser's own
 * normalisation) is not http, https or mailto.
 */
function dangers(html: string): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'element') {
      if (!ALLOWED.has(node.tagName ?? '')) out.push(`<${node.tagName}>`);
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(key) || key === 'style' || key === 'srcSet' || key === 'formAction' || key === 'action') out.push(`${node.tagName}.${key}`);
        if ((key === 'href' || key === 'src') && typeof value === 'string') {
          const scheme = schemeOf(value);
          if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) out.push(`${node.tagName}.${key}=${value}`);
        }
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(htmlToHast(html, { fragment: true }) as unknown as Node);
  return out;
}

const RAW_TEXT = ['noscript', 'textarea', 'title', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'script', 'template'];

const HOSTILE: { name: string; body: string }[] = [
  ...RAW_TEXT.map((el) => ({ name: `an attribute that closes <${el}> runs nothing`, body: `<${el}><p title="</${el}><img src=x onerror=alert(1)>">x</p></${el}>\n` })),
  { name: 'javascript: with an encoded tab in the scheme', body: '<a href="java&#9;script:alert(1)">x</a>\n' },
  { name: 'javascript: with an encoded newline in the scheme', body: '<a href="java&#10;script:alert(1)">x</a>\n' },
  { name: 'javascript: with a named tab entity', body: '<a href="java&Tab;script:alert(1)">x</a>\n' },
  { name: 'javascript: in mixed case', body: '<a href="JaVaScRiPt:alert(1)">x</a>\n' },
  { name: 'javascript: after leading spaces and controls', body: '<a href="  &#1;javascript:alert(1)">x</a>\n' },
  { name: 'javascript: with an encoded colon', body: '<a href="javascript&#x3A;alert(1)">x</a>\n' },
  { name: 'javascript: as a Markdown link', body: '[x](javascript:alert(1))\n' },
  { name: 'javascript: as a Markdown reference', body: '[x][r]\n\n[r]: javascript:alert(1)\n' },
  { name: 'data: link', body: '<a href="data:text/html,<script>alert(1)</script>">x</a>\n' },
  { name: 'vbscript: link', body: '<a href="vbscript:msgbox(1)">x</a>\n' },
  { name: 'svg with script and onload', body: '<svg onload="alert(1)"><script>alert(1)</script></svg>\n' },
  { name: 'math with an href', body: '<math><mi href="javascript:alert(1)">x</mi></math>\n' },
  { name: 'event handlers on allowed elements', body: '<b onclick="alert(1)" onmouseover="alert(1)">x</b> <img src="a.png" onerror="alert(1)" />\n' },
  { name: 'a form with a javascript action', body: '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button><input type="submit" /></form>\n' },
  { name: 'meta refresh', body: '<meta httpEquiv="refresh" content="0;url=javascript:alert(1)" />\n' },
  { name: 'base href', body: '<base href="javascript:alert(1)//" />\n' },
  { name: 'srcset', body: '<img src="a.png" srcset="javascript:alert(1) 2x" />\n' },
  { name: 'object, embed and iframe srcdoc', body: '<object data="x.swf"></object><embed src="x.swf" /><iframe srcDoc="<script>alert(1)</script>"></iframe>\n' },
  { name: 'style attribute and element', body: '<p style="background:url(javascript:alert(1))">x</p><style>*{}</style>\n' },
  { name: 'link and script with src', body: '<link rel="import" href="x" /><script src="https://evil.example/x.js"></script>\n' },
  { name: 'an id that would take over the page\'s own', body: '<p id="narrative" name="findings">x</p>\n' },
];

describe('rendering a hostile narrative', () => {
  it.each(HOSTILE)('$name', ({ body }) => {
    const { html } = renderNarrative(body);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script|\son[a-z]+=|="\s*javascript:/i);
  });

  it('keeps the ids of a narrative away from the page\'s own', () => {
    expect(renderNarrative('<p id="narrative">x</p>\n\n<h4 id="findings">y</h4>\n').html).toBe('<p>x</p>\n<h6 id="user-content-findings">y</h6>');
  });

  it('keeps what a narrative needs: headings two levels down, tables, lists, emphasis, code, links', () => {
    const body = '# Plan\n\n**Bold** and *it* and `code` and [site](https://example.com/a) and [mail](mailto:a@example.com) and [rel](../x).\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- one\n- two\n';
    expect(renderNarrative(body).html).toBe(
      '<h3>Plan</h3>\n<p><strong>Bold</strong> and <em>it</em> and <code>code</code> and <a href="https://example.com/a">site</a> and <a href="mailto:a@example.com">mail</a> and <a href="../x">rel</a>.</p>\n' +
        '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('reports nothing of what Markdown itself generates: footnotes, task lists, aligned tables, autolinks', () => {
    const { removed, html } = renderNarrative('Text[^1] and www.example.com and ~~x~~\n\n- [ ] task\n\n| a |\n|:-:|\n| b |\n\n[^1]: Note.\n');
    expect(removed).toEqual([]);
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<th align="center">a</th>');
  });

  it('drops MDX comments, expressions, imports and components instead of running them', () => {
    const body = 'import fs from "node:fs"\nexport const x = fs.writeFileSync("/tmp/pwned", "x")\n\nText {/* note */} and {process.exit(1)}.\n\n<Chart />\n';
    expect(renderNarrative(body).html.trim()).toBe('<p>Text  and .</p>');
  });

  it('never lets a random mix of hostile fragments through (property)', () => {
    const pieces = ['<noscript>', '</noscript>', '<p title="', '">', '<img src=x onerror=alert(1)>', '<a href="java&#9;script:alert(1)">', '</a>', '<svg>', '<textarea>', '</textarea>', '[x](javascript:alert(1))', 'text', '\n\n', '<b>', '</b>', '<style>', '<iframe>', '&#10;', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        let html: string;
        try {
          html = renderNarrative(parts.join('')).html;
        } catch {
          return true; // not valid MDX: validate refuses it and the site is not built
        }
        return dangers(html).length === 0;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('URLs as the browser reads them', () => {
  it.each([
    { value: 'java\tscript:alert(1)', scheme: 'javascript' },
    { value: ' \u0001JAVASCRIPT:alert(1)', scheme: 'javascript' },
    { value: 'java\nscript:x', scheme: 'javascript' },
    { value: '/path:with-colon', scheme: undefined },
    { value: 'HTTPS://Example.com', scheme: 'https' },
  ])('$value has the scheme $scheme', ({ value, scheme }) => {
    expect(schemeOf(value)).toBe(scheme);
  });

  it('publishes a link from plan data only when it is http or https', () => {
    expect(safeExternalHref('https://crm.example.com/a?b=1')).toBe('https://crm.example.com/a?b=1');
    expect(safeExternalHref(' HTTP://example.com')).toBe('http://example.com/');
    expect(safeExternalHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeExternalHref('javascript:alert(1)')).toBeUndefined();
    expect(safeExternalHref('data:text/html,x')).toBeUndefined();
    expect(safeExternalHref('//evil.example.com')).toBeUndefined();
    expect(safeExternalHref('crm.example.com')).toBeUndefined();
    expect(safeExternalHref(undefined)).toBeUndefined();
  });

  it('keeps relative narrative links relative, and unambiguous', () => {
    expect(narrativeHref('../other/')).toBe('../other/');
    expect(narrativeHref('1a:b')).toBe('./1a:b');
    expect(narrativeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(narrativeHref('vbscript:x')).toBeUndefined();
    expect(browserNormalise('\t a\nb \u0000')).toBe('ab');
  });
});
