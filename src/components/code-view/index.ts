export { CodeView } from './code-view';
export { copyText, downloadText } from './download-text';
