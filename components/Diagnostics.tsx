/**
 * "What Windsock sees here": the surface, each detector and whether it matched, the plan signals; and a
 * button that copies a diagnostic report (detector results and the page's structure skeleton, never text).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { controlLabel, dynKey, planLabel, surfaceLabel, t } from '@/lib/i18n';
import type { Diagnosis } from '@/lib/page/run';

export function Diagnostics({ tabId }: { tabId: number }) {
  const [diag, setDiag] = useState<Diagnosis | null | 'none'>(null);
  const [copied, setCopied] = useState<string>('');

  useEffect(() => {
    let alive = true;
    browser.tabs
      .sendMessage(tabId, { type: 'diagnose' })
      .then((d) => alive && setDiag((d as Diagnosis) ?? 'none'))
      .catch(() => alive && setDiag('none'));
    return () => {
      alive = false;
    };
  }, [tabId]);

  const copy = async () => {
    if (!diag || diag === 'none') return;
    const text = JSON.stringify(
      { ...diag, userAgent: navigator.userAgent, reportedAt: new Date().toISOString() },
      null,
      2,
    );
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('diagCopied'));
    } catch {
      setCopied(t('diagCopyFailed'));
    }
  };

  const signals = diag && diag !== 'none' ? diag.planSignals : [];
  const disagree =
    new Set(signals.filter((s) => s.product === 'vibe').map((s) => s.plan)).size > 1 ||
    new Set(signals.filter((s) => s.product === 'api').map((s) => s.plan)).size > 1;

  return (
    <details
      class="section diagnostics"
      data-diagnostics={diag === null ? 'loading' : diag === 'none' ? 'none' : 'ready'}
    >
      <summary>
        <h2 id="h-diag">{t('diagTitle')}</h2>
      </summary>
      {diag === null && <p class="muted">{t('popupLoading')}</p>}
      {diag === 'none' && <p class="muted">{t('diagNoContentScript')}</p>}
      {diag && diag !== 'none' && (
        <>
          <p>
            {t('diagSurface')}: <strong>{surfaceLabel(diag.surface) || '—'}</strong>
          </p>
          <ul class="detectors">
            {diag.detectors.map((d) => (
              <li
                key={d.id}
                data-detector={d.id}
                data-matched={String(d.matched)}
                {...(d.matched && d.how ? { 'data-how': d.how } : {})}
              >
                {d.matched ? '✓' : '✗'}{' '}
                {d.id.startsWith('plan:') ? `${t('popupPlan')} (${d.id.slice(5)})` : controlLabel(d.id)}
                {d.matched && d.value ? `: ${d.value}` : ` — ${t('diagNotFound')}`}
                {d.locked ? ` (${t('popupLocked')})` : ''}
                {d.matched && d.how?.startsWith('order ') ? ` — ${t('diagByOrder')}` : ''}
              </li>
            ))}
            {diag.detectors.length === 0 && <li class="muted">{t('diagNoDetectors')}</li>}
          </ul>
          <p>
            {t('diagAccountData')}: {t(dynKey('diagAccount_', diag.accountData.replace('-', '_')))}
          </p>
          {signals.length > 0 && (
            <ul class="signals">
              {signals.map((s, i) => (
                <li key={i} data-signal={s.kind}>
                  {s.product === 'vibe' ? 'Vibe' : 'API'}: {planLabel(s.plan)} — {s.kind} (
                  {Math.round(s.confidence * 100)}%)
                </li>
              ))}
            </ul>
          )}
          {disagree && (
            <p class="note" role="note">
              {t('diagSignalsDisagree')}
            </p>
          )}
          <button type="button" onClick={copy} data-action="copy-report">
            {t('diagCopy')}
          </button>
          <span role="status" aria-live="polite" class="muted">
            {' '}
            {copied}
          </span>
          <p class="muted small">{t('diagPrivacy')}</p>
        </>
      )}
    </details>
  );
}
