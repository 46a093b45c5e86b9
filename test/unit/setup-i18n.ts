/**
 * Unit tests translate synchronously, as before catalogs were loaded one at a time: every catalog is read from
 * public/_locales here, before each test file (the extension fetches them from its package, lib/i18n.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '@/lib/langs';
import { provideCatalogs } from '@/lib/i18n';

const read = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', lang, 'messages.json'), 'utf8'));
provideCatalogs(Object.fromEntries(LANGS.map((l) => [l, read(l)])), async (lang) => read(lang));
