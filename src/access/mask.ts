/* Identifier masking (../shared/DESIGN.md §3): what a viewer without the right sees. */

/**
 * Masks a borrower identifier for viewers without the right to it: the first 4 characters (the
 * province and city, 3715 = 聊城) and the last 4 stay, everything between becomes `*`, so
 * 371502199001011234 → 3715**********1234 and a credit code keeps its length. Short values are all `*`.
 */
export function maskIdentifier(identifier: string): string {
  if (identifier.length <= 8) return '*'.repeat(identifier.length);
  return identifier.slice(0, 4) + '*'.repeat(identifier.length - 8) + identifier.slice(-4);
}

/*
 * Free text (../shared/DESIGN.md §6 "No identity leaks"): an identifier is masked whatever its spelling — glued to letters
 * (`ID3715…`), with spaces or hyphens inside, in full-width digits (０-９, Ｘ), with zero-width characters between its
 * digits, or as a 15-digit first-generation 身份证号. The patterns below read those spellings directly, so the text
 * around an identifier is returned untouched; the identifier itself is normalised (ASCII, no separators) and masked as
 * maskIdentifier does. The shape is enough: masking a look-alike in free text (a bank card number, two dates side by
 * side) costs little, missing a real identifier shows a person's identity.
 */
/** Invisible characters a copy-paste (or an attacker) can put between the characters of an identifier. */
const INVISIBLE = '\\u200B-\\u200D\\u2060\\uFEFF\\u00AD';
const DIGIT = '[0-9\\uFF10-\\uFF19]';
/** Between two characters of a number: invisible characters and at most one space or dash. */
const GAP = `[${INVISIBLE}]*(?:[\\s\\-\\u2010-\\u2015\\u2212\\uFF0D][${INVISIBLE}]*)?`;

/**
 * 15 or more digits in one number, and a trailing check character X: 公民身份号码 (18, or 15 for the first
 * generation), and any longer digit string. Letters may stand right before or after it; digits may not.
 */
const NUMBER_IN_TEXT = new RegExp(`(?<!${DIGIT})${DIGIT}(?:${GAP}${DIGIT}){14,}(?:${GAP}[Xx\\uFF38\\uFF58])?(?!${DIGIT})`, 'g');

/** A run of letters and digits (either width, invisible characters inside): where a 统一社会信用代码 may hide. */
const RUN_IN_TEXT = new RegExp(`[0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A${INVISIBLE}]{18,}`, 'g');
/** GB 32100's 18 characters: registering authority and kind, the 6-digit region, the organisation code and check. */
const CREDIT_CODE = /[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}/;

/** ASCII, without invisible characters, spaces or dashes: the identifier as a register holds it (case kept). */
function normalised(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9A-Za-z]/g, ''); // NFKC: full-width digits and letters → ASCII
}

export function maskIdentifiersIn(text: string): string {
  return text
    .replace(NUMBER_IN_TEXT, (found) => maskIdentifier(normalised(found)))
    .replace(RUN_IN_TEXT, (found) => {
      const run = normalised(found);
      // A credit code glued to other letters masks the whole run: which 18 of them are the code cannot be told.
      return CREDIT_CODE.test(run.toUpperCase()) ? maskIdentifier(run) : found;
    });
}
