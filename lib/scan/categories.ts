/**
 * The scanner's categories, highest priority first: where two findings overlap, the earlier category wins.
 * A module of its own so that the background can name them (translated labels), and the chat page's UI script
 * can cap and count what it hands the background to scan (lib/page/composer.ts), without the scanner's tables.
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

/** The scanner reads at most this many characters (UTF-16 units) of a text; the composer sends no more. */
export const MAX_LENGTH = 1_000_000;
