/**
 * The privacy record in words: one line per history entry (what was observed, declared or shared, when,
 * where, in which organization), and the Markdown receipt a user can attach to a request to Mistral or a
 * complaint to the CNIL — plan, settings with the dates they were seen, declarations, shared chats, the
 * history, the policy versions Windsock's knowledge comes from and what changed between them. Pure.
 */
import { controlLabel, planLabel, surfaceLabel, t, valueLabel, type Lang, type MessageKey } from '../i18n';
import { sourceById } from '../policy/knowledge';
import { quoteKeyOf } from '../policy/citations';
import { orgOf, type HistoryEntry, type Observation, type Store } from '../store/schema';
import { POLICY_CHANGES, POLICY_VERSIONS } from './policy-versions';
import { rt } from './t';

export interface EntryWords {
  at: number;
  kind: HistoryEntry['kind'];
  /** "Seen", "Declared by you", … */
  kindLabel: string;
  /** "Model training (Vibe)", "Plan (Vibe)", "Chat" */
  what: string;
  value: string;
  previous: string | null;
  /** "Admin Panel › Vibe › Privacy", or "" */
  where: string;
  org: string;
}

/** The label of an observation key: "Plan (Vibe)", "Model training (Vibe)", "Chat". */
function keyLabel(key: string, lang: Lang): string {
  if (key === 'plan:vibe' || key === 'plan:api')
    return `${t('popupPlan', [], lang)} (${rt(key === 'plan:vibe' ? 'letter_product_vibe' : 'letter_product_api', [], lang)})`;
  if (key === 'chat') return rt('record_key_chat', [], lang);
  const label = controlLabel(key, lang);
  return label.startsWith('control_') ? key : label;
}

/** The label of a value for a key: plan names, on/off, retention choices; chat ids as they are. */
function valueWords(key: string, value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return rt('record_value_cleared', [], lang);
  if (key.startsWith('plan:')) return planLabel(value, lang);
  if (key === 'chat') return value;
  const label = valueLabel(value, lang);
  return label.startsWith('retention_') ? value : label;
}

function orgLabel(store: Store, id: string, lang: Lang): string {
  const name = orgOf(store, id)?.name; // an own record only: an id such as 'constructor' names nothing inherited
  if (name) return name;
  return id === 'default' ? t('optionsOrgDefault', [], lang) : id;
}

export function describeEntry(store: Store, e: HistoryEntry, lang: Lang): EntryWords {
  return {
    at: e.at,
    kind: e.kind,
    kindLabel: rt(`record_kind_${e.kind}`, [], lang),
    what: keyLabel(e.key, lang),
    value: valueWords(e.key, e.value, lang),
    previous: e.previous === undefined || e.previous === null ? null : valueWords(e.key, e.previous, lang),
    where: e.where ? surfaceLabel(e.where, lang) || e.where : '',
    org: orgLabel(store, e.org, lang),
  };
}

/** The history, newest first (a stable sort: entries of the same instant keep their reverse order). */
export function historyNewestFirst(store: Store): HistoryEntry[] {
  return store.history
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at - a.e.at || b.i - a.i)
    .map((x) => x.e);
}

/** "2026-10-14 16:20 UTC": unambiguous, for a receipt. */
export function utcStamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Text from a page or a file, made inert in Markdown (no links, emphasis, tables or HTML). */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
}

function observationLine(key: string, o: Observation, lang: Lang): string {
  const bits = [
    rt(
      'record_md_seen_line',
      [
        keyLabel(key, lang),
        valueWords(key, String(o.value), lang),
        surfaceLabel(o.where, lang) || o.where,
        utcStamp(o.seenAt),
      ],
      lang,
    ),
  ];
  if (o.via === 'account-data') bits.push(rt('record_md_via_account_data', [], lang));
  if (o.via === 'visible-cue') bits.push(rt('record_md_via_visible_cue', [], lang));
  if (o.locked) bits.push(rt('record_md_locked', [], lang));
  if (o.disputed)
    bits.push(
      rt('record_md_disputed', [valueWords(key, String(o.disputed.value), lang), utcStamp(o.disputed.seenAt)], lang),
    );
  if (o.replaced)
    bits.push(
      rt('record_md_replaced', [valueWords(key, String(o.replaced.value), lang), utcStamp(o.replaced.at)], lang),
    );
  return `- ${mdText(bits.join(' '))}`;
}

export interface MarkdownOptions {
  now: number;
  lang: Lang;
  /** Windsock's version, from the manifest. */
  version?: string;
}

/** The privacy record as a Markdown receipt. */
export function toMarkdown(store: Store, opts: MarkdownOptions): string {
  const { lang, now } = opts;
  const L = (key: MessageKey, args: readonly (string | number)[] = []) => rt(key, args, lang);
  const out: string[] = [];
  out.push(`# ${L('record_md_title')}`, '');
  out.push(L('record_md_generated', [utcStamp(now), opts.version ? `Windsock ${opts.version}` : 'Windsock']), '');
  out.push(L('record_md_disclaimer'), '');

  const orgIds = Object.keys(store.orgs).sort((a, b) =>
    a === store.currentOrg ? -1 : b === store.currentOrg ? 1 : a.localeCompare(b),
  );
  if (orgIds.length === 0) out.push(`## ${L('record_md_orgs')}`, '', L('record_md_nothing'), '');
  for (const id of orgIds) {
    const org = store.orgs[id];
    const name = mdText(orgLabel(store, id, lang));
    out.push(`## ${L('record_md_org', [name])}${id === store.currentOrg ? ` ${L('record_md_current')}` : ''}`, '');
    const entries = Object.entries(org.observations) as [string, Observation][];
    const plans = entries.filter(([k]) => k.startsWith('plan:'));
    const settings = entries.filter(([k]) => !k.startsWith('plan:'));
    out.push(`### ${L('record_md_plan')}`, '');
    out.push(...(plans.length ? plans.map(([k, o]) => observationLine(k, o, lang)) : [L('record_md_nothing')]), '');
    out.push(`### ${L('record_md_settings')}`, '');
    out.push(
      ...(settings.length ? settings.map(([k, o]) => observationLine(k, o, lang)) : [L('record_md_nothing')]),
      '',
    );
    const decls = Object.entries(org.declarations);
    if (decls.length) {
      out.push(`### ${L('record_md_declared')}`, '');
      for (const [k, d] of decls)
        out.push(
          `- ${mdText(L('record_md_declared_line', [keyLabel(k, lang), valueWords(k, String(d!.value), lang), utcStamp(d!.at)]))}`,
        );
      out.push('');
    }
  }

  out.push(`## ${L('record_md_shares')}`, '');
  if (store.shares.length === 0) out.push(L('record_md_nothing'));
  for (const s of [...store.shares].sort((a, b) => b.at - a.at)) {
    out.push(
      `- ${mdText(L('record_md_share_line', [utcStamp(s.at), `https://chat.mistral.ai/chat/${s.chatId}`, orgLabel(store, s.org, lang)]))}`,
    );
  }
  out.push('');

  out.push(`## ${L('record_md_history')}`, '');
  const history = historyNewestFirst(store);
  if (history.length === 0) out.push(L('record_md_nothing'));
  else {
    const cols = (
      [
        'record_md_col_when',
        'record_md_col_org',
        'record_md_col_event',
        'record_md_col_what',
        'record_md_col_value',
        'record_md_col_before',
        'record_md_col_where',
      ] as const
    ).map((k) => L(k));
    out.push(`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
    for (const e of history) {
      const w = describeEntry(store, e, lang);
      out.push(
        `| ${[utcStamp(w.at), w.org, w.kindLabel, w.what, w.value, w.previous ?? '', w.where].map(mdText).join(' | ')} |`,
      );
    }
  }
  out.push('');

  out.push(`## ${L('record_md_sources')}`, '', L('record_md_sources_note'), '');
  for (const v of POLICY_VERSIONS) {
    const docs = v.sources.map((id) => {
      const s = sourceById(id);
      return `${s.title} (${s.publisher}, ${s.date}${s.url ? `, ${s.url}` : ''})`;
    });
    out.push(`- **${v.date}** — ${L(v.labelKey)} ${L('record_md_documents', [docs.join('; ')])}`);
  }
  out.push('');

  out.push(`## ${L('record_md_changes')}`, '');
  for (const ch of POLICY_CHANGES) {
    out.push(`- ${L(ch.claimKey)}`);
    for (const c of ch.citations) {
      const s = sourceById(c.source);
      // The quote stays verbatim in English; outside English its translation follows, as on the pages.
      const key = quoteKeyOf(c);
      const translation = key && lang !== 'en' ? ` ${mdText(L('quoteTranslation', [L(key)]))}` : '';
      out.push(`  - ${s.title}, ${s.date}, ${L('record_md_section', [c.section])}: “${mdText(c.quote)}”${translation}`);
    }
  }
  out.push('');
  return out.join('\n');
}

/** A file name with today's date: windsock-privacy-record-2026-10-14.md */
export function recordFileName(now: number, ext: 'json' | 'md'): string {
  return `windsock-privacy-record-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
}
