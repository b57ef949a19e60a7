/**
 * Strings that a YAML reader could take for something else when written without quotes. The `yaml`
 * package already quotes what YAML 1.2's core schema would read as a number, boolean or null; these
 * are the rest that Guardian's CLI (gopkg.in/yaml.v3, which keeps some YAML 1.1 rules) or a YAML 1.1
 * tool would misread: `yes`/`no`/`on`/`off` (booleans to yaml.v3 in a bool field, and to YAML 1.1
 * everywhere), `0x1F`, `017`, `1_000`, `1:30` (numbers to yaml.v3 or YAML 1.1), and `<<` (a merge key).
 * Timestamps are left plain on purpose: yaml.v3 keeps them as strings in string and free-form fields,
 * and reads a plain one into a date field (`expiration_date`), where a quoted one would fail.
 */
const WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;

const NUMBER_LIKE = [
  /^[-+]?0b[01_]+$/,
  /^[-+]?0o?[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
];

export function isAmbiguousScalar(text: string): boolean {
  return WORDS.test(text) || NUMBER_LIKE.some((pattern) => pattern.test(text));
}
