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
  account: {
    legend: 'Account to receive the payment',
    lead: 'For a rapid-payment program, entering your bank account is all it takes. The number is stored encrypted and only shown partly masked.',
    amount: 'Amount to be paid: {{amount}}',
    bank: 'Bank',
    bankPlaceholder: 'Choose a bank',
    number: 'Account number',
    numberHint: '10 to 14 digits; hyphens are optional.',
    holder: 'Account holder',
    holderHint: "Prefilled with the representative's name. It must match the name on the account.",
    bankRequired: 'Choose a bank.',
    holderRequired: 'Enter the account holder.',
    submit: 'Apply with this account',
    submitting: 'Applying…',
    shown: 'Payment account',
    failedTitle: 'The payment could not be made',
    failedText:
      "The bank's reason: {{reason}}. Correct the account below and it will be in the next payment.",
    change: 'Correct the account',
    save: 'Save the account',
    saved: 'The account was corrected. It will be in the next payment file.',
  },
  payout: {
    title: 'Rapid payment',
    lead: 'Approve at once, within the budget, every submitted or in-review application that is still eligible and has an account, and make the payment file for the bank.',
    approveAll: 'Approve all eligible',
    counting: 'Counting…',
    preview: '{{approved}} of {{pending}} pending applications will be approved.',
    refusedHeading: 'Not approved',
    confirm: 'Approve {{count}}',
    cancel: 'Cancel',
    running: 'Approving… ({{done}}/{{total}})',
    progress: 'Bulk approval progress',
    done: '{{approved}} approved.',
    nothing: 'There is nothing to approve.',
    download: 'Download the payment file',
    downloading: 'Downloading…',
    upload: 'Upload the bank results',
    uploadHint: 'A CSV file with the columns "신청 ID", "결과" (성공/실패) and "사유" (UTF-8 or CP949)',
    uploading: 'Uploading…',
    result: '{{paid}} paid, {{failed}} lines not applied',
    line: 'Line {{line}}',
    reasons: {
      NOT_ELIGIBLE: 'No longer eligible',
      QUOTA_EXCEEDED: 'Over the budget or award limit',
      ACCOUNT_MISSING: 'No account',
      BUSINESS_NOT_FOUND: 'Business not found',
      VERSION_CONFLICT: 'Changed meanwhile',
      AMOUNT_OVER_BENEFIT: 'Over the benefit cap',
      TRANSITION_NOT_ALLOWED: 'Cannot be approved in its state',
      other: 'Other',
    },
  },
};

export default reliefEn;
