import { foldVietnamese, pupilCodesIn } from '@emis/domain';

/** A pupil a bank line may be for: the school's pupils who have a fee account. */
export interface PayingPupil {
  studentId: string;
  /** The pupil's code (their personal identification number), which their payment code carries. */
  code: string;
  fullName: string;
}

/** Words of a text for matching: accents and case folded, every run of other characters one space. */
export function matchWords(text: string): string[] {
  return foldVietnamese(text)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/**
 * Finds pupils in bank descriptions: by the payment codes the description carries (`pupilCodesIn`, however the bank
 * reformatted them), and — to suggest, not to match — by a pupil's code written alone or their full name.
 */
export class PupilFinder {
  private readonly byCode = new Map<string, PayingPupil>();
  private readonly byName = new Map<string, PayingPupil[]>();
  private longestName = 1;

  constructor(pupils: readonly PayingPupil[]) {
    for (const pupil of pupils) {
      this.byCode.set(pupil.code, pupil);
      const words = matchWords(pupil.fullName);
      const name = words.join(' ');
      if (name) this.byName.set(name, [...(this.byName.get(name) ?? []), pupil]);
      this.longestName = Math.max(this.longestName, words.length);
    }
  }

  /** The pupils whose payment code the description holds (one: the line is theirs; more: a person decides). */
  byPayment(description: string): PayingPupil[] {
    return unique(pupilCodesIn(description).flatMap((code) => this.byCode.get(code) ?? []));
  }

  /**
   * Who an unmatched line may be for, best first: a payment code, then a pupil's code written alone, then a full
   * name in the description or the counterparty (a parent often writes the child's name), at most `limit`.
   */
  suggest(description: string, counterparty: string | null, limit: number): PayingPupil[] {
    const words = matchWords(`${description} ${counterparty ?? ''}`);
    return unique([
      ...this.byPayment(description),
      ...words.flatMap((word) => this.byCode.get(word) ?? []),
      ...this.namesIn(words),
    ]).slice(0, limit);
  }

  /** Every full name spanning whole words of the text. */
  private namesIn(words: string[]): PayingPupil[] {
    const found: PayingPupil[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(this.longestName, words.length - i); n >= 2; n--) {
        found.push(...(this.byName.get(words.slice(i, i + n).join(' ')) ?? []));
      }
    }
    return found;
  }
}

function unique(pupils: PayingPupil[]): PayingPupil[] {
  return [...new Map(pupils.map((p) => [p.studentId, p])).values()];
}
