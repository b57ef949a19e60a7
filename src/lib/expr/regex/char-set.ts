/**
 * Character classes of Go's regexp (RE2 syntax, Perl flags), tested one code point at a time.
 *
 * A class is a union of items, some of them negated (`\W`, `\PL`, `[:^alpha:]`), the whole maybe
 * negated (`[^…]`). Go folds each item under `(?i)` before negating it; a JavaScript class with the
 * `i` flag folds *after* negating (`/\P{Lu}/iu` matches "A"), so negation is applied here, and JS
 * `RegExp` only answers "is this one code point in this positive set" — with its own Unicode tables
 * (categories, scripts, simple case folding), so the console ships none. One code point at a time
 * cannot backtrack.
 */

/** `[lo, hi, lo, hi, …]`, inclusive. */
export type Ranges = number[];

export interface SetItem {
  /** JavaScript class contents (`\u{61}-\u{7a}`, `\p{L}`), valid with the `u` flag. */
  source: string;
  negated: boolean;
}

export interface CharSet {
  items: SetItem[];
  negated: boolean;
  fold: boolean;
}

export const MAX_RUNE = 0x10ffff;

export const PERL_GROUPS: Record<string, Ranges> = {
  d: [0x30, 0x39],
  s: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20],
  w: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
};

export const POSIX_GROUPS: Record<string, Ranges> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/** Go's `unicode.Categories` (Go's `C` has no unassigned code points, unlike Unicode's). */
const CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/**
 * Go's `unicode.Scripts`: long names only (JavaScript also takes the four-letter aliases, Go does
 * not). Unicode 13 as in Go 1.19, and the scripts Unicode 14 and 15 added.
 */
const SCRIPTS = new Set(
  (
    'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki ' +
    'Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee ' +
    'Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra ' +
    'Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati ' +
    'Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited ' +
    'Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi ' +
    'Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian ' +
    'Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui ' +
    'Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari ' +
    'Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic ' +
    'Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage ' +
    'Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan ' +
    'Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri ' +
    'Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan ' +
    'Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square'
  ).split(' '),
);

/** The JavaScript class contents for Go's `\p{name}`, or undefined when Go knows no such name. */
export function unicodeGroupSource(name: string): string | undefined {
  if (name === 'Any') return rangesSource([0, MAX_RUNE]);
  if (name === 'C') return '\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}';
  if (CATEGORIES.has(name)) return `\\p{${name}}`;
  if (SCRIPTS.has(name)) return `\\p{Script=${name}}`;
  return undefined;
}

export function rangesSource(ranges: Ranges): string {
  let out = '';
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i] as number;
    const hi = ranges[i + 1] as number;
    out += lo === hi ? codePoint(lo) : `${codePoint(lo)}-${codePoint(hi)}`;
  }
  return out;
}

function codePoint(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Is the code point in the set? Built once per class; the ASCII answers are looked up in a table. */
export type SetTest = (cp: number) => boolean;

export function compileCharSet(set: CharSet): SetTest {
  const flags = set.fold ? 'iu' : 'u';
  const positive = set.items.filter((item) => !item.negated).map((item) => item.source);
  const positiveRegex = positive.length > 0 ? new RegExp(`^[${positive.join('')}]$`, flags) : undefined;
  const negatedRegexes = set.items
    .filter((item) => item.negated)
    .map((item) => new RegExp(`^[${item.source}]$`, flags));
  const slow = (cp: number): boolean => {
    const ch = String.fromCodePoint(cp);
    let member = positiveRegex !== undefined && positiveRegex.test(ch);
    for (let i = 0; !member && i < negatedRegexes.length; i++) member = !(negatedRegexes[i] as RegExp).test(ch);
    return member !== set.negated;
  };
  const ascii = new Uint8Array(128);
  for (let cp = 0; cp < 128; cp++) ascii[cp] = slow(cp) ? 1 : 0;
  return (cp) => (cp < 128 ? ascii[cp] === 1 : slow(cp));
}
