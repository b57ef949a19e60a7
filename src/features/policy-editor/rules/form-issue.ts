/** One broken rule, at the form path of the field it is about, in words that say how to fix it. */
export interface FormIssue {
  path: (string | number)[];
  message: string;
}

export type IssuePath = FormIssue['path'];
