/**
 * Short units that, repeated, make the scanner's worst inputs: the bounded-time property of scan.test.ts and the
 * slicing properties of scan-sliced.test.ts both build from them.
 */
export const ADVERSARIAL_UNITS = [
  '1',
  '1 ',
  '0',
  '06 ',
  '+33',
  '@',
  'a@',
  '.',
  'a',
  'a.',
  ' ',
  'rue ',
  '1 rue ',
  '12 rue De ',
  '1:',
  'ab:',
  '1.2.3.4.',
  'FR76 ',
  '4111-',
  '1111 ',
  '1 85 ',
  'eyJa.',
  'sk-',
  '://a:',
  'password: ',
  '-----BEGIN RSA PRIVATE KEY-----\n',
  'my cancer ',
  'x@y.fr ',
];
