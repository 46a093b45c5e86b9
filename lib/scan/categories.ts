/**
 * The scanner's categories, highest priority first: where two findings overlap, the earlier category wins.
 * A module of its own so the background can name them (translated labels) without the scanner's tables.
 */
export type Category =
  'secret' | 'iban' | 'card' | 'nir' | 'siret' | 'siren' | 'phone' | 'ip' | 'email' | 'address' | 'health';

export const CATEGORIES: readonly Category[] = [
  'secret',
  'iban',
  'card',
  'nir',
  'siret',
  'siren',
  'phone',
  'ip',
  'email',
  'address',
  'health',
];
