import '@/lib/zod-setup';
import { render } from 'preact';
import { Options } from '@/components/Options';
import '@/components/styles.css';

render(<Options />, document.getElementById('app')!);
