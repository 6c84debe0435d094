import type reliefKo from './ko-relief';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English UI text of rapid payment: the same keys as ko-relief.ts (the type makes a missing key an error). */
const reliefEn: Strings<typeof reliefKo> = {
  rapid: {
    setting: 'Rapid payment',
    settingHint:
      'A rapid-payment program asks only for a bank account; staff approve every eligible application at once and pay the same amount.',
    enable: 'Run this program as a rapid payment',
    amount: 'Amount paid (won)',
    byKind: 'Amount by damage kind (won; empty means the standard amount)',
    kindAmount: 'Amount for {{kind}} (won)',
  },
};

export default reliefEn;
