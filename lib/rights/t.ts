/**
 * Translation for the rights page, the letters, the retention view and the privacy record: their strings are in
 * public/_locales (keys prefixed rights_, letter_, record_, ret_, zdr_), so `rt` is lib/i18n's `t`, kept under
 * this name for those components.
 */
import { t } from '../i18n';

export const rt = t;
