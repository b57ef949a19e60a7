export {
  policyDocument,
  policyDocumentObject,
  policyFileName,
  safeFileStem,
  type DocumentFormat,
} from './policy-document';
export { contentKey, policyContent, sameContent } from './policy-content';
