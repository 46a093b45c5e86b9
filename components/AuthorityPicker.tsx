/**
 * The data protection authority a complaint goes to: a list grouped by country (country names in the page's
 * language, from Intl.DisplayNames), defaulting to the one the browser's language suggests, with the chosen
 * authority's postal address, online page, what the entry rests on, the lead-authority note and, outside the
 * GDPR, which law applies. The choice lives in the rights page's state (not stored).
 */
import { AUTHORITIES, authorityById, type Authority } from '@/lib/rights/authorities';
import { bcp47, getLang, type Lang } from '@/lib/i18n';
import { rt } from '@/lib/rights/t';

function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([bcp47(lang)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([bcp47(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function groups(lang: Lang): [string, Authority[]][] {
  const by = new Map<string, Authority[]>();
  for (const a of AUTHORITIES) by.set(a.country, [...(by.get(a.country) ?? []), a]);
  const collator = new Intl.Collator(bcp47(lang));
  return [...by.entries()]
    .map(([c, list]) => [countryName(c, lang), list] as [string, Authority[]])
    .sort((x, y) => collator.compare(x[0], y[0]));
}

export function AuthorityPicker({
  value,
  onChange,
  idPrefix = 'authority',
}: {
  value: string;
  onChange: (id: string) => void;
  idPrefix?: string;
}) {
  const lang = getLang();
  const a = authorityById(value);
  const basisKey =
    a.basis === 'authority-page'
      ? 'authority_basis_page'
      : a.basis === 'third-party-page'
        ? 'authority_basis_third'
        : 'authority_basis_memory';
  return (
    <div class="authority" data-authority={a.id} data-law={a.law}>
      <div class="form-row">
        <label for={`${idPrefix}-select`}>{rt('authority_label')}</label>
        <select
          id={`${idPrefix}-select`}
          name="authority"
          value={a.id}
          onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
        >
          {groups(lang).map(([country, list]) =>
            list.length === 1 ? (
              <option key={list[0].id} value={list[0].id}>
                {country} — {list[0].short}
              </option>
            ) : (
              <optgroup key={country} label={country}>
                {list.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.region ? `${x.region} — ${x.short}` : x.short}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
      {a.country === 'DE' && <p class="muted small">{rt('authority_choose_land')}</p>}
      {a.law === 'fadp' && <p class="note">{rt('authority_fadp')}</p>}
      {a.law === 'lgpd' && <p class="note">{rt('authority_lgpd')}</p>}
      <p class="authority-name" lang={a.languages[0]}>
        <strong>{a.name}</strong>
      </p>
      <p class="small">
        {rt('authority_address')}:{' '}
        <span class="postal" lang={a.languages[0]} dir="auto">
          {a.postal.join(', ')}
        </span>
      </p>
      <p class="small">
        {a.urlKind === 'complaint' ? rt('authority_online') : rt('authority_home')}:{' '}
        <a href={a.url} target="_blank" rel="noopener noreferrer" dir="ltr">
          {a.url}
        </a>
      </p>
      <p class="muted small" data-basis={a.basis}>
        {rt(basisKey, [a.checked])}
      </p>
    </div>
  );
}
