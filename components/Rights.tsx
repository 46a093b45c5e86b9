/**
 * The "Your rights" page (rights.html): how to reach Mistral about your data, each GDPR right the sources
 * list with what it means with Mistral and how to use it (cited), the request letters, and retention / ZDR.
 * Reads the store (for the language, and for what the letters and the retention view can use); writes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyDocLang, pickLang, setLang, t } from '@/lib/i18n';
import { readStore, watchStore } from '@/lib/store';
import type { LoadResult } from '@/lib/store/schema';
import { CHANNEL_CITATIONS, MISTRAL_CONTACT, REQUEST_FACTS, RIGHTS, type Right } from '@/lib/rights/rights';
import type { LetterId } from '@/lib/rights/letters';
import { POLICY_CHANGES, POLICY_VERSIONS } from '@/lib/rights/policy-versions';
import { sourceById } from '@/lib/policy/knowledge';
import { rt } from '@/lib/rights/t';
import { Citations } from './VerdictView';
import { Letters } from './Letters';
import { AuthorityPicker } from './AuthorityPicker';
import { authorityById, suggestAuthority } from '@/lib/rights/authorities';
import { Retention } from './Retention';
import './rights.css';

function RightCard({
  right,
  onLetter,
  authority,
  onAuthority,
}: {
  right: Right;
  onLetter: (id: LetterId) => void;
  authority: string;
  onAuthority: (id: string) => void;
}) {
  const h = `h-right-${right.id}`;
  const auth = authorityById(authority);
  return (
    <article class="right card" id={`right-${right.id}`} data-right={right.id} aria-labelledby={h}>
      <h3 id={h}>
        {rt(`rights_${right.id}_title`)}{' '}
        <span class="article-ref">
          {right.law === 'gdpr'
            ? rt('rights_article_gdpr', [right.article])
            : rt('rights_article_fr_dpa', [right.article])}
        </span>
      </h3>
      <h4>{rt('rights_what')}</h4>
      <p>{rt(`rights_${right.id}_meaning`)}</p>
      <h4>{rt('rights_how')}</h4>
      <p>{rt(`rights_${right.id}_how`)}</p>
      {(right.links.length > 0 || right.letter) && (
        <p class="actions">
          {right.links.map((l) =>
            // The complaint link goes to the authority the user chose, not always the CNIL.
            l.labelKey === 'rights_link_cnil' ? (
              <a key={l.href} href={auth.url} target="_blank" rel="noopener noreferrer" data-authority-link={auth.id}>
                {rt(auth.urlKind === 'complaint' ? 'rights_link_cnil' : 'authority_home_link', [auth.short])}
              </a>
            ) : (
              <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer">
                {rt(l.labelKey)}
              </a>
            ),
          )}
          {right.letter && (
            <button type="button" onClick={() => onLetter(right.letter!)} data-letter-for={right.id}>
              {rt('rights_write_letter')}
            </button>
          )}
        </p>
      )}
      {right.letter === 'cnil' && (
        <section class="authority-box" aria-labelledby="h-authority">
          <h4 id="h-authority">{rt('authority_title')}</h4>
          <p class="small">{rt('authority_hint')}</p>
          <p class="small">{rt('authority_lead_note')}</p>
          <AuthorityPicker value={authority} onChange={onAuthority} />
        </section>
      )}
      <Citations citations={right.citations} />
    </article>
  );
}

/** Which versions of Mistral's documents the knowledge comes from, and what changed between them. */
function PolicyVersions() {
  return (
    <section id="versions" class="rights-section" aria-labelledby="h-versions">
      <h2 id="h-versions">{rt('record_md_sources')}</h2>
      <p class="muted">{rt('record_md_sources_note')}</p>
      <ul class="versions">
        {POLICY_VERSIONS.map((v) => (
          <li key={v.id} data-version={v.id}>
            <strong>{v.date}</strong> — {rt(v.labelKey)}{' '}
            <span class="muted small">
              {rt('record_md_documents', [v.sources.map((id) => sourceById(id).title).join('; ')])}
            </span>
          </li>
        ))}
      </ul>
      <h3>{rt('record_md_changes')}</h3>
      <ul class="changes">
        {POLICY_CHANGES.map((c) => (
          <li key={c.id} data-change={c.id}>
            {rt(c.claimKey)}
            <Citations citations={c.citations} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Rights() {
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [error, setError] = useState('');
  const [letter, setLetter] = useState<LetterId>('objection');
  /** The complaint's authority: suggested from the browser's language and region, changed by the user. */
  const [authority, setAuthority] = useState<string>(
    () => suggestAuthority(browser.i18n.getUILanguage() || navigator.language).id,
  );

  const apply = (st: LoadResult) => {
    const lang = pickLang(st.store.settings.language, browser.i18n.getUILanguage());
    setLang(lang);
    applyDocLang(lang);
    document.title = `${rt('rights_page_title')} — Windsock`;
    setLoaded(st);
  };

  useEffect(() => {
    readStore().then(apply, (e) => setError(String(e)));
    return watchStore(apply);
  }, []);

  const chooseLetter = (id: LetterId) => {
    setLetter(id);
    // Take the user (and the keyboard focus) to the letter they asked for.
    requestAnimationFrame(() => {
      document.getElementById('letters')?.scrollIntoView({ block: 'start' });
      document.getElementById('letter-id')?.focus();
    });
  };

  if (error)
    return (
      <main class="rights-page">
        <p role="alert" class="error">
          {t('popupError', [error])}
        </p>
      </main>
    );
  if (!loaded)
    return (
      <main class="rights-page" aria-busy="true">
        <p class="muted">{t('popupLoading')}</p>
      </main>
    );
  const { store } = loaded;

  return (
    <>
      <header class="rights-header">
        <img src="/icon/32.png" alt="" width="24" height="24" />
        <span>Windsock</span>
        <a href={browser.runtime.getURL('/options.html')}>{rt('rights_back_options')}</a>
      </header>
      <main class="rights-page" id="rights-main" data-ready="true" tabIndex={-1}>
        <h1>{rt('rights_page_title')}</h1>
        <p>{rt('rights_intro')}</p>
        <p class="muted">
          {rt('rights_not_advice')} {rt('rights_local_note')}
        </p>
        <nav aria-label={rt('rights_nav_label')} class="rights-nav">
          <ul>
            <li>
              <a href="#contact">{rt('rights_nav_contact')}</a>
            </li>
            <li>
              <a href="#rights">{rt('rights_nav_rights')}</a>
            </li>
            <li>
              <a href="#letters">{rt('rights_nav_letters')}</a>
            </li>
            <li>
              <a href="#retention">{rt('rights_nav_retention')}</a>
            </li>
            <li>
              <a href="#versions">{rt('record_md_sources')}</a>
            </li>
          </ul>
        </nav>

        <section id="contact" class="rights-section" aria-labelledby="h-contact">
          <h2 id="h-contact">{rt('rights_contact_title')}</h2>
          <ul class="channels">
            <li>
              <a href={MISTRAL_CONTACT.formUrl} target="_blank" rel="noopener noreferrer">
                {rt('rights_contact_form')}
              </a>
            </li>
            <li>{rt('rights_contact_help')}</li>
            <li>
              {rt('rights_contact_post')}
              <address data-address="mistral">
                {MISTRAL_CONTACT.postal.map((line) => (
                  <span key={line}>
                    {line}
                    <br />
                  </span>
                ))}
              </address>
            </li>
          </ul>
          <p>{rt('rights_contact_email_hint')}</p>
          <Citations citations={CHANNEL_CITATIONS} />
          <p>{rt('rights_contact_deadline')}</p>
          <p>
            {rt('rights_training_limits')} {rt('rights_contact_kept')}
          </p>
          <Citations citations={[REQUEST_FACTS.trainingLimits, REQUEST_FACTS.requestsKept]} />
        </section>

        <section id="rights" class="rights-section" aria-labelledby="h-rights">
          <h2 id="h-rights">{rt('rights_nav_rights')}</h2>
          <div class="rights-grid">
            {RIGHTS.map((r) => (
              <RightCard
                key={r.id}
                right={r}
                onLetter={chooseLetter}
                authority={authority}
                onAuthority={setAuthority}
              />
            ))}
          </div>
        </section>

        <Letters store={store} letter={letter} onLetter={setLetter} authority={authority} onAuthority={setAuthority} />
        <Retention store={store} />
        <PolicyVersions />
      </main>
    </>
  );
}
