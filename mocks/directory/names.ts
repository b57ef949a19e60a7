/** Given and family names for the synthetic directory: [display, ascii-for-email]. */
export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['Ada', 'ada'], ['Aisha', 'aisha'], ['Akira', 'akira'], ['Alejandro', 'alejandro'], ['Amara', 'amara'],
  ['Ana', 'ana'], ['Anders', 'anders'], ['Arjun', 'arjun'], ['Beatriz', 'beatriz'], ['Ben', 'ben'],
  ['Camille', 'camille'], ['Chen', 'chen'], ['Chidi', 'chidi'], ['Clara', 'clara'], ['Dmitri', 'dmitri'],
  ['Elena', 'elena'], ['Emeka', 'emeka'], ['Emma', 'emma'], ['Farah', 'farah'], ['Felix', 'felix'],
  ['Grace', 'grace'], ['Hana', 'hana'], ['Hiroshi', 'hiroshi'], ['Ines', 'ines'], ['Ivan', 'ivan'],
  ['Jamal', 'jamal'], ['Javier', 'javier'], ['Jin', 'jin'], ['José', 'jose'], ['Kai', 'kai'],
  ['Kavya', 'kavya'], ['Lars', 'lars'], ['Leila', 'leila'], ['Liam', 'liam'], ['Lucía', 'lucia'],
  ['Maya', 'maya'], ['Mei', 'mei'], ['Mohammed', 'mohammed'], ['Nadia', 'nadia'], ['Noah', 'noah'],
  ['Olu', 'olu'], ['Omar', 'omar'], ['Priya', 'priya'], ['Rafael', 'rafael'], ['Rahul', 'rahul'],
  ['Rosa', 'rosa'], ['Sakura', 'sakura'], ['Samir', 'samir'], ['Sara', 'sara'], ['Sipho', 'sipho'],
  ['Sofia', 'sofia'], ['Søren', 'soren'], ['Tariq', 'tariq'], ['Thandiwe', 'thandiwe'], ['Tomás', 'tomas'],
  ['Uma', 'uma'], ['Valentina', 'valentina'], ['Wei', 'wei'], ['Yara', 'yara'], ['Yusuf', 'yusuf'],
  ['Zanele', 'zanele'], ['Zoë', 'zoe'], ['Malik', 'malik'], ['Ingrid', 'ingrid'],
];

export const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ['Adeyemi', 'adeyemi'], ['Alvarez', 'alvarez'], ['Andersen', 'andersen'], ['Bakker', 'bakker'], ['Banerjee', 'banerjee'],
  ['Bianchi', 'bianchi'], ['Brown', 'brown'], ['Chen', 'chen'], ['Costa', 'costa'], ['Dubois', 'dubois'],
  ['Dvořák', 'dvorak'], ['Eze', 'eze'], ['Fischer', 'fischer'], ['García', 'garcia'], ['Gupta', 'gupta'],
  ['Haddad', 'haddad'], ['Hansen', 'hansen'], ['Hernández', 'hernandez'], ['Ito', 'ito'], ['Ivanova', 'ivanova'],
  ['Jansen', 'jansen'], ['Kim', 'kim'], ['Kowalski', 'kowalski'], ['Kumar', 'kumar'], ['Larsen', 'larsen'],
  ['Li', 'li'], ['Lopez', 'lopez'], ['Martin', 'martin'], ['Mbeki', 'mbeki'], ['Müller', 'muller'],
  ['Nakamura', 'nakamura'], ['Nguyen', 'nguyen'], ['Novak', 'novak'], ['Okafor', 'okafor'], ['Olsen', 'olsen'],
  ['Patel', 'patel'], ['Pereira', 'pereira'], ['Petrov', 'petrov'], ['Popescu', 'popescu'], ['Rahman', 'rahman'],
  ['Rossi', 'rossi'], ['Sato', 'sato'], ['Schmidt', 'schmidt'], ['Silva', 'silva'], ['Singh', 'singh'],
  ['Smith', 'smith'], ['Suzuki', 'suzuki'], ['Tanaka', 'tanaka'], ['Tshabalala', 'tshabalala'], ['Uddin', 'uddin'],
  ['Van Dijk', 'vandijk'], ['Wang', 'wang'], ['Williams', 'williams'], ['Wójcik', 'wojcik'], ['Yamamoto', 'yamamoto'],
  ['Yilmaz', 'yilmaz'], ['Zhang', 'zhang'], ['Zulu', 'zulu'], ['O’Brien', 'obrien'], ['Mensah', 'mensah'],
  ['Haugen', 'haugen'], ['Ferreira', 'ferreira'], ['Kaya', 'kaya'], ['Lindqvist', 'lindqvist'],
];

/**
 * Display names a directory may really hold and that a console must render as inert text: markup,
 * a right-to-left override, a very long name. Used for a tiny, fixed share of users.
 */
export const HOSTILE_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)> Mallory',
  '<script>alert("xss")</script>',
  'Eve \u202Egnp.exe\u202C Trudy',
  '=HYPERLINK("http://evil.example","Click")',
  `Bartholomew ${'Maximilian '.repeat(12)}Longname-Smythe`,
];
