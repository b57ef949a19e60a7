export { isSecretKey } from './secret-keys';
export {
  SECRET_MASK,
  SECRET_MASK_CHANGED,
  containsSecrets,
  isSecretPath,
  maskSecrets,
  type JsonPath,
} from './mask-secrets';
