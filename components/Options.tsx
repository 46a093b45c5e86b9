/** The options page: language, and everything Windsock stored, with a way to erase it. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  applyDocLang,
  bcp47,
  controlLabel,
  LANG_NAMES,
  LANGS,
  pickLang,
  planLabel,
  setLang,
  surfaceLabel,
  t,
  timeAgo,
  valueLabel,
} from '@/lib/i18n';
import { readStore, watchStore } from '@/lib/store';
import { UNKNOWN_ORG, type LoadResult } from '@/lib/store/schema';
import { REGISTRY, type GuardId } from '@/lib/warnings/registry';
import { WRITE_ERROR_KEY } from '@/lib/background/shared';
import { send } from '@/lib/client';
import { rt } from '@/lib/rights/t';
import type { LangSetting } from '@/lib/langs';
import { PrivacyRecord } from './PrivacyRecord';

function label(key: string, value: string): [string, string] {
  if (key.startsWith('plan:'))
    return [`${t('popupPlan')} (${t(key === 'plan:vibe' ? 'productVibe' : 'productApi')})`, planLabel(value)];
  return [controlLabel(key), valueLabel(value)];
}

export function Options() {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string>('');
  const [writeError, setWriteError] = useState<{ at: number; code: string } | null>(null);

  const apply = (st: LoadResult) => {
    const lang = pickLang(st.store.settings.language, browser.i18n.getUILanguage());
    setLang(lang);
    applyDocLang(lang);
    document.title = t('optionsTitle');
    setLoaded(st);
  };

  useEffect(() => {
    readStore().then(apply, (e) => setError(String(e)));
    // A write the browser refused (storage quota), remembered by the background for this session.
    const showWriteError = (v: { at?: unknown; code?: unknown } | null) =>
      setWriteError(v && typeof v.at === 'number' && v.code === 'quota' ? { at: v.at, code: v.code } : null);
    storage
      .getItem<{ at?: unknown; code?: unknown }>(`session:${WRITE_ERROR_KEY}`)
      .then(showWriteError, () => undefined);
    const unwatchError = storage.watch<{ at?: unknown; code?: unknown }>(`session:${WRITE_ERROR_KEY}`, showWriteError);
    const unwatch = watchStore(apply);
    return () => {
      unwatch();
      unwatchError();
    };
  }, []);

  if (error)
    return (
      <main class="options">
        <p role="alert" class="error">
          {t('popupError', [error])}
        </p>
      </main>
    );
  if (!loaded)
    return (
      <main class="options" aria-busy="true">
        <p class="muted">{t('popupLoading')}</p>
      </main>
    );
  const { store, problems, newerVersion } = loaded;
  const now = Date.now();
  const orgs = Object.entries(store.orgs);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsPrivacy')}</p>
      <p class="rights-link">
        <a href={browser.runtime.getURL('/rights.html')} data-link="rights">
          {rt('rights_open_link')}
        </a>
      </p>

      <section class="section" aria-labelledby="h-lang">
        <h2 id="h-lang">{t('optionsLanguage')}</h2>
        <select
          id="language"
          aria-labelledby="h-lang"
          value={store.settings.language}
          onChange={async (e) => {
            const language = (e.currentTarget as HTMLSelectElement).value as LangSetting;
            const r = await send({ type: 'set-settings', settings: { language } });
            setStatus(r.ok ? t('optionsSaved') : t('popupError', [r.error ?? '']));
          }}
        >
          <option value="auto">{t('optionsLanguageAuto')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={bcp47(l)}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </section>

      <section class="section" aria-labelledby="h-guards">
        <h2 id="h-guards">{t('optionsGuards')}</h2>
        <p class="muted">{t('optionsGuardsHint')}</p>
        {REGISTRY.options
          .map(({ id, label }) => ({ g: id as GuardId, label }))
          .map(({ g, label }) => (
            <label key={g} class="field-inline">
              <input
                type="checkbox"
                name={`guard-${g}`}
                checked={!store.guardsOff.includes(g)}
                onChange={async (e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  const guardsOff = on ? store.guardsOff.filter((x) => x !== g) : [...store.guardsOff, g];
                  const r = await send({ type: 'set-guards', guardsOff });
                  setStatus(
                    r.ok
                      ? t('optionsSaved')
                      : t('popupError', [
                          r.error === 'newer' ? t('optionsNewerStore', [String(newerVersion ?? '')]) : (r.error ?? ''),
                        ]),
                  );
                }}
              />{' '}
              {t(label)}
            </label>
          ))}
      </section>

      <section class="section" aria-labelledby="h-stored">
        <h2 id="h-stored">{t('optionsStored')}</h2>
        <p class="muted">{t('optionsStoredHint')}</p>
        {newerVersion !== undefined ? (
          <p role="alert" class="note" data-newer-store={newerVersion}>
            {t('optionsNewerStore', [String(newerVersion)])}
          </p>
        ) : (
          problems.length > 0 && (
            <p role="alert" class="note">
              {t('optionsProblems', [problems.join('; ')])}
            </p>
          )
        )}
        {writeError && (
          <p role="alert" class="error" data-storage-full="true">
            {t('optionsStorageFull', [timeAgo(writeError.at, now)])}
          </p>
        )}
        {orgs.length === 0 ? (
          <p data-empty="true">{t('optionsNothingStored')}</p>
        ) : (
          orgs.map(([id, org]) => (
            <div key={id} class="org" data-org={id}>
              <h3>{t('optionsOrganization', [org.name ?? t('optionsOrgDefault')])}</h3>
              {id === UNKNOWN_ORG && <p class="muted">{t('unknownOrg')}</p>}
              <h4>{t('optionsObservations')}</h4>
              {Object.keys(org.observations).length === 0 && <p class="muted">{t('optionsNoneSeen')}</p>}
              <ul>
                {Object.entries(org.observations).map(([key, o]) => {
                  const [name, value] = label(key, String(o!.value));
                  return (
                    <li key={key} data-key={key}>
                      {name}: <strong>{value}</strong> — {surfaceLabel(o!.where)}
                      {t('listComma')}
                      {timeAgo(o!.seenAt, now)}
                    </li>
                  );
                })}
              </ul>
              <h4>{t('optionsDeclarations')}</h4>
              {Object.keys(org.declarations).length === 0 && <p class="muted">{t('optionsNoneDeclared')}</p>}
              <ul>
                {Object.entries(org.declarations).map(([key, d]) => {
                  const [name, value] = label(key, String(d!.value));
                  return (
                    <li key={key} data-key={key}>
                      {name}: <strong>{value}</strong> — {timeAgo(d!.at, now)}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))
        )}
        <p class="muted">{t('optionsEraseWhere')}</p>
      </section>
      <PrivacyRecord store={store} />
      <p role="status" aria-live="polite" class="status">
        {status}
      </p>
    </main>
  );
}
