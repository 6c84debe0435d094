/** What every adapter may be given: a clock, so that timestamps are testable. */
export interface StoreOptions {
  /** @default () => new Date() */
  clock?: () => Date;
}

export const systemClock = (): Date => new Date();
