/**
 * The warning before switching Labs models on (Admin Panel › API › Privacy): Labs models may train on the
 * organization's API data whatever its data-usage setting. Switching them off is not warned. Its labels are
 * the Admin Panel's own (`L_LABS_MODELS`, lib/detect/rules.ts), read by the controls detector too.
 */
import { accessibleName } from '../detect/controls';
import { L_LABS_MODELS, labelTexts } from '../detect/rules';
import { textMatches } from '../detect/text';
import { isOn, isToggle, type Matcher } from './match';
import { defineWarning, inPageWarning } from './types';

const SURFACES = ['admin-api-privacy'] as const;

const matchLabs: Matcher = (el, surface) => {
  if (!(SURFACES as readonly string[]).includes(surface) || !isToggle(el)) return null;
  if (!textMatches(accessibleName(el, el.ownerDocument ?? document), labelTexts(L_LABS_MODELS), true)) return null;
  return { warning: 'labs', kind: 'labs', element: el, clearing: isOn(el), signals: ['label'] };
};

/** What the Admin Panel's UI script carries. */
export const inPage = inPageWarning({
  id: 'labs',
  page: 'admin',
  dontAsk: true,
  failure: 'cautious-warning',
  match: matchLabs,
  dialog: (s) => ({ title: s.labsTitle, body: [s.labsBody], source: s.labsSource, confirm: s.labsConfirm }),
});

export const warning = /* @__PURE__ */ defineWarning(inPage, {
  surfaces: SURFACES,
  strings: {
    labsTitle: 'labsTitle',
    labsBody: 'labsBody',
    labsSource: { cite: 'docsLabs' },
    labsConfirm: 'labsConfirm',
  },
});
