export { isSecretKey } from './secret-keys';
export {
  SECRET_MASK,
  SECRET_MASK_CHANGED,
  containsSecrets,
  findSecrets,
  isSecretPath,
  maskSecrets,
  omitSecrets,
  type JsonPath,
} from './mask-secrets';
export { MASKED_VALUE_MESSAGE, findMaskedValues } from './masked-values';
export { carryOverSecrets } from './carry-over-secrets';
export { formatJsonPath } from './json-path';
export { refuseMaskedValues } from './masked-write';
