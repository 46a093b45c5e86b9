/** Where the plan or the training setting is unknown, the user can say what it is; stored and labelled as theirs. */
import type { PlanId, Product } from '@/lib/policy/schema';
import { planLabel, t } from '@/lib/i18n';
import type { Known } from '@/lib/verdict';

export interface DeclareProps {
  product: Product;
  /** The plans the user may declare on this product (from the background: the popup bundles no knowledge). */
  plans: PlanId[];
  ask: ('plan' | 'training')[];
  plan: Known<string> | null;
  training: Known<string> | undefined;
  onDeclare: (key: 'plan' | 'training', value: string | null) => void;
  busy: boolean;
}

export function DeclareForm({ plans, ask, plan, training, onDeclare, busy }: DeclareProps) {
  const planDeclared = plan?.via === 'declared';
  const trainingDeclared = training?.via === 'declared';
  const showPlan = ask.includes('plan') || planDeclared;
  const showTraining = ask.includes('training') || trainingDeclared;
  if (!showPlan && !showTraining) return null;
  return (
    <section class="section declare" aria-labelledby="h-declare">
      <h2 id="h-declare">{t('popupDeclareTitle')}</h2>
      <p class="muted">{t('popupDeclareHint')}</p>
      {showPlan && (
        <label class="field">
          <span>{t('popupDeclarePlan')}</span>
          <select
            name="plan"
            disabled={busy}
            value={planDeclared ? plan!.value : ''}
            onChange={(e) => onDeclare('plan', (e.currentTarget as HTMLSelectElement).value || null)}
          >
            <option value="">{t('popupDeclareChoose')}</option>
            {plans.map((p) => (
              <option key={p} value={p}>
                {planLabel(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      {showTraining && (
        <label class="field">
          <span>{t('popupDeclareTraining')}</span>
          <select
            name="training"
            disabled={busy}
            value={trainingDeclared ? training!.value : ''}
            onChange={(e) => onDeclare('training', (e.currentTarget as HTMLSelectElement).value || null)}
          >
            <option value="">{t('popupDeclareChoose')}</option>
            <option value="on">{t('popupDeclareTrainingOn')}</option>
            <option value="off">{t('popupDeclareTrainingOff')}</option>
          </select>
        </label>
      )}
      {(planDeclared || trainingDeclared) && (
        <button
          type="button"
          class="link-button"
          disabled={busy}
          onClick={() => {
            if (planDeclared) onDeclare('plan', null);
            if (trainingDeclared) onDeclare('training', null);
          }}
        >
          {t('popupDeclareClear')}
        </button>
      )}
    </section>
  );
}
