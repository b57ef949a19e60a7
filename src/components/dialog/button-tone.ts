export type ButtonTone = 'primary' | 'danger' | 'plain';

export const buttonClass = (tone: ButtonTone = 'plain'): string =>
  tone === 'primary' ? 'button button--primary' : tone === 'danger' ? 'button button--danger' : 'button';
