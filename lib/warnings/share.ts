/**
 * The warning before a public share link: "Share by link" in the Share dialog, and the switch that makes the
 * link accessible to anyone (switching it on is warned, off is not; showing a link already public is not a new
 * exposure). A confirmed share is recorded (chat id and time only) so the popup can list the chats shared.
 * Label texts are filed under their provenance (`docs`, `3rd`, `guess`), as in lib/detect/rules.ts.
 */
import { accessibleName } from '../detect/controls';
import { labelTextsOf, type LabelSet } from '../detect/rules';
import { textMatches } from '../detect/text';
import { isOn, isToggle, label, type Matcher } from './match';
import { defineWarning, inPageWarning } from './types';

export const SHARE_LABELS: { link: LabelSet; public: LabelSet } = {
  /** The choice in the Share dialog that creates a public link (docs: "Share by link"). */
  link: {
    en: { docs: ['share by link'], guess: ['share via link', 'create link'] },
    fr: { guess: ['partager par lien', 'partager via un lien', 'partager avec un lien', 'créer un lien'] },
    de: { guess: ['per link teilen', 'über link teilen', 'link erstellen'] },
    es: { guess: ['compartir por enlace', 'compartir mediante enlace', 'crear enlace'] },
    it: { guess: ['condividi tramite link', 'condividi con link', 'crea link'] },
    pl: { guess: ['udostępnij przez link', 'udostępnij linkiem', 'utwórz link'] },
    pt_BR: { guess: ['compartilhar por link', 'compartilhar via link', 'criar link'] },
    ar: { guess: ['المشاركة عبر رابط', 'مشاركة عبر رابط', 'إنشاء رابط'] },
  },
  /** The switch that makes (or keeps) the link public (docs: "Link accessible to anyone"). */
  public: {
    en: { docs: ['link accessible to anyone'], guess: ['anyone with the link'] },
    fr: { guess: ['lien accessible à tous', 'toute personne disposant du lien', 'accessible à tous'] },
    de: { guess: ['link für alle zugänglich', 'jeder mit dem link'] },
    es: { guess: ['enlace accesible para cualquiera', 'cualquier persona con el enlace'] },
    it: { guess: ['link accessibile a chiunque', 'chiunque abbia il link'] },
    pl: { guess: ['link dostępny dla każdego', 'każdy, kto ma link'] },
    pt_BR: { guess: ['link acessível a qualquer pessoa', 'qualquer pessoa com o link'] },
    ar: { guess: ['الرابط متاح للجميع', 'أي شخص لديه الرابط'] },
  },
};

const SHARE = {
  linkLabels: /* @__PURE__ */ labelTextsOf(SHARE_LABELS, 'link'),
  /** Switching it on is warned, switching it off is not. */
  publicLabels: /* @__PURE__ */ labelTextsOf(SHARE_LABELS, 'public'),
};

const SURFACES = ['vibe-chat', 'vibe-project', 'vibe-work', 'vibe-code', 'vibe-other'] as const;

const matchShare: Matcher = (el, surface) => {
  if (!(SURFACES as readonly string[]).includes(surface)) return null;
  const doc = el.ownerDocument ?? document;
  if (isToggle(el)) {
    if (!textMatches(accessibleName(el, doc), SHARE.publicLabels, true, true)) return null;
    return { warning: 'share', kind: 'share-public', element: el, clearing: isOn(el), signals: ['label'] };
  }
  if (!textMatches(label(el), SHARE.linkLabels, true)) return null;
  // Already public (the dialog's switch is on): showing the link again is not a new exposure.
  const dialog = el.closest('[role="dialog"], [role="alertdialog"]') ?? el.ownerDocument;
  const sw = dialog
    ? Array.from(dialog.querySelectorAll('[role="switch"], input[type="checkbox"]')).find((s) =>
        textMatches(accessibleName(s, doc), SHARE.publicLabels, true, true),
      )
    : undefined;
  const alreadyPublic = !!sw && !(sw as HTMLElement).closest('[hidden]') && isOn(sw);
  return { warning: 'share', kind: 'share-link', element: el, clearing: alreadyPublic, signals: ['label'] };
};

/** What the chat page's UI script carries. */
export const inPage = inPageWarning({
  id: 'share',
  page: 'chat',
  dontAsk: true,
  failure: 'cautious-warning',
  match: matchShare,
  dialog: (s, m) => ({
    title: s.shareTitle,
    body: [s.shareBody, s.shareRevoke],
    source: s.shareSource,
    confirm: m.kind === 'share-public' ? s.sharePublicConfirm : s.shareConfirm,
  }),
  confirmed: (_m, kit) => {
    const chatId = /\/chat\/([0-9a-f-]{36})/i.exec(location.pathname)?.[1];
    if (chatId) void kit.ask({ type: 'record-share', url: location.href, chatId });
  },
});

export const warning = /* @__PURE__ */ defineWarning(inPage, {
  surfaces: SURFACES,
  strings: {
    shareTitle: 'shareTitle',
    shareBody: 'shareBody',
    shareRevoke: 'shareRevoke',
    shareSource: { cite: 'docsSharing' },
    shareConfirm: 'shareConfirm',
    sharePublicConfirm: 'sharePublicConfirm',
  },
});
