/* Identifier masking (DESIGN.md §3, beside the project in ../shared/): what a viewer without the right sees. */

/**
 * Masks a borrower identifier for viewers without the right to it: the first 4 characters (the
 * province and city, 3715 = 聊城) and the last 4 stay, everything between becomes `*`, so
 * 371502199001011234 → 3715**********1234 and a credit code keeps its length. Short values are all `*`.
 */
export function maskIdentifier(identifier: string): string {
  if (identifier.length <= 8) return '*'.repeat(identifier.length);
  return identifier.slice(0, 4) + '*'.repeat(identifier.length - 8) + identifier.slice(-4);
}

/**
 * Anything shaped like a 公民身份号码 (17 digits and a check digit or X) or a 统一社会信用代码 (GB 32100's
 * 18 characters), standing on its own in free text — a lead's 线索材料 quoting the borrower, an argument
 * kept by the audit log — masked as maskIdentifier does. The shape is enough: masking a look-alike in
 * free text costs nothing, missing a real one shows a person's identity.
 */
const IDENTIFIER_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![0-9A-Za-z])/gi;

export function maskIdentifiersIn(text: string): string {
  return text.replace(IDENTIFIER_IN_TEXT, (found) => maskIdentifier(found));
}
