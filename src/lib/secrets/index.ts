export { isSecretKey, type SecretKeyContext } from './secret-keys';
export {
  SECRET_MASK,
  SECRET_MASK_CHANGED,
  containsSecrets,
  isSecretPath,
  maskSecrets,
  type JsonPath,
  type MaskOptions,
} from './mask-secrets';
export { MASKED_VALUE_MESSAGE, findMaskedValues, isMaskedValue } from './masked-values';
export { MaskedValueError, refuseMaskedValues } from './masked-write';
