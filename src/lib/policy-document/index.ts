export { policyDocument, policyFileName, type DocumentFormat } from './policy-document';
