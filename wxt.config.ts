import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
// Hosts Windsock reads, from their one source (lib/hosts.ts). Nothing else: no <all_urls>, no servers of ours.
import { MATCH_PATTERNS } from './lib/hosts';

export default defineConfig({
  // One `browser` object everywhere: WXT's (`import { browser } from 'wxt/browser'`), the browser's own
  // `browser` (Firefox) or `chrome` (Chrome) object, no webextension-polyfill. Both browsers answer every call
  // Windsock makes with a promise (Chrome MV3's APIs, Firefox's `browser`), content scripts stay small, and WXT's
  // storage uses the same object. The one difference left, runtime.onMessage's answer, goes through
  // sendResponse (entrypoints/background.ts), which both support.
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact()],
    // WXT's content-script context announces every content script to the page with an event named after the
    // extension's id, and a page can end it by replaying that event: Windsock's scripts get a stand-in that
    // does neither (lib/page/wxt-context.ts; their life is lib/page/life.ts).
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/page/wxt-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  // The sources package Mozilla's review asks for: what builds the extension, not the demo's screenshots.
  zip: { excludeSources: ['demo-output/**', 'test-results/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: remembered plan, settings and declarations (local only). scripting (Chrome): inject the warning
    // dialog and the page skeleton into a Mistral tab when needed (lib/page/on-demand.ts; Firefox MV2 does it with
    // tabs.executeScript and the host permissions), and put the updated content script into Mistral tabs already
    // open when Windsock is updated, instead of leaving them unguarded. offscreen (Chrome): the service worker has no
    // DOM; the pages the reading content scripts send are read in an offscreen document (lib/background/offscreen.ts;
    // Firefox's background page has a DOM of its own).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'scripting', 'offscreen'],
    host_permissions: MATCH_PATTERNS,
    action: { default_title: '__MSG_badgeTitleNone__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'windsock@windsock.invalid',
              // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
