export {
  policyDocument,
  policyDocumentObject,
  policyFileName,
  safeFileStem,
  type DocumentFormat,
} from './policy-document';
export { contentKey, sameContent } from './policy-content';
