import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * The site: block of workspace.yaml is untrusted input like every plans file. The logo is published on the site's
 * own origin, so it must be a raster image inside the plans folder; each refusal is an error at site.logo, exit 2.
 */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';

let box: Sandbox | undefined;
afterEach(() => box?.remove());

/** The minimal fixture with a site: block appended to workspace.yaml (the line of site.logo is 15). */
function withSite(site: string, files: Record<string, string | Uint8Array> = {}): Sandbox {
  box = makeSandbox();
  const workspace = `company: Minimal Co\ncurrency: USD\nfiscal_year_start_month: 2\ndimensions:\n  channel: [direct, partner]\n  region: [americas, emea]\ncount: weighted\nfx: { EUR: 1.1 }\nofferings:\n  - { id: sensors, name: Sensors }\n  - { id: service, name: Service }\nsite:\n${site}`;
  box.write({ 'workspace.yaml': workspace, ...files });
  return box;
}

const validate = (sb: Sandbox, args: string[] = []) => runScript('validate', ['--plans', 'plans', ...args], { cwd: sb.dir });

describe('site: in workspace.yaml', () => {
  it('a PNG logo, an accent colour and a home text validate', () => {
    const r = validate(withSite('  logo: brand/logo.png\n  accent: "#0f766e"\n  home_text: Plans of the EMEA team. Ask Max about goals.\n', { 'brand/logo.png': PNG }));
    expect(r.stdout).toContain('0 errors');
    expect(r.status).toBe(0);
  });

  it.each([
    { name: 'an SVG logo, which can hold script', site: '  logo: logo.svg\n', files: { 'logo.svg': SVG }, says: 'site.logo: The image "logo.svg" is an SVG, which can hold script' },
    { name: 'an SVG named .png: judged by its bytes', site: '  logo: logo.png\n', files: { 'logo.png': SVG }, says: 'is an SVG, which can hold script' },
    { name: 'a remote logo', site: '  logo: https://cdn.example.com/logo.png\n', files: {}, says: 'is on another server' },
    { name: 'a data: URL', site: '  logo: "data:image/png;base64,AAAA"\n', files: {}, says: 'is a "data:" URL, not a file' },
    { name: 'a path out of the plans folder', site: '  logo: ../bystander/keep.txt\n', files: {}, says: 'is outside the plans folder' },
    { name: 'an absolute path', site: '  logo: /etc/passwd\n', files: {}, says: 'is an absolute path' },
    { name: 'a missing file', site: '  logo: logo.png\n', files: {}, says: 'The image "logo.png" does not exist' },
    { name: 'a file that is no image', site: '  logo: logo.png\n', files: { 'logo.png': 'just text' }, says: 'is not a PNG, JPEG, GIF, WebP or AVIF image' },
  ])('refused, located at site.logo: $name', ({ site, files, says }) => {
    const sb = withSite(site, files);
    const before = sb.snapshot();
    const r = validate(sb);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^plans\/workspace\.yaml:13:9 error site\.logo: /m);
    expect(r.stdout).toContain(says);
    expect(r.stdout).not.toContain('relative to the plan file');
    expect(r.stderr).toBe('');
    expect(sb.snapshot()).toEqual(before);
  });

  it('a logo that is a link out of the plans folder is refused, and the file it points to is not read', () => {
    const sb = withSite('  logo: logo.png\n');
    writeFileSync(join(sb.bystander, 'logo.png'), PNG);
    symlinkSync(join(sb.bystander, 'logo.png'), join(sb.plans, 'logo.png'));
    const r = validate(sb);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('site.logo: The image "logo.png" is outside the plans folder');
  });

  it.each([
    { name: 'an accent that is not a #rrggbb colour (CSS injection)', site: '  accent: "red; background: url(https://evil.example)"\n', says: 'a colour is written #rrggbb' },
    { name: 'an unknown key, with the closest one suggested', site: '  acent: "#0f766e"\n', says: 'accent' },
    { name: 'a home text over 600 characters', site: `  home_text: ${'x'.repeat(601)}\n`, says: 'home_text must be at most 600 characters (it has 601).' },
  ])('$name is an error at its line', ({ site, says }) => {
    const r = validate(withSite(site));
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^plans\/workspace\.yaml:13:\d+ error /m);
    expect(r.stdout).toContain(says);
  });

  it('the run cache does not replay a valid result once the logo is replaced by an SVG', () => {
    const sb = withSite('  logo: logo.png\n', { 'logo.png': PNG });
    expect(validate(sb).status).toBe(0);
    sb.write({ 'logo.png': SVG });
    const r = validate(sb);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('is an SVG, which can hold script');
  });
});
