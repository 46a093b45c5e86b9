/**
 * Import first in every entry that uses zod: no code generation at run time (extension CSP forbids eval, and
 * the stores' linters flag it).
 */
import { z } from 'zod';

z.config({ jitless: true });
