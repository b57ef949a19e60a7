export {
  policyDocument,
  policyDocumentObject,
  policyFileName,
  safeFileStem,
  serializeDocument,
  type DocumentFormat,
  type PolicyDocumentOptions,
} from './policy-document';
export { canonicalOrder } from './canonical-order';
export { contentKey, policyContent, sameContent } from './policy-content';
