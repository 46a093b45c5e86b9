/**
 * The popup: the verdict for one tab. Which tab: `?tab=<id>` in the address (tests, and people who open the
 * popup in a tab), otherwise the active tab of the current window. The verdict is computed in the background
 * (lib/popup-state.ts: the same function, store and organization rule as the badge) and arrives as plain data,
 * so the popup loads neither zod nor the policy knowledge; it is asked again on every store change.
 * entrypoints/popup/main.tsx renders the popup once the verdict and the language's catalog are both in.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyDocLang, loadLang, setLang, surfaceLabel, t, timeAgo, type Lang } from '@/lib/i18n';
import type { PopupState } from '@/lib/popup-state';
import type { Citation } from '@/lib/policy/schema';
import { send } from '@/lib/client';
import { CitationLookupContext, VerdictView, type CitationLookup } from './VerdictView';
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

/** Ask the background for a tab's verdict (found first when not given). */
export async function fetchPopupState(tab?: TabInfo): Promise<PopupState> {
  const tb = tab === undefined ? await findTab() : tab;
  const res = (await browser.runtime.sendMessage({
    type: 'popup-state',
    ...(tb ? { tabId: tb.id, url: tb.url } : {}),
    uiLang: browser.i18n.getUILanguage(),
  })) as { ok?: boolean; error?: string; state?: PopupState } | undefined;
  if (!res?.ok || !res.state) throw new Error(res?.error ?? 'no answer from the background');
  return res.state;
}

/** Speak the state's language: its catalog loaded first, so the text and the direction change together. */
export async function speak(lang: Lang): Promise<void> {
  await loadLang(lang);
  setLang(lang);
  applyDocLang(lang);
}

const lookupOf = (st: PopupState): CitationLookup => ({
  source: (id) => st.sources[id],
  quoteKey: (c: Citation) => st.quoteKeys[c.quote],
});

export function Popup({ initial, error: initialError }: { initial?: PopupState; error?: string }) {
  const [state, setState] = useState<PopupState | undefined>(initial);
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    let tab: TabInfo = initial?.tab ? { id: initial.tab.id, url: initial.tab.url } : null;
    let asked = 0;
    const refresh = () => {
      const n = ++asked;
      fetchPopupState(tab)
        .then(async (st) => {
          await speak(st.lang);
          if (alive && n === asked) setState(st);
        })
        .catch((e) => alive && setError(String(e?.message ?? e)));
    };
    // Any change of the store (storage.local) or of which organization a tab showed (storage.session).
    const onChanged = () => refresh();
    browser.storage.onChanged.addListener(onChanged);
    // Follow the tab through in-app navigation while the popup is open.
    const onUpdated = (id: number, info: { url?: string }) => {
      if (info.url && tab && tab.id === id) {
        tab = { id, url: info.url };
        refresh();
      }
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  // For the benchmark (scripts/bench.ts): when the popup first shows its answer (after that render is painted).
  useEffect(() => {
    if ((state || error) && !performance.getEntriesByName('windsock-popup-rendered').length)
      performance.mark('windsock-popup-rendered');
  }, [state, error]);

  if (error || !state) {
    return (
      <main class="popup" data-verdict="error">
        <Header />
        <p role="alert" class="error">
          {t('popupError', [error ?? ''])}
        </p>
      </main>
    );
  }
  const { tab, surface, verdict, input } = state;
  if (tab === null) {
    return (
      <main class="popup" data-verdict="none">
        <Header />
        <p>{t('popupNoTab')}</p>
      </main>
    );
  }
  if (!surface || !verdict || !input) {
    return (
      <main class="popup" data-verdict="none">
        <Header />
        <p>{t('popupNotMistral')}</p>
        <Footer />
      </main>
    );
  }

  const now = state.now;
  const trainingKey = surface.product === 'vibe' ? 'vibe-training' : 'api-training';

  const onDeclare = async (key: 'plan' | 'training', value: string | null) => {
    setBusy(true);
    try {
      const k = key === 'plan' ? (`plan:${surface.product}` as const) : trainingKey;
      const res = await send({ type: 'declare', key: k, value: value as never, org: state.org });
      if (!res.ok) setError(res.error ?? '');
    } catch (e) {
      setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CitationLookupContext.Provider value={lookupOf(state)}>
      <main class="popup" data-verdict={verdict.state} data-surface={surface.id} data-product={surface.product}>
        <Header />
        <p class="muted on-page">
          {t('popupOnPage', [surfaceLabel(surface.id)])} ·{' '}
          {t(surface.product === 'vibe' ? 'productVibe' : 'productApi')}
        </p>
        {state.newerVersion !== undefined && (
          <p role="alert" class="note" data-newer-store={state.newerVersion}>
            {t('optionsNewerStore', [String(state.newerVersion)])}
          </p>
        )}
        {state.unknownOrg && (
          <p class="note" data-unknown-org="true">
            {t('unknownOrg')}
          </p>
        )}
        <VerdictView verdict={verdict} input={input} now={now} observations={state.observations}>
          <DeclareForm
            product={surface.product}
            plans={state.plans}
            ask={verdict.ask}
            plan={input.plan}
            training={input.controls[trainingKey]}
            onDeclare={onDeclare}
            busy={busy}
          />
        </VerdictView>
        {state.shares.length > 0 && (
          <section class="section" aria-labelledby="h-shares">
            <h2 id="h-shares">{t('popupShares')}</h2>
            <p class="muted small">{t('popupSharesHint')}</p>
            <ul class="shares">
              {[...state.shares].reverse().map((sh) => (
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
    </CitationLookupContext.Provider>
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
