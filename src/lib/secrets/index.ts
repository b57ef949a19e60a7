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
