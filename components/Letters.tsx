/**
 * Request letters: choose a letter and its language, fill in what only the user knows, preview, copy or
 * download as .txt. The text comes from the pure generateLetter(); what the user types stays in this
 * component's state (never stored, never sent).
 */
import { useMemo, useState } from 'preact/hooks';
import { bcp47, dirOf, getLang, LANG_NAMES, type Lang } from '@/lib/i18n';
import type { Store } from '@/lib/store/schema';
import {
  generateLetter,
  LETTER_IDS,
  LETTERS,
  letterFileName,
  type FieldName,
  type LetterFields,
  type LetterId,
} from '@/lib/rights/letters';
import { observedFrom } from '@/lib/rights/observed';
import { authorityById } from '@/lib/rights/authorities';
import { AuthorityPicker, languageName } from './AuthorityPicker';
import { downloadText } from '@/lib/rights/download';
import { rt } from '@/lib/rights/t';

const FIELD_INPUT: Record<FieldName, { type: 'text' | 'email' | 'date' | 'textarea'; autoComplete?: string }> = {
  fullName: { type: 'text', autoComplete: 'name' },
  email: { type: 'email', autoComplete: 'email' },
  accountEmail: { type: 'email', autoComplete: 'email' },
  city: { type: 'text', autoComplete: 'address-level2' },
  details: { type: 'textarea' },
  requestDate: { type: 'date' },
};

function fieldLabel(name: FieldName, letter: LetterId): string {
  switch (name) {
    case 'fullName':
      return rt('letter_field_full_name');
    case 'email':
      return rt('letter_field_email');
    case 'accountEmail':
      return rt('letter_field_account_email');
    case 'city':
      return rt('letter_field_city');
    case 'requestDate':
      return rt('letter_field_request_date');
    case 'details':
      return rt(
        letter === 'rectification'
          ? 'letter_field_details_rectification'
          : letter === 'cnil'
            ? 'letter_field_details_cnil'
            : 'letter_field_details_other',
      );
  }
}

export function Letters({
  store,
  letter,
  onLetter,
  authority,
  onAuthority,
}: {
  store: Store;
  letter: LetterId;
  onLetter: (id: LetterId) => void;
  authority: string;
  onAuthority: (id: string) => void;
}) {
  const [lang, setLang] = useState<Lang>(getLang());
  /** A letter goes out in the user's language, or in English or French (Mistral's and the CNIL's). */
  const letterLangs = [...new Set<Lang>([getLang(), 'en', 'fr'])];
  const [fields, setFields] = useState<LetterFields>({});
  const [withObserved, setWithObserved] = useState(true);
  const [status, setStatus] = useState('');

  const observed = useMemo(() => observedFrom(store), [store]);
  const hasObserved = Object.keys(observed).length > 0;
  const result = generateLetter(letter, lang, fields, withObserved ? observed : {}, { authority });
  const auth = authorityById(authority);
  const def = LETTERS[letter];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.text);
      setStatus(rt('letter_copied'));
    } catch {
      // No clipboard access: select the preview's text so Ctrl+C / Cmd+C copies it.
      const pre = document.querySelector('.letter-preview');
      const sel = window.getSelection();
      if (pre && sel) {
        sel.selectAllChildren(pre);
        (pre as HTMLElement).focus();
      }
      setStatus(rt('letter_copy_failed'));
    }
  };
  const download = () => {
    const name = letterFileName(letter, lang);
    downloadText(result.text, name);
    setStatus(rt('letter_downloaded', [name]));
  };

  return (
    <section id="letters" class="rights-section" aria-labelledby="h-letters">
      <h2 id="h-letters">{rt('letter_title')}</h2>
      <p>{rt('letter_intro')}</p>
      <form class="letter-form" onSubmit={(e) => e.preventDefault()}>
        <div class="form-row">
          <label for="letter-id">{rt('letter_choose')}</label>
          <select
            id="letter-id"
            name="letter"
            value={letter}
            onChange={(e) => {
              onLetter((e.currentTarget as HTMLSelectElement).value as LetterId);
              setStatus('');
            }}
          >
            {LETTER_IDS.map((id) => (
              <option key={id} value={id}>
                {rt(`letter_name_${id}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-row">
          <label for="letter-lang">{rt('letter_language')}</label>
          <select
            id="letter-lang"
            name="letter-lang"
            value={lang}
            onChange={(e) => {
              setLang((e.currentTarget as HTMLSelectElement).value as Lang);
              setStatus('');
            }}
          >
            {letterLangs.map((l) => (
              <option key={l} value={l} lang={bcp47(l)}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        {def.to === 'cnil' && <AuthorityPicker value={authority} onChange={onAuthority} idPrefix="letter-authority" />}
        <fieldset>
          <legend>{rt('letter_fields')}</legend>
          <p class="muted small" id="letter-fields-hint">
            {rt('letter_fields_hint')}
          </p>
          {def.fields.map((name) => {
            const input = FIELD_INPUT[name];
            const id = `letter-field-${name}`;
            const common = {
              id,
              name,
              value: fields[name] ?? '',
              'aria-describedby': 'letter-fields-hint',
              onInput: (e: Event) => setFields((f) => ({ ...f, [name]: (e.currentTarget as HTMLInputElement).value })),
            };
            return (
              <div class="form-row" key={name}>
                <label for={id}>{fieldLabel(name, letter)}</label>
                {input.type === 'textarea' ? (
                  <textarea rows={3} {...common} />
                ) : input.type === 'date' ? (
                  <input type="date" {...common} />
                ) : input.type === 'email' ? (
                  <input type="email" autoComplete={input.autoComplete} spellcheck={false} {...common} />
                ) : (
                  <input type="text" autoComplete={input.autoComplete} spellcheck={false} {...common} />
                )}
              </div>
            );
          })}
        </fieldset>
        <div class="check-row">
          <input
            type="checkbox"
            id="letter-observed"
            checked={withObserved}
            disabled={!hasObserved}
            onChange={(e) => setWithObserved((e.currentTarget as HTMLInputElement).checked)}
          />
          <label for="letter-observed">{rt('letter_include_observed')}</label>
        </div>
        {!hasObserved && <p class="muted small">{rt('letter_observed_none')}</p>}
      </form>

      <h3 id="h-letter-preview">{rt('letter_preview')}</h3>
      <pre
        class="letter-preview"
        tabIndex={0}
        aria-labelledby="h-letter-preview"
        lang={bcp47(lang)}
        dir={dirOf(lang)}
        data-letter={letter}
        data-lang={lang}
        data-blanks={result.blanks.length}
      >
        {result.text}
      </pre>
      <p class={result.blanks.length ? 'note' : 'muted small'} data-blanks-note>
        {result.blanks.length ? rt('letter_blanks_left', [result.blanks.join(', ')]) : rt('letter_no_blanks')}
      </p>
      <div class="actions">
        <button type="button" onClick={copy} data-action="copy-letter">
          {rt('letter_copy')}
        </button>
        <button type="button" onClick={download} data-action="download-letter">
          {rt('letter_download')}
        </button>
      </div>
      <p class="muted small">{def.to === 'cnil' ? <CnilHint url={auth.url} /> : rt('letter_send_mistral')}</p>
      {def.to === 'cnil' && !auth.languages.includes(bcp47(lang).split('-')[0]) && (
        <p class="note small" data-letter-language-warning>
          {rt('authority_language', [auth.short, auth.languages.map((l) => languageName(l, getLang())).join(' / ')])}
        </p>
      )}
      <p role="status" aria-live="polite" class="status" data-letter-status>
        {status}
      </p>
    </section>
  );
}

/** "File your complaint online at <link>, …": the link inside the translated sentence. */
function CnilHint({ url }: { url: string }) {
  const [before, after] = rt('letter_send_cnil', ['\u0000']).split('\u0000');
  return (
    <>
      {before}
      <a href={url} target="_blank" rel="noopener noreferrer" dir="ltr">
        {url}
      </a>
      {after}
    </>
  );
}
