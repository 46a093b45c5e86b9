/**
 * The popup: the verdict for one tab. Which tab: `?tab=<id>` in the address (tests, and people who open the
 * popup in a tab), otherwise the active tab of the current window. The verdict is computed here from the
 * stored state with the same pure function the background uses for the badge, and follows every store change.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyDocLang, pickLang, setLang, surfaceLabel, t, timeAgo } from '@/lib/i18n';
import { readStore, watchStore } from '@/lib/store';
import { currentOrg, UNKNOWN_ORG, type LoadResult } from '@/lib/store/schema';
import { orgForTab, TAB_ORGS_KEY } from '@/lib/background/shared';
import { surfaceOf, type SurfaceDef } from '@/lib/surfaces';
import { computeVerdict } from '@/lib/verdict';
import { verdictInput } from '@/lib/resolve';
import { send } from '@/lib/client';
import { VerdictView } from './VerdictView';
import { DeclareForm } from './DeclareForm';
import { Diagnostics } from './Diagnostics';

type TabInfo = { id: number; url: string | undefined } | null;

async function findTab(): Promise<TabInfo> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param)).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}

export function Popup() {
  const [tab, setTab] = useState<TabInfo | undefined>(undefined);
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, setLangTick] = useState(0);
  // Which organization each tab's page showed, as the background keeps it (so the popup agrees with the badge).
  const [tabOrgs, setTabOrgs] = useState<Record<string, string>>({});

  useEffect(() => {
    let alive = true;
    const readTabOrgs = () =>
      browser.storage.session.get(TAB_ORGS_KEY).then(
        (got) => {
          const v = got[TAB_ORGS_KEY];
          const rec = v && typeof v === 'object' ? (v as Record<string, string>) : {};
          if (alive) setTabOrgs(rec);
          return rec;
        },
        () => ({}),
      );
    const onSession = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && TAB_ORGS_KEY in changes) void readTabOrgs();
    };
    browser.storage.onChanged.addListener(onSession);
    Promise.all([findTab(), readStore(), readTabOrgs()])
      .then(([tb, st]) => {
        if (!alive) return;
        setLang(pickLang(st.store.settings.language, browser.i18n.getUILanguage()));
        applyDocLang(pickLang(st.store.settings.language, browser.i18n.getUILanguage()));
        setTab(tb);
        setLoaded(st);
      })
      .catch((e) => alive && setError(String(e?.message ?? e)));
    const unwatch = watchStore((st) => {
      setLang(pickLang(st.store.settings.language, browser.i18n.getUILanguage()));
      applyDocLang(pickLang(st.store.settings.language, browser.i18n.getUILanguage()));
      setLoaded(st);
      setLangTick((n) => n + 1);
    });
    // Follow the tab through in-app navigation while the popup is open.
    const onUpdated = (id: number, info: { url?: string }) => {
      if (info.url) setTab((cur) => (cur && cur.id === id ? { id, url: info.url } : cur));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      unwatch();
      browser.storage.onChanged.removeListener(onSession);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  // For the benchmark (scripts/bench.ts): when the popup first shows a real answer.
  useEffect(() => {
    if (tab !== undefined && loaded && !performance.getEntriesByName('windsock-popup-rendered').length) performance.mark('windsock-popup-rendered');
  }, [tab, loaded]);

  if (error) {
    return (
      <main class="popup" data-verdict="error">
        <Header />
        <p role="alert" class="error">{t('popupError', [error])}</p>
      </main>
    );
  }
  if (tab === undefined || !loaded) {
    return (
      <main class="popup" data-verdict="loading" aria-busy="true">
        <Header />
        <p class="muted">{t('popupLoading')}</p>
      </main>
    );
  }
  if (tab === null) {
    return (
      <main class="popup" data-verdict="none">
        <Header />
        <p>{t('popupNoTab')}</p>
      </main>
    );
  }
  const surface: SurfaceDef | null = surfaceOf(tab.url);
  if (!surface) {
    return (
      <main class="popup" data-verdict="none">
        <Header />
        <p>{t('popupNotMistral')}</p>
        <Footer />
      </main>
    );
  }

  const now = Date.now();
  // The store as this tab's organization sees it (the badge uses the same rule, lib/background/shared.ts).
  const tabOrg = orgForTab(loaded.store, tabOrgs, tab.id, tab.url);
  const store = tabOrg === loaded.store.currentOrg ? loaded.store : { ...loaded.store, currentOrg: tabOrg };
  const input = verdictInput(store, surface.product, surface.id, now);
  const verdict = computeVerdict(input);
  const org = currentOrg(store);
  const trainingKey = surface.product === 'vibe' ? 'vibe-training' : 'api-training';

  const onDeclare = async (key: 'plan' | 'training', value: string | null) => {
    setBusy(true);
    try {
      const k = key === 'plan' ? (`plan:${surface.product}` as const) : trainingKey;
      const res = await send({ type: 'declare', key: k, value: value as never, org: tabOrg });
      if (!res.ok) setError(res.error ?? '');
    } catch (e) {
      setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="popup" data-verdict={verdict.state} data-surface={surface.id} data-product={surface.product}>
      <Header />
      <p class="muted on-page">
        {t('popupOnPage', [surfaceLabel(surface.id)])} · {t(surface.product === 'vibe' ? 'productVibe' : 'productApi')}
      </p>
      {loaded.newerVersion !== undefined && (
        <p role="alert" class="note" data-newer-store={loaded.newerVersion}>
          {t('optionsNewerStore', [String(loaded.newerVersion)])}
        </p>
      )}
      {tabOrg === UNKNOWN_ORG && (
        <p class="note" data-unknown-org="true">
          {t('unknownOrg')}
        </p>
      )}
      <VerdictView verdict={verdict} input={input} now={now} observations={org.observations}>
        <DeclareForm
          product={surface.product}
          ask={verdict.ask}
          plan={input.plan}
          training={input.controls[trainingKey]}
          onDeclare={onDeclare}
          busy={busy}
        />
      </VerdictView>
      {loaded.store.shares.length > 0 && (
        <section class="section" aria-labelledby="h-shares">
          <h2 id="h-shares">{t('popupShares')}</h2>
          <p class="muted small">{t('popupSharesHint')}</p>
          <ul class="shares">
            {[...loaded.store.shares].reverse().map((sh) => (
              <li key={sh.chatId} data-share={sh.chatId}>
                <a href={`https://chat.mistral.ai/chat/${sh.chatId}`} target="_blank" rel="noopener noreferrer">
                  {t('popupShareOpen', [timeAgo(sh.at, now)])}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Diagnostics tabId={tab.id} />
      <Footer />
    </main>
  );
}

function Header() {
  return (
    <header class="popup-header">
      <img src="/icon/32.png" alt="" width="20" height="20" />
      <h1>{t('popupTitle')}</h1>
    </header>
  );
}

function Footer() {
  return (
    <footer class="popup-footer">
      <a
        href={browser.runtime.getURL('/options.html')}
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('popupOptions')}
      </a>
      {' · '}
      <a href={browser.runtime.getURL('/rights.html')} target="_blank" rel="noopener" data-link="rights">
        {t('popupRights')}
      </a>
    </footer>
  );
}
