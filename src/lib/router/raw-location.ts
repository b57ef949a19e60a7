/**
 * wouter decodes the path (decodeURI) before it matches routes. Escaping every `%` first makes that
 * decoding give back the address exactly as the browser holds it, so that `useParams` can decode each
 * segment once (`a%2Fb` stays one segment, `50%25` does not become `5` + garbage).
 */
export const keepEscapes = (value: string) => value.replace(/%/g, '%25');
