/** The verdict, in words: headline, plan and how it is known, reasons with sources, conflicts, caveats, fixes. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Citation } from '@/lib/policy/schema';
import {
  controlLabel,
  getLang,
  hasKey,
  planLabel,
  surfaceLabel,
  t,
  timeAgo,
  tm,
  valueLabel,
  type MessageKey,
} from '@/lib/i18n';
import type { Known, Verdict, VerdictInput } from '@/lib/verdict';
import type { Observation } from '@/lib/store/schema';

/**
 * What a citation names, looked up in the policy knowledge: the rights page passes the knowledge itself; the
 * popup, what the background sent with the verdict (so the popup bundles neither the knowledge nor zod).
 */
export interface CitationLookup {
  source(id: Citation['source']): { title: string; date: string; file: string } | undefined;
  quoteKey(c: Citation): MessageKey | undefined;
}
export const CitationLookupContext = createContext<CitationLookup>({
  source: () => undefined,
  quoteKey: () => undefined,
});

/** Beside an English quote, its translation when the page is in another language and one exists. */
function quoteTranslation(c: Citation, lookup: CitationLookup) {
  const key = lookup.quoteKey(c);
  const lang = getLang();
  if (!key || lang === 'en' || !hasKey(key, lang)) return null;
  return (
    <p class="quote-translation muted small" data-quote-translation={key}>
      {t('quoteTranslation', [t(key)])}
    </p>
  );
}

export function Citations({ citations }: { citations: Citation[] }) {
  const lookup = useContext(CitationLookupContext);
  if (!citations.length) return null;
  return (
    <details class="sources">
      <summary>
        {t('popupMoreSources')} ({citations.length})
      </summary>
      <ul>
        {citations.map((c, i) => {
          const s = lookup.source(c.source) ?? { title: c.source, date: '', file: '' };
          return (
            <li key={i} data-source={c.source}>
              {/* Titles, files and quotes are English: isolated left to right inside a right-to-left page. */}
              <cite lang="en" dir="ltr">
                {s.title}
              </cite>{' '}
              <bdi class="muted" dir="ltr">
                ({s.date}, {s.file})
              </bdi>
              , {t('sourceSection', [c.section])}
              <blockquote lang="en" dir="ltr">
                “{c.quote}”
              </blockquote>
              {quoteTranslation(c, lookup)}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function Provenance({ known, now }: { known: Known<unknown>; now: number }) {
  let how: string;
  if (known.via === 'declared') how = t('viaDeclared');
  else {
    const where = surfaceLabel(known.where) || String(known.where ?? '');
    how = t(
      known.via === 'account-data' ? 'viaAccountData' : known.via === 'visible-cue' ? 'viaVisibleCue' : 'viaPage',
      [where],
    );
  }
  return (
    <span class="provenance" data-via={known.via}>
      {how}
      {known.seenAt ? `, ${timeAgo(known.seenAt, now)}` : ''}
      {known.stale ? ` ${t('staleMark')}` : ''}
    </span>
  );
}

function Section({ title, children, id }: { title: string; children: ComponentChildren; id: string }) {
  return (
    <section aria-labelledby={`h-${id}`} class={`section section-${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export function VerdictView({
  verdict,
  input,
  now,
  observations,
  children,
}: {
  verdict: Verdict;
  input: VerdictInput;
  now: number;
  observations: Partial<Record<string, Observation>>;
  /** Shown right under the plan: the form to declare what Windsock does not know yet. */
  children?: ComponentChildren;
}) {
  const stateKey =
    verdict.state === 'training'
      ? 'stateTraining'
      : verdict.state === 'not-training'
        ? 'stateNotTraining'
        : 'stateUnknown';
  const controls = Object.entries(input.controls);
  return (
    <div class="verdict">
      <div class={`headline state-${verdict.state}`} role="status">
        <span class="state-pill" aria-hidden="true">
          {verdict.state === 'training' ? 'ON' : verdict.state === 'not-training' ? 'OFF' : '?'}
        </span>
        <div>
          <strong class="state-name">{t(stateKey)}</strong>
          <p class="headline-text" data-headline={verdict.headline.key}>
            {tm(verdict.headline)}
          </p>
        </div>
      </div>

      <dl class="facts-list">
        <dt>{t('popupPlan')}</dt>
        <dd data-plan={input.plan?.value ?? 'unknown'}>
          {input.plan ? (
            <>
              <strong>{planLabel(input.plan.value)}</strong> — <Provenance known={input.plan} now={now} />
            </>
          ) : (
            t('popupPlanUnknown')
          )}
          {observations[`plan:${verdict.product}`]?.disputed ? (
            <p class="note" data-disputed="plan">
              {t('popupDisputed', [planLabel(String(observations[`plan:${verdict.product}`]!.disputed!.value))])}{' '}
              <Provenance
                known={{
                  ...observations[`plan:${verdict.product}`]!.disputed!,
                  value: observations[`plan:${verdict.product}`]!.disputed!.value,
                }}
                now={now}
              />
            </p>
          ) : null}
          {observations[`plan:${verdict.product}`]?.replaced ? (
            <p class="note">
              {t('popupReplaced', [planLabel(String(observations[`plan:${verdict.product}`]!.replaced!.value))])}
            </p>
          ) : null}
        </dd>
      </dl>

      {children}

      <Section title={t('popupSettingsSeen')} id="settings">
        {controls.length === 0 ? (
          <p class="muted">{t('popupNoSettingsSeen')}</p>
        ) : (
          <ul class="settings">
            {controls.map(([id, k]) => (
              <li key={id} data-control={id} data-value={k!.value}>
                {controlLabel(id)}: <strong>{valueLabel(String(k!.value))}</strong> —{' '}
                <Provenance known={k!} now={now} />
                {observations[id]?.locked ? <em> ({t('popupLocked')})</em> : null}
                {observations[id]?.replaced ? (
                  <p class="note">{t('popupReplaced', [valueLabel(String(observations[id]!.replaced!.value))])}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('popupReasons')} id="reasons">
        <ul class="reasons">
          {verdict.reasons.map((r) => (
            <li key={r.id} data-reason={r.id}>
              {tm(r.msg)}
              <Citations citations={r.citations} />
            </li>
          ))}
        </ul>
      </Section>

      {verdict.conflicts.length > 0 && (
        <Section title={t('popupConflicts')} id="conflicts">
          {verdict.conflicts.map((c) => (
            <div key={c.id} class="conflict" data-conflict={c.id}>
              <p>{tm(c.topic)}</p>
              <ul>
                {c.sides.map((s, i) => (
                  <li key={i}>
                    <strong>{tm(s.msg)}</strong>
                    <Citations citations={s.citations} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      )}

      {verdict.fixes.length > 0 && (
        <Section title={t('popupFixes')} id="fixes">
          <ul class="fixes">
            {verdict.fixes.map((f) => (
              <li key={f.id} data-fix={f.id} class={f.applied ? 'applied' : ''}>
                {f.url ? (
                  <a href={f.url} target="_blank" rel="noopener noreferrer">
                    {tm(f.msg)}
                  </a>
                ) : (
                  <span>{tm(f.msg)}</span>
                )}
                {f.applied ? <span class="done"> ✓ {t('fixApplied')}</span> : null}
                {f.adminOnly ? <p class="note">{t('fixAdminOnly')}</p> : null}
                {f.steps ? (
                  <ol>
                    {f.steps.map((s) => (
                      <li key={s.key}>{tm(s)}</li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('popupCaveats')} id="caveats">
        <ul class="caveats">
          {verdict.caveats.map((c) => (
            <li key={c.id} data-caveat={c.id}>
              {tm(c.msg)}
              <Citations citations={c.citations} />
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
