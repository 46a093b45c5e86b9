/**
 * The privacy record on the options page: the store's history as a timestamped list, newest first; export as
 * JSON (re-importable) or Markdown (a receipt); import a JSON export (validated by the background, which
 * overwrites nothing when the file is refused); erase all.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dynKey, getLang, INTL_LOCALE, tp } from '@/lib/i18n';
import type { Store } from '@/lib/store/schema';
import { MAX_IMPORT_CHARS, toExport } from '@/lib/store/transfer';
import { send } from '@/lib/client';
import { describeEntry, historyNewestFirst, recordFileName, toMarkdown } from '@/lib/rights/record';
import { downloadText } from '@/lib/rights/download';
import { rt } from '@/lib/rights/t';
import './rights.css';

const SHOWN_AT_FIRST = 100;
const IMPORT_ERRORS = new Set(['not-json', 'foreign', 'malformed', 'too-big', 'too-deep', 'newer']);

/** A date as words, or the raw number when no Date can hold it (an imported or damaged record never crashes this). */
function safeDate(fmt: Intl.DateTimeFormat, at: number): { text: string; iso: string | undefined } {
  const d = new Date(at);
  if (!Number.isFinite(d.getTime())) return { text: String(at), iso: undefined };
  try {
    return { text: fmt.format(d), iso: d.toISOString() };
  } catch {
    return { text: String(at), iso: undefined };
  }
}

function importError(code: string): string {
  return IMPORT_ERRORS.has(code)
    ? rt(dynKey('record_import_error_', code.replace(/-/g, '_')))
    : rt('record_import_error_other', [code]);
}

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function PrivacyRecord({ store }: { store: Store }) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const lang = getLang();
  const history = historyNewestFirst(store);
  const shown = showAll ? history : history.slice(0, SHOWN_AT_FIRST);
  const when = new Intl.DateTimeFormat(INTL_LOCALE[lang] ?? 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const exportJson = () => {
    const now = Date.now();
    const name = recordFileName(now, 'json');
    downloadText(JSON.stringify(toExport(store, now), null, 2), name, 'application/json');
    setError(null);
    setStatus(rt('record_exported', [name]));
  };
  const exportMd = () => {
    const now = Date.now();
    const name = recordFileName(now, 'md');
    downloadText(toMarkdown(store, { now, lang, version: manifestVersion() }), name, 'text/markdown;charset=utf-8');
    setError(null);
    setStatus(rt('record_exported', [name]));
  };
  const onImport = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setStatus('');
    setError(null);
    try {
      // The size first: a 100 MB file is never read into memory.
      if (file.size > MAX_IMPORT_CHARS) {
        setError('too-big');
        return;
      }
      const text = await file.text();
      if (text.length > MAX_IMPORT_CHARS) {
        setError('too-big');
        return;
      }
      const res = await send({ type: 'import', text });
      if (res.ok) setStatus(rt('record_import_ok'));
      else setError(res.error ?? 'unknown');
    } catch (err) {
      setError(String((err as Error)?.message ?? err));
    } finally {
      input.value = '';
      setBusy(false);
    }
  };
  const eraseAll = async () => {
    if (!confirm(rt('record_erase_confirm'))) return;
    const res = await send({ type: 'reset' });
    setError(null);
    setStatus(res.ok ? rt('record_erased') : rt('record_erase_failed', [res.error ?? '']));
  };
  const exportSafely = (fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      setError(String((err as Error)?.message ?? err));
    }
  };

  return (
    <section class="section record" id="privacy-record" aria-labelledby="h-record" data-entries={history.length}>
      <h2 id="h-record">{rt('record_title')}</h2>
      <p class="muted">{rt('record_intro')}</p>
      {history.length === 0 ? (
        <p data-record-empty="true">{rt('record_empty')}</p>
      ) : (
        <>
          <ol class="record-list" aria-label={rt('record_list_label')}>
            {shown.map((e, i) => {
              const w = describeEntry(store, e, lang);
              const at = safeDate(when, e.at);
              return (
                <li key={`${e.at}-${i}`} data-kind={e.kind} data-key={e.key} data-value={e.value ?? ''}>
                  <time dateTime={at.iso}>{at.text}</time> <strong>{w.kindLabel}</strong> — {w.what}:{' '}
                  <strong>{w.value}</strong>
                  {w.previous !== null && <span class="muted"> ({rt('record_was', [w.previous])})</span>}
                  {w.where && <span> · {rt('record_where', [w.where])}</span>}
                  <span class="muted"> · {rt('record_in_org', [w.org])}</span>
                </li>
              );
            })}
          </ol>
          {!showAll && history.length > SHOWN_AT_FIRST && (
            <button type="button" class="link-button" onClick={() => setShowAll(true)}>
              {tp('record_show_all', history.length)}
            </button>
          )}
        </>
      )}

      <h3>{rt('record_export_title')}</h3>
      <div class="actions">
        <button type="button" onClick={exportSafely(exportJson)} data-action="export-json">
          {rt('record_export_json')}
        </button>
        <button type="button" onClick={exportSafely(exportMd)} data-action="export-md">
          {rt('record_export_md')}
        </button>
      </div>
      <p class="muted small">{rt('record_export_hint')}</p>
      <div class="form-row import-row">
        <label for="record-import">{rt('record_import_label')}</label>
        <input type="file" id="record-import" accept=".json,application/json" disabled={busy} onChange={onImport} />
      </div>
      {error !== null && (
        <p role="alert" class="error" data-import-error={error}>
          {importError(error)}
        </p>
      )}
      <button type="button" class="danger" onClick={eraseAll} data-action="erase-all">
        {rt('record_erase')}
      </button>
      <p role="status" aria-live="polite" class="status" data-record-status>
        {status}
      </p>
    </section>
  );
}
