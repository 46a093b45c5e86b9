/**
 * Retention and zero data retention: how long Mistral keeps what, per product and plan (with citations), the
 * Chat Retention Policy Windsock saw on the Admin Panel, and — for Studio and API users — what ZDR covers and
 * never covers, from the API plan and ZDR status seen.
 */
import { CITE } from '@/lib/policy/knowledge';
import { planLabel, surfaceLabel, t, timeAgo, valueLabel } from '@/lib/i18n';
import type { Observation, Store } from '@/lib/store/schema';
import { FIX_URLS } from '@/lib/surfaces';
import { NOT_COVERED_KEYS, RETENTION_EXTRA, retentionView, type RetentionRow } from '@/lib/rights/retention';
import { rt } from '@/lib/rights/t';
import { Citations } from './VerdictView';

function PlanSeen({ obs, now }: { obs: Observation | undefined; now: number }) {
  if (!obs) return <p class="muted">{rt('ret_plan_unknown')}</p>;
  return (
    <p data-plan-seen={String(obs.value)}>
      {rt('ret_plan_seen', [
        planLabel(String(obs.value)),
        surfaceLabel(obs.where) || obs.where,
        timeAgo(obs.seenAt, now),
      ])}
    </p>
  );
}

function Rows({ rows }: { rows: RetentionRow[] }) {
  return (
    <ul class="ret-rows">
      {rows.map((r) => (
        <li key={r.id} data-ret={r.id}>
          {rt(r.claimKey)}
          <Citations citations={r.citations} />
        </li>
      ))}
    </ul>
  );
}

export function Retention({ store }: { store: Store }) {
  const now = Date.now();
  const view = retentionView(store);
  const group = (id: 'vibe' | 'api' | 'other') => view.groups.find((g) => g.id === id)!.rows;
  const cr = view.chatRetention;
  const zdr = view.zdr;
  let zdrStatus: string;
  if (zdr.state === 'on')
    zdrStatus = rt('zdr_status_on', [surfaceLabel(zdr.seen!.where) || zdr.seen!.where, timeAgo(zdr.seen!.seenAt, now)]);
  else if (zdr.state === 'available') zdrStatus = rt('zdr_status_available');
  else if (zdr.state === 'not-scale') zdrStatus = rt('zdr_status_not_scale', [planLabel(zdr.plan)]);
  else zdrStatus = rt('zdr_status_unknown');

  return (
    <section id="retention" class="rights-section" aria-labelledby="h-retention">
      <h2 id="h-retention">{rt('ret_title')}</h2>
      <p>{rt('ret_intro')}</p>
      <p class="muted small">{rt('ret_source_note')}</p>

      <div class="ret-group" data-group="vibe">
        <h3>{t('productVibe')}</h3>
        <PlanSeen obs={view.vibePlan} now={now} />
        <div class="card" data-chat-retention={cr ? cr.value : 'unseen'}>
          <h4>{rt('ret_chat_policy_title')}</h4>
          {cr ? (
            <>
              <p>
                <strong>
                  {rt('ret_chat_policy_seen', [
                    valueLabel(cr.value),
                    surfaceLabel(cr.where) || cr.where,
                    timeAgo(cr.seenAt, now),
                  ])}
                </strong>
              </p>
              <p>
                {cr.value === 'never'
                  ? rt('ret_chat_policy_never')
                  : rt('ret_chat_policy_auto', [valueLabel(cr.value)])}
              </p>
            </>
          ) : (
            <p>{rt('ret_chat_policy_unseen')}</p>
          )}
          <p>
            <a href={FIX_URLS.vibePrivacy} target="_blank" rel="noopener noreferrer">
              {rt('ret_open_vibe_privacy')}
            </a>
          </p>
          <Citations citations={[CITE.docsRetention]} />
        </div>
        <Rows rows={group('vibe')} />
      </div>

      <div class="ret-group" data-group="api">
        <h3>{t('productApi')}</h3>
        <PlanSeen obs={view.apiPlan} now={now} />
        <Rows rows={group('api')} />
        <div class="card zdr" data-zdr={zdr.state}>
          <h4>{rt('zdr_title')}</h4>
          <p>{rt('zdr_what')}</p>
          <p class={zdr.state === 'on' ? 'ok' : 'note'} data-zdr-status>
            {zdrStatus}
          </p>
          {zdr.state !== 'on' && <p>{rt('zdr_how')}</p>}
          <p>
            <a href={FIX_URLS.apiPrivacy} target="_blank" rel="noopener noreferrer">
              {rt('zdr_open_api_privacy')}
            </a>
          </p>
          <Citations citations={zdr.citations} />
          <div class="zdr-lists">
            <div>
              <h5 id="h-zdr-covered">{rt('zdr_covered')}</h5>
              <ul aria-labelledby="h-zdr-covered" data-zdr-list="covered">
                {view.zdrEndpoints.covered.map((e) => (
                  <li key={e}>
                    <code>{e}</code>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h5 id="h-zdr-not-covered">{rt('zdr_not_covered')}</h5>
              <ul aria-labelledby="h-zdr-not-covered" data-zdr-list="not-covered">
                {view.zdrEndpoints.notCovered.map((e) => (
                  <li key={e}>{NOT_COVERED_KEYS[e] ? rt(NOT_COVERED_KEYS[e]) : e}</li>
                ))}
              </ul>
            </div>
          </div>
          <p>{rt('zdr_cli')}</p>
          <Citations citations={[...view.zdrEndpoints.citations, RETENTION_EXTRA.zdrCli]} />
        </div>
      </div>

      <div class="ret-group" data-group="other">
        <h3>{rt('ret_other_title')}</h3>
        <Rows rows={group('other')} />
      </div>
    </section>
  );
}
