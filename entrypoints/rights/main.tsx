import '@/lib/zod-setup';
import { render } from 'preact';
import { Rights } from '@/components/Rights';
import '@/components/styles.css';
import '@/components/rights.css';

render(<Rights />, document.getElementById('app')!);
