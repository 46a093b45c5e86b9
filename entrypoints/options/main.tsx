import '@/lib/zod-setup';
import { render } from 'preact';
import { Options } from '@/components/Options';
import { onLangReady, t } from '@/lib/i18n';
import { startLang } from '@/lib/page-lang';
import '@/components/styles.css';

const root = document.getElementById('app')!;
const draw = () => {
  render(<Options />, root);
  document.title = t('optionsTitle'); // in the new language too, once its catalog is in
};
// One catalog at a time: the chosen language's is loaded before the first render, and a new choice re-renders.
onLangReady(draw);
void startLang().then(draw, draw);
