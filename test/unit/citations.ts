/**
 * Checking a citation against its source document (lib/policy/sources/): the quote must be there verbatim
 * (white space folded, markdown bold and escapes removed), under the section it names. Shared by the knowledge
 * and the rights tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceById } from '@/lib/policy/knowledge';
import type { Citation, SourceId } from '@/lib/policy/schema';

export const SOURCES_DIR = join(process.cwd(), 'lib/policy/sources');
export const readSource = (file: string) => readFileSync(join(SOURCES_DIR, file), 'utf8');
export const fold = (s: string) =>
  s
    .replace(/\*\*/g, '')
    .replace(/\\([.\-#*_()[\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

// Sections of each document. The plain-text pages (000, 001, 002) carry their headings as bare lines; these
// are read off the documents by hand. The policy (003) is markdown and its headings are parsed. The opening
// lines before the first heading are named after the document's subject; the third-party summary (004) has no
// headings at all and is one section, "Summary".
const PLAIN_HEADINGS: Record<string, { intro: string; headings: string[] }> = {
  '000_ca8fc3bbc77c8aa8.txt': {
    intro: 'Privacy',
    headings: ['Data usage', 'Vibe privacy controls', 'API privacy controls', 'GDPR rights', 'Legal resources'],
  },
  '001_ace575205295ee36.txt': {
    intro: 'How to opt out of training',
    headings: [
      'Opt out of Vibe data training (via the Admin Console)',
      'Opt out of Vibe data training on the mobile application (iOS and Android)',
      'Opt out of Mistral Studio and API data training (via the Admin Console)',
    ],
  },
  '002_6350e61b3c907b8f.txt': {
    intro: 'Zero Data Retention',
    headings: [
      'ZDR on Vibe',
      'ZDR on Vibe CLI',
      'ZDR on Mistral Studio',
      'How to request ZDR',
      'How to check whether ZDR is active',
      'ZDR, training opt-out, and DPA',
    ],
  },
  '004_739c3a63e3ffaed5.txt': { intro: 'Summary', headings: [] },
};

/** A document cut into its sections: [{ name, text }], in order, innermost heading only. */
function sectionsOf(file: string): { name: string; text: string }[] {
  const lines = readSource(file).split('\n');
  const plain = PLAIN_HEADINGS[file];
  const isHeading = (i: number): string | null => {
    const line = lines[i].trim();
    if (plain) return plain.headings.includes(line) ? line : null;
    if (/^#{1,6}\s/.test(line)) return fold(line.replace(/^#+\s*/, ''));
    if (line && /^(-{3,}|={3,})$/.test((lines[i + 1] ?? '').trim())) return fold(line);
    if (/^\*\*\d+(\.\d+)*\.?\s.*\*\*$/.test(line)) return fold(line); // "**3.4.4. Third-party services**"
    return null;
  };
  const out: { name: string; text: string }[] = [{ name: plain ? plain.intro : fold(lines[0]), text: '' }];
  lines.forEach((line, i) => {
    const h = isHeading(i);
    if (h) out.push({ name: h, text: '' });
    else out[out.length - 1].text += line + '\n';
  });
  return out;
}

/** Why a citation does not hold against its document, or null when it does. */
export function citationProblem(c: Citation): string | null {
  const file = sourceById(c.source as SourceId).file;
  const quote = fold(c.quote);
  if (!fold(readSource(file)).includes(quote)) return `quote not found in ${file}: «${c.quote}»`;
  const all = sectionsOf(file);
  const named = all.filter((s) => s.name === c.section);
  if (named.length === 0)
    return `no section «${c.section}» in ${file}; its sections: ${all.map((s) => s.name).join(' | ')}`;
  if (!named.some((s) => fold(s.text).includes(quote)))
    return `quote is in ${file} but not under «${c.section}»: «${c.quote}»`;
  return null;
}
