import type reliefKo from './ko-relief';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English UI text of disaster relief: the same keys as ko-relief.ts (the type makes a missing key an error). */
const reliefEn: Strings<typeof reliefKo> = {
  damageImport: {
    link: 'Upload the damage list',
    listTitle: 'Declared disasters',
    title: 'Upload a damage list',
    lead: 'Upload the damage confirmations (CSV) for {{name}}. Preview the result first, then apply it.',
    period: 'Disaster period: {{start}} – {{end}}',
    notFound: 'No declared disaster has this id.',
    file: 'List file (CSV)',
    fileHint:
      'Columns: business number, confirmation date, damage kind (optional), amount (optional). UTF-8 or CP949 (Excel CSV), at most {{mb}} MB and {{rows}} rows.',
    fileMissing: 'Choose the CSV file to upload.',
    fileEmpty: 'The file is empty. Choose the damage list CSV file.',
    fileTooLarge: 'The file is larger than {{mb}} MB. Split it and upload the parts.',
    fileType: 'Only CSV files (.csv) can be uploaded.',
    preview: 'Preview',
    apply: 'Apply',
    again: 'Upload another file',
    previewing: 'Checking the list',
    applying: 'Applying the list',
    progress: '{{done}} of {{total}} rows',
    previewTitle: 'Preview (nothing applied yet)',
    doneTitle: 'Applied',
    doneLead: 'The matches of the confirmed businesses with the relief programs are being recomputed.',
    nothingToApply: 'No new rows to apply.',
    encoding: 'Encoding: {{encoding}}',
    counts: {
      total: 'Rows',
      new: 'New',
      updated: 'Changed',
      unchanged: 'Unchanged',
      rejected: 'Rejected',
    },
    byReason: 'Rejected by reason',
    rejectedTitle: 'Rejected lines',
    truncated: 'Only the first {{count}} lines are shown; the rest are counted as rejected too.',
    columns: { line: 'Line', reason: 'Reason', count: 'Rows' },
    lineNo: 'Line {{line}}',
    codes: {
      COLUMNS: 'Missing cells',
      BRN_FORMAT: 'Malformed business number',
      BRN_CHECK_DIGIT: 'Wrong business number check digit',
      DATE_FORMAT: 'Malformed date',
      DATE_OUTSIDE_PERIOD: "Date outside the disaster's period",
      KIND_UNKNOWN: 'Unknown damage kind',
      AMOUNT_FORMAT: 'Malformed amount',
      DUPLICATE: 'Business listed twice',
      FIELD_TOO_LONG: 'Cell too long',
      UNCLOSED_QUOTE: 'Cut-off line (unclosed quote)',
      UNKNOWN_BUSINESS: 'Business not registered',
      OUTSIDE_AREA: "Business outside the disaster's area",
      TOO_MANY_RECORDS: 'Too many damage records',
      TOO_MANY_ROWS: 'Too many rows',
    },
  },
};

export default reliefEn;
