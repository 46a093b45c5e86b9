/**
 * Data protection authorities a Windsock user can complain to about Mistral AI, as data validated by a zod
 * schema (test/unit/authorities.test.ts): every EU and EEA authority, each German Land's (the user picks the
 * Land; for a private company such as Mistral the Land's authority is the competent one, the federal BfDI
 * supervising federal bodies, telecoms and post), Switzerland's FDPIC (Swiss FADP, not the GDPR) and Brazil's
 * ANPD (LGPD, not the GDPR).
 *
 * Provenance, stated per entry and shown to the user: the entries were written on 2026-11-29 from the
 * authors' knowledge. Where a stored copy of a web page backed an address, `basis` says which kind and
 * `evidence` names the page; everything else is `memory`: not re-checked against the authority's site, and the
 * rights page tells the user to check it before posting anything. `url` is the authority's online complaint
 * page when known (`urlKind: 'complaint'`), otherwise its home page (`'home'`).
 *
 * Law: GDPR Art. 77 lets a person complain to the authority of their habitual residence, place of work or
 * place of the infringement; Mistral AI's main establishment is in France, so the CNIL leads cross-border
 * cases (Art. 56) and a local authority works with it (Art. 60).
 */
import { z } from 'zod';

const CHECKED = '2026-11-29';

export const Authority = z.object({
  id: z.string().regex(/^[a-z]{2}(-[a-z]{2,3})?$/),
  /** ISO 3166-1 alpha-2 country code (uppercase). */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** For Germany's Länder: the Land's name (in German). */
  region: z.string().min(2).optional(),
  /** The official name, in the authority's own language. */
  name: z.string().min(4),
  /** The short name or acronym people use (CNIL, AEPD, UODO…). */
  short: z.string().min(2),
  /** The postal address, one line per element, country last. */
  postal: z.array(z.string().min(2)).min(3),
  url: z.string().url().startsWith('https://'),
  urlKind: z.enum(['complaint', 'home']),
  /** The languages the authority works in (BCP 47 primary subtags). */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  law: z.enum(['gdpr', 'fadp', 'lgpd']),
  basis: z.enum(['authority-page', 'third-party-page', 'memory']),
  /** The stored page that backs the entry, when basis is not memory. */
  evidence: z.string().optional(),
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type Authority = z.infer<typeof Authority>;

type Entry = Omit<Authority, 'checked' | 'basis' | 'law'> & Partial<Pick<Authority, 'basis' | 'law'>>;

const DE = 'Deutschland';
/** [id suffix, short name, Land, official name, postal lines before the country, url] — all from memory. */
const LAENDER: [string, string, string, string, string[], string][] = [
  ['bw', 'LfDI BW', 'Baden-Württemberg', 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg', ['Postfach 10 29 32', '70025 Stuttgart'], 'https://www.baden-wuerttemberg.datenschutz.de/'],
  ['by', 'BayLDA', 'Bayern', 'Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)', ['Promenade 18', '91522 Ansbach'], 'https://www.lda.bayern.de/de/beschwerde.html'],
  ['be', 'BlnBDI', 'Berlin', 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', ['Alt-Moabit 59–61', '10555 Berlin'], 'https://www.datenschutz-berlin.de/'],
  ['bb', 'LDA Brandenburg', 'Brandenburg', 'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg', ['Stahnsdorfer Damm 77', '14532 Kleinmachnow'], 'https://www.lda.brandenburg.de/'],
  ['hb', 'LfDI Bremen', 'Bremen', 'Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen', ['Arndtstraße 1', '27570 Bremerhaven'], 'https://www.datenschutz.bremen.de/'],
  ['hh', 'HmbBfDI', 'Hamburg', 'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit', ['Ludwig-Erhard-Straße 22', '20459 Hamburg'], 'https://datenschutz-hamburg.de/'],
  ['he', 'HBDI', 'Hessen', 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit', ['Postfach 31 63', '65021 Wiesbaden'], 'https://datenschutz.hessen.de/'],
  ['mv', 'LfDI M-V', 'Mecklenburg-Vorpommern', 'Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern', ['Werderstraße 74a', '19055 Schwerin'], 'https://www.datenschutz-mv.de/'],
  ['ni', 'LfD Niedersachsen', 'Niedersachsen', 'Der Landesbeauftragte für den Datenschutz Niedersachsen', ['Prinzenstraße 5', '30159 Hannover'], 'https://www.lfd.niedersachsen.de/'],
  ['nw', 'LDI NRW', 'Nordrhein-Westfalen', 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen', ['Postfach 20 04 44', '40102 Düsseldorf'], 'https://www.ldi.nrw.de/'],
  ['rp', 'LfDI RLP', 'Rheinland-Pfalz', 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz', ['Postfach 30 40', '55020 Mainz'], 'https://www.datenschutz.rlp.de/'],
  ['sl', 'UDZ Saarland', 'Saarland', 'Unabhängiges Datenschutzzentrum Saarland', ['Fritz-Dobisch-Straße 12', '66111 Saarbrücken'], 'https://www.datenschutz.saarland.de/'],
  ['sn', 'SDTB', 'Sachsen', 'Die Sächsische Datenschutz- und Transparenzbeauftragte', ['Postfach 11 01 32', '01330 Dresden'], 'https://www.datenschutz.sachsen.de/'],
  ['st', 'LfD Sachsen-Anhalt', 'Sachsen-Anhalt', 'Der Landesbeauftragte für den Datenschutz Sachsen-Anhalt', ['Postfach 19 47', '39009 Magdeburg'], 'https://datenschutz.sachsen-anhalt.de/'],
  ['sh', 'ULD', 'Schleswig-Holstein', 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein (ULD)', ['Postfach 71 16', '24171 Kiel'], 'https://www.datenschutzzentrum.de/'],
  ['th', 'TLfDI', 'Thüringen', 'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit', ['Postfach 90 04 55', '99107 Erfurt'], 'https://www.tlfdi.de/'],
];

const ENTRIES: Entry[] = [
  {
    id: 'fr',
    country: 'FR',
    name: 'Commission nationale de l’informatique et des libertés',
    short: 'CNIL',
    postal: ['Commission nationale de l’informatique et des libertés (CNIL)', 'Service des plaintes', '3 Place de Fontenoy', 'TSA 80715', '75334 Paris Cedex 07', 'France'],
    url: 'https://www.cnil.fr/fr/plaintes',
    urlKind: 'complaint',
    languages: ['fr'],
    basis: 'third-party-page',
    evidence:
      'Address as stored copies of third-party pages give it (dpo-partage.fr "Comment joindre la CNIL", dases-supap-fsu.over-blog.com); a stored CNIL page (cnil.fr/fr/node/166989) says a complaint must be written in French. The complaint URL is the one Windsock already used.',
  },
  {
    id: 'de',
    country: 'DE',
    name: 'Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
    short: 'BfDI',
    postal: ['Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)', 'Graurheindorfer Straße 153', '53117 Bonn', DE],
    url: 'https://www.bfdi.bund.de/',
    urlKind: 'home',
    languages: ['de'],
    basis: 'third-party-page',
    evidence:
      'Address as a stored third-party privacy notice gives it (beteiligung-abladeoptimierung-mittelrhein.de/datenschutz); a stored mebis.bayern.de page lists what the BfDI supervises (federal bodies, telecoms, post), so for Mistral the Land authority is competent and the BfDI forwards.',
  },
  ...LAENDER.map(([k, short, land, name, lines, url]): Entry => ({
    id: `de-${k}`,
    country: 'DE',
    region: land,
    name,
    short,
    postal: [name, ...lines, DE],
    url,
    urlKind: url.endsWith('beschwerde.html') ? 'complaint' : 'home',
    languages: ['de'],
  })),
  {
    id: 'at',
    country: 'AT',
    name: 'Österreichische Datenschutzbehörde',
    short: 'DSB',
    postal: ['Österreichische Datenschutzbehörde', 'Barichgasse 40–42', '1030 Wien', 'Österreich'],
    url: 'https://www.dsb.gv.at/',
    urlKind: 'home',
    languages: ['de'],
  },
  {
    id: 'be',
    country: 'BE',
    name: 'Autorité de protection des données / Gegevensbeschermingsautoriteit',
    short: 'APD/GBA',
    postal: ['Autorité de protection des données / Gegevensbeschermingsautoriteit', 'Rue de la Presse 35 / Drukpersstraat 35', '1000 Bruxelles / Brussel', 'Belgique / België'],
    url: 'https://www.autoriteprotectiondonnees.be/citoyen/agir/introduire-une-plainte',
    urlKind: 'complaint',
    languages: ['fr', 'nl', 'de'],
  },
  {
    id: 'es',
    country: 'ES',
    name: 'Agencia Española de Protección de Datos',
    short: 'AEPD',
    postal: ['Agencia Española de Protección de Datos (AEPD)', 'C/ Jorge Juan, 6', '28001 Madrid', 'España'],
    url: 'https://sedeagpd.gob.es/sede-electronica-web/',
    urlKind: 'complaint',
    languages: ['es'],
    basis: 'authority-page',
    evidence:
      'Complaint site: a stored copy of the AEPD’s own electronic office (sedeagpd.gob.es, "Antes de interponer una reclamación…"; it requires the AEPD’s complaint forms). The postal address is from memory.',
  },
  {
    id: 'it',
    country: 'IT',
    name: 'Garante per la protezione dei dati personali',
    short: 'Garante Privacy',
    postal: ['Garante per la protezione dei dati personali', 'Piazza Venezia, 11', '00187 Roma', 'Italia'],
    url: 'https://www.garanteprivacy.it/',
    urlKind: 'home',
    languages: ['it'],
    basis: 'third-party-page',
    evidence: 'Address as a stored third-party guide to the reclamo gives it (servizilegaliweb.it: raccomandata A/R to "Garante per la protezione dei dati personali, Piazza Venezia, 11 – 00187 Roma", or PEC protocollo@pec.gpdp.it).',
  },
  {
    id: 'pl',
    country: 'PL',
    name: 'Prezes Urzędu Ochrony Danych Osobowych',
    short: 'UODO',
    postal: ['Prezes Urzędu Ochrony Danych Osobowych', 'ul. Stawki 2', '00-193 Warszawa', 'Polska'],
    url: 'https://uodo.gov.pl/',
    urlKind: 'home',
    languages: ['pl'],
  },
  {
    id: 'pt',
    country: 'PT',
    name: 'Comissão Nacional de Proteção de Dados',
    short: 'CNPD',
    postal: ['Comissão Nacional de Proteção de Dados (CNPD)', 'Av. D. Carlos I, 134, 1.º', '1200-651 Lisboa', 'Portugal'],
    url: 'https://www.cnpd.pt/',
    urlKind: 'home',
    languages: ['pt'],
  },
  { id: 'bg', country: 'BG', name: 'Комисия за защита на личните данни', short: 'КЗЛД / CPDP', postal: ['Комисия за защита на личните данни', 'бул. „Проф. Цветан Лазаров“ 2', '1592 София', 'България'], url: 'https://www.cpdp.bg/', urlKind: 'home', languages: ['bg'] },
  { id: 'cy', country: 'CY', name: 'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', short: 'Commissioner for Personal Data Protection', postal: ['Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', 'Τ.Θ. 23378', '1682 Λευκωσία', 'Κύπρος'], url: 'https://www.dataprotection.gov.cy/', urlKind: 'home', languages: ['el', 'en'] },
  { id: 'cz', country: 'CZ', name: 'Úřad pro ochranu osobních údajů', short: 'ÚOOÚ', postal: ['Úřad pro ochranu osobních údajů', 'Pplk. Sochora 27', '170 00 Praha 7', 'Česká republika'], url: 'https://uoou.gov.cz/', urlKind: 'home', languages: ['cs'] },
  { id: 'dk', country: 'DK', name: 'Datatilsynet', short: 'Datatilsynet (DK)', postal: ['Datatilsynet', 'Carl Jacobsens Vej 35', '2500 Valby', 'Danmark'], url: 'https://www.datatilsynet.dk/', urlKind: 'home', languages: ['da'] },
  { id: 'ee', country: 'EE', name: 'Andmekaitse Inspektsioon', short: 'AKI', postal: ['Andmekaitse Inspektsioon', 'Tatari 39', '10134 Tallinn', 'Eesti'], url: 'https://www.aki.ee/', urlKind: 'home', languages: ['et'] },
  { id: 'fi', country: 'FI', name: 'Tietosuojavaltuutetun toimisto', short: 'Tietosuojavaltuutettu', postal: ['Tietosuojavaltuutetun toimisto', 'PL 800', '00531 Helsinki', 'Suomi'], url: 'https://tietosuoja.fi/', urlKind: 'home', languages: ['fi', 'sv'] },
  { id: 'gr', country: 'GR', name: 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', short: 'ΑΠΔΠΧ / HDPA', postal: ['Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', 'Κηφισίας 1-3', '115 23 Αθήνα', 'Ελλάδα'], url: 'https://www.dpa.gr/', urlKind: 'home', languages: ['el'] },
  { id: 'hr', country: 'HR', name: 'Agencija za zaštitu osobnih podataka', short: 'AZOP', postal: ['Agencija za zaštitu osobnih podataka', 'Selska cesta 136', '10000 Zagreb', 'Hrvatska'], url: 'https://azop.hr/', urlKind: 'home', languages: ['hr'] },
  { id: 'hu', country: 'HU', name: 'Nemzeti Adatvédelmi és Információszabadság Hatóság', short: 'NAIH', postal: ['Nemzeti Adatvédelmi és Információszabadság Hatóság', 'Falk Miksa utca 9–11', '1055 Budapest', 'Magyarország'], url: 'https://naih.hu/', urlKind: 'home', languages: ['hu'] },
  { id: 'ie', country: 'IE', name: 'Data Protection Commission', short: 'DPC', postal: ['Data Protection Commission', '21 Fitzwilliam Square South', 'Dublin 2, D02 RD28', 'Ireland'], url: 'https://www.dataprotection.ie/', urlKind: 'home', languages: ['en', 'ga'] },
  { id: 'lt', country: 'LT', name: 'Valstybinė duomenų apsaugos inspekcija', short: 'VDAI', postal: ['Valstybinė duomenų apsaugos inspekcija', 'L. Sapiegos g. 17', 'LT-10312 Vilnius', 'Lietuva'], url: 'https://vdai.lrv.lt/', urlKind: 'home', languages: ['lt'] },
  { id: 'lu', country: 'LU', name: 'Commission nationale pour la protection des données', short: 'CNPD (LU)', postal: ['Commission nationale pour la protection des données (CNPD)', '15, Boulevard du Jazz', 'L-4370 Belvaux', 'Luxembourg'], url: 'https://cnpd.public.lu/', urlKind: 'home', languages: ['fr', 'de', 'lb', 'en'] },
  { id: 'lv', country: 'LV', name: 'Datu valsts inspekcija', short: 'DVI', postal: ['Datu valsts inspekcija', 'Elijas iela 17', 'Rīga, LV-1050', 'Latvija'], url: 'https://www.dvi.gov.lv/', urlKind: 'home', languages: ['lv'] },
  { id: 'mt', country: 'MT', name: 'Information and Data Protection Commissioner', short: 'IDPC', postal: ['Information and Data Protection Commissioner', 'Floor 2, Airways House, Triq Il-Kbira', 'Tas-Sliema SLM 1549', 'Malta'], url: 'https://idpc.org.mt/', urlKind: 'home', languages: ['mt', 'en'] },
  { id: 'nl', country: 'NL', name: 'Autoriteit Persoonsgegevens', short: 'AP', postal: ['Autoriteit Persoonsgegevens', 'Postbus 93374', '2509 AJ Den Haag', 'Nederland'], url: 'https://www.autoriteitpersoonsgegevens.nl/', urlKind: 'home', languages: ['nl'] },
  { id: 'ro', country: 'RO', name: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal', short: 'ANSPDCP', postal: ['Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal', 'B-dul G-ral. Gheorghe Magheru 28–30, Sector 1', '010336 București', 'România'], url: 'https://www.dataprotection.ro/', urlKind: 'home', languages: ['ro'] },
  { id: 'se', country: 'SE', name: 'Integritetsskyddsmyndigheten', short: 'IMY', postal: ['Integritetsskyddsmyndigheten (IMY)', 'Box 8114', '104 20 Stockholm', 'Sverige'], url: 'https://www.imy.se/', urlKind: 'home', languages: ['sv'] },
  { id: 'si', country: 'SI', name: 'Informacijski pooblaščenec', short: 'IP', postal: ['Informacijski pooblaščenec', 'Dunajska cesta 22', '1000 Ljubljana', 'Slovenija'], url: 'https://www.ip-rs.si/', urlKind: 'home', languages: ['sl'] },
  { id: 'sk', country: 'SK', name: 'Úrad na ochranu osobných údajov Slovenskej republiky', short: 'ÚOOÚ SR', postal: ['Úrad na ochranu osobných údajov Slovenskej republiky', 'Hraničná 12', '820 07 Bratislava 27', 'Slovensko'], url: 'https://dataprotection.gov.sk/', urlKind: 'home', languages: ['sk'] },
  // EEA (EFTA) members: the GDPR applies through the EEA Agreement.
  { id: 'is', country: 'IS', name: 'Persónuvernd', short: 'Persónuvernd', postal: ['Persónuvernd', 'Laugavegur 166', '105 Reykjavík', 'Ísland'], url: 'https://www.personuvernd.is/', urlKind: 'home', languages: ['is'] },
  { id: 'li', country: 'LI', name: 'Datenschutzstelle Fürstentum Liechtenstein', short: 'DSS', postal: ['Datenschutzstelle Fürstentum Liechtenstein', 'Städtle 38', '9490 Vaduz', 'Liechtenstein'], url: 'https://www.datenschutzstelle.li/', urlKind: 'home', languages: ['de'] },
  { id: 'no', country: 'NO', name: 'Datatilsynet', short: 'Datatilsynet (NO)', postal: ['Datatilsynet', 'Postboks 458 Sentrum', '0105 Oslo', 'Norge'], url: 'https://www.datatilsynet.no/', urlKind: 'home', languages: ['nb', 'nn'] },
  // Not GDPR.
  {
    id: 'ch',
    country: 'CH',
    name: 'Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter / Préposé fédéral à la protection des données et à la transparence / Incaricato federale della protezione dei dati e della trasparenza',
    short: 'EDÖB / PFPDT / IFPDT (FDPIC)',
    postal: ['Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter (EDÖB)', 'Feldeggweg 1', '3003 Bern', 'Schweiz / Suisse / Svizzera'],
    url: 'https://www.edoeb.admin.ch/',
    urlKind: 'home',
    languages: ['de', 'fr', 'it'],
    law: 'fadp',
  },
  {
    id: 'br',
    country: 'BR',
    name: 'Autoridade Nacional de Proteção de Dados',
    short: 'ANPD',
    postal: ['Autoridade Nacional de Proteção de Dados (ANPD)', 'SCN, Quadra 6, Conjunto A, Edifício Venâncio 3000, Bloco A, 9º andar', '70716-900 Brasília – DF', 'Brasil'],
    url: 'https://www.gov.br/anpd/pt-br',
    urlKind: 'home',
    languages: ['pt'],
    law: 'lgpd',
  },
];

export const AUTHORITIES: readonly Authority[] = ENTRIES.map((e) => Authority.parse({ basis: 'memory', law: 'gdpr', checked: CHECKED, ...e }));

export function authorityById(id: string | undefined | null): Authority {
  return AUTHORITIES.find((a) => a.id === id) ?? AUTHORITIES[0];
}

/** Region subtag → authority id, where the language alone would point elsewhere (or nowhere). */
const BY_REGION: Record<string, string> = {
  AT: 'at', BE: 'be', BG: 'bg', CH: 'ch', CY: 'cy', CZ: 'cz', DE: 'de', DK: 'dk', EE: 'ee', ES: 'es', FI: 'fi', FR: 'fr',
  GR: 'gr', HR: 'hr', HU: 'hu', IE: 'ie', IS: 'is', IT: 'it', LI: 'li', LT: 'lt', LU: 'lu', LV: 'lv', MT: 'mt',
  NL: 'nl', NO: 'no', PL: 'pl', PT: 'pt', RO: 'ro', SE: 'se', SI: 'si', SK: 'sk', BR: 'br',
};
/** Language → the authority of the country where it is (mostly) spoken. */
const BY_LANGUAGE: Record<string, string> = {
  fr: 'fr', de: 'de', es: 'es', it: 'it', pl: 'pl', pt: 'br', nl: 'nl', sv: 'se', da: 'dk', fi: 'fi', el: 'gr',
  cs: 'cz', sk: 'sk', sl: 'si', hr: 'hr', hu: 'hu', ro: 'ro', bg: 'bg', et: 'ee', lv: 'lv', lt: 'lt', mt: 'mt',
  is: 'is', nb: 'no', nn: 'no', no: 'no', ga: 'ie', lb: 'lu',
};

/**
 * The authority to suggest for a browser language tag: its region first (de-AT → Austria, pt-BR → Brazil,
 * fr-CH → Switzerland), else its language (de → the German federal list, to pick a Land; any Portuguese
 * without a region → Brazil's ANPD, since the Portuguese catalog is Brazilian), else the CNIL, Mistral's
 * lead authority (English, Arabic…).
 */
export function suggestAuthority(browserLang: string | undefined): Authority {
  const [lang = '', region = ''] = (browserLang ?? '').replace(/_/g, '-').split('-');
  return authorityById(BY_REGION[region.toUpperCase()] ?? BY_LANGUAGE[lang.toLowerCase()] ?? 'fr');
}
