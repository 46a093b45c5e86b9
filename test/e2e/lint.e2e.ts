/**
 * The Firefox build passes Mozilla's linter (web-ext lint, offline) with no errors; the warnings that remain are
 * the ones README explains. The Chrome manifest asks for nothing beyond what README lists.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The production builds: what ships is what is linted.
import { PROD_CHROME_DIR as CHROME_DIR, PROD_FIREFOX_DIR as FIREFOX_DIR, ROOT } from './harness';

describe('store readiness', () => {
  it('web-ext lint: 0 errors, and only the explained warnings', () => {
    let out: string;
    try {
      out = execFileSync(
        join(ROOT, 'node_modules/.bin/web-ext'),
        ['lint', '-s', FIREFOX_DIR, '-o', 'json', '--no-config-discovery'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors).toEqual([]);
    const codes = new Set((report.warnings as { code: string }[]).map((w) => w.code));
    for (const c of codes) expect(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT'], c).toContain(c);
  }, 60_000);

  it('permissions are the ones README explains, hosts limited to Mistral', () => {
    const chrome = JSON.parse(readFileSync(join(CHROME_DIR, 'manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    // offscreen: Chrome's service worker has no DOM; the pages the reading scripts send are read in an offscreen document.
    expect(chrome.permissions.sort()).toEqual(['offscreen', 'scripting', 'storage']);
    expect(chrome.host_permissions.sort()).toEqual([
      'https://admin.mistral.ai/*',
      'https://chat.mistral.ai/*',
      'https://console.mistral.ai/*',
    ]);
    expect(firefox.permissions.sort()).toEqual([
      'https://admin.mistral.ai/*',
      'https://chat.mistral.ai/*',
      'https://console.mistral.ai/*',
      'storage',
    ]);
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const p of chrome.permissions) expect(readme).toContain(`\`${p}\``);
  });
});
