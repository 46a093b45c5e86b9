import '@/lib/zod-setup';
import { render } from 'preact';
import { Rights } from '@/components/Rights';
import { CitationLookupContext } from '@/components/VerdictView';
import { loadLang, onLangReady, t } from '@/lib/i18n';
import { startLang } from '@/lib/page-lang';
import { quoteKeyOf, sourceById } from '@/lib/policy/knowledge';
import '@/components/styles.css';
import '@/components/rights.css';

const LOOKUP = { source: sourceById, quoteKey: quoteKeyOf };
const root = document.getElementById('app')!;
const draw = () => {
  render(
    <CitationLookupContext.Provider value={LOOKUP}>
      <Rights />
    </CitationLookupContext.Provider>,
    root,
  );
  document.title = `${t('rights_page_title')} — Windsock`; // in the new language too, once its catalog is in
};
// The chosen language's catalog is loaded before the first render, and a new choice re-renders. The letters also
// go out in English or French (Mistral's and the CNIL's languages): those two catalogs come along.
onLangReady(draw);
void Promise.all([startLang(), loadLang('en'), loadLang('fr')]).then(draw, draw);
