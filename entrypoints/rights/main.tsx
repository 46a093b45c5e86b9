import '@/lib/zod-setup';
import { render } from 'preact';
import { Rights } from '@/components/Rights';
import { CitationLookupContext } from '@/components/VerdictView';
import { onLangReady } from '@/lib/i18n';
import { startLang } from '@/lib/page-lang';
import { quoteKeyOf, sourceById } from '@/lib/policy/knowledge';
import '@/components/styles.css';
import '@/components/rights.css';

const LOOKUP = { source: sourceById, quoteKey: quoteKeyOf };
const root = document.getElementById('app')!;
const draw = () =>
  render(
    <CitationLookupContext.Provider value={LOOKUP}>
      <Rights />
    </CitationLookupContext.Provider>,
    root,
  );
// One catalog at a time: the chosen language's is loaded before the first render, and a new choice re-renders.
onLangReady(draw);
void startLang().then(draw, draw);
