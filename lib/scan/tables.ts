/**
 * The scanner's data, as compact space-separated strings (they ship in the background, which runs the scanner: lib/background/scan.ts). Words are stored
 * folded: lower case, without accents (see `fold` in index.ts); a trailing plural "s" is stripped at lookup.
 */

/** IBAN length per ISO 13616 country (SEPA and a few others): "CCnn" repeated. */
export const IBAN_LENGTHS =
  'AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29CH21CR22CY28CZ24DE22DK18DO28EE20ES24FI18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IS26IT27JO30KW30KZ20LB28LI21LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28PS29PT25QA29RO24RS22SA24SE24SI19SK24SM27TN24TR26UA29VA22VG24XK20';

/** French street types; those in the second list are ordinary words too, so their name must be capitalised. */
export const STREET_FR =
  'rue avenue av ave boulevard bd bld blvd allee impasse imp quai faubourg fbg chaussee sentier rte';
export const STREET_FR_AMBIGUOUS =
  'place pl cours passage route chemin voie square villa cite residence promenade esplanade parvis hameau lotissement';
/** Lower-case words that may sit inside a French street name ("rue de la Paix", "place d'Italie"). */
export const PARTICLES = 'de du des la le les l d aux au en sur sous';
/** English street suffixes ("221B Baker Street", "10 Downing St"). */
export const STREET_EN =
  'street st road rd avenue ave lane ln drive dr boulevard blvd court ct place pl way close terrace square crescent gardens parkway highway hwy row mews grove';

/**
 * GDPR Art. 9 special categories, English and French: health (conditions, diagnoses, medication, pregnancy,
 * disability), sexual orientation, religion, political opinions, trade-union membership, ethnicity, biometric
 * and genetic data. A soft hint: reported only near a personal marker (below). STEMS match the start of a word
 * ("diabet": diabetes, diabetic, diabète, diabétique); TERMS match whole words. Left out on purpose, because
 * they are ordinary words in the prompts this extension sees: "disabled" (a button), "fingerprint" (a key),
 * "christian" (a first name), "hospitality", "depressing", "race", "union", "party".
 */
export const STEMS =
  'diagnos disease illness cancer tumor tumour tumeur leukemi leukaemi leucemi lymphom chemot chimio radiother diabet ' +
  'insulin asthm epilep alzheimer dementia demence parkinson depressio deprime antidep anxiet anxiolyti bipola schizo ' +
  'autis anorex bulimi boulimi suicid overdos addict alcoholi alcooli hepati tubercul scleros psychiatr therapist ' +
  'psychother psychologis psychologu pregnan enceinte grossesse miscarri abortion avortement infertil disabilit ' +
  'invalidit wheelchair fauteuil handicap hospitalis hospitaliz surger chirurgi medicati medicament prescri ordonnance ' +
  'sertralin fluoxetin prozac xanax zoloft ritalin methadon metformin levodopa anticoagul levothyrox chlamydi herpes ' +
  'syphili migraine allerg celiac coelia crohn arthrit arthros osteopor hypertens cholesterol obesi covid seroposit ' +
  'infarctus maladi malade ' +
  'lesbi bisexu homosexu heterosexu transgen asexu ' +
  'religi muslim musulman islam chretien christianity catholi protestan evangeli jewish judai buddhis bouddhis mormon ' +
  'ramadan mosqu synagog agnosti atheis ' +
  'communis socialist anarchis insoumis unioniz unionis syndiqu syndicat syndical ' +
  'ethni racial biometri geneti genom';
export const TERMS =
  'hiv vih sida avc adhd tdah ocd ptsd tspt ivf fiv ivg obese rehab chemo depressed depressive depressif dna adn gay queer sikh juif juive hindu hindou athee democrat republican cgt cfdt';

/** Two-word terms, each word folded and singular ("arret maladie", "fausse couche"). */
export const BIGRAMS =
  'heart attack|sick leave|mental health|panic attack|eating disorder|blood test|sexual orientation|trade union|labor union|' +
  'union member|far right|far left|left wing|right wing|facial recognition|ethnic origin|burn out|' +
  'crise cardiaque|arret maladie|fausse couche|sante mentale|fauteuil roulant|orientation sexuelle|extreme droite|' +
  'extreme gauche|front national|rassemblement national|delegue syndical|origine ethnique|empreinte digitale|' +
  'reconnaissance faciale';

/** Words that make a special-category term personal: pronouns, possessives, relatives, "suffers". */
export const MARKERS =
  'i me my mine myself im ive he she his her him hers wife husband son daughter mother father mom mum dad brother sister ' +
  'friend colleague coworker patient employee boss partner child kid baby girlfriend boyfriend suffer suffering ' +
  'je j moi mon ma mes sa ses lui fils fille femme mari mere pere maman papa frere soeur ami amie copain copine collegue ' +
  'patiente salarie salariee employe employee enfant bebe conjoint conjointe compagnon compagne souffre souffrant atteint atteinte';
