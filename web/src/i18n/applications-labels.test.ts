import { APPLICATION_STATUS_LABELS, SUPPORT_SOURCE_LABELS } from '@sbiz24/shared/application/application';
import { DOCUMENT_STATE_LABELS } from '@sbiz24/shared/application/documents';
import { describe, expect, it } from 'vitest';
import en from './en';
import ko from './ko';

// The pages keep their own copies of the application labels (so that owner pages need no domain module
// for them); these tests keep the copies equal to the domain's.
describe('application labels in the UI text', () => {
  it('names every status, document state and support source as the domain does', () => {
    for (const [s, v] of Object.entries(APPLICATION_STATUS_LABELS)) {
      expect(ko.appStatus[s as keyof typeof ko.appStatus]).toBe(v.ko);
      expect(en.appStatus[s as keyof typeof en.appStatus]).toBe(v.en);
    }
    for (const [s, v] of Object.entries(DOCUMENT_STATE_LABELS)) {
      expect(ko.docState[s as keyof typeof ko.docState]).toBe(v.ko);
      expect(en.docState[s as keyof typeof en.docState]).toBe(v.en);
    }
    for (const [s, v] of Object.entries(SUPPORT_SOURCE_LABELS)) {
      expect(ko.supportSource[s as keyof typeof ko.supportSource]).toBe(v.ko);
      expect(en.supportSource[s as keyof typeof en.supportSource]).toBe(v.en);
    }
  });
});
