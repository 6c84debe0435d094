import * as z from 'zod/mini';
import type { BusinessProfile } from '../profile/profile';

/**
 * Fewer documents (MyData style): each program lists what it needs; what the portal already holds is shown
 * as 확인됨 and never asked for again. File storage is not built yet: these are the metadata types and the
 * checks an upload must pass (type from the content, size).
 */

export const DOCUMENT_KINDS = [
  'business-registration',
  'damage-confirmation',
  'tax-facts',
  'upload',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where the portal gets a document it already holds. */
export const DOCUMENT_SOURCES: Record<Exclude<DocumentKind, 'upload'>, { ko: string; en: string }> = {
  'business-registration': { ko: '사업자 등록 정보(국세청)', en: 'Business registry (National Tax Service)' },
  'damage-confirmation': { ko: '재난 피해 확인', en: 'Disaster damage confirmation' },
  'tax-facts': { ko: '국세청 제공 매출 정보', en: 'Revenue supplied by the tax office' },
};

export const DocumentRequirementSchema = z.strictObject({
  id: z.string().check(
    z.regex(/^[a-z][a-z0-9-]{0,39}$/, {
      message: '서류 ID는 영문 소문자·숫자·하이픈 40자 이하여야 합니다.',
    }),
  ),
  kind: z.enum(DOCUMENT_KINDS),
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  labelEn: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  required: z._default(z.boolean(), true),
  /** damage-confirmation: the disaster it must be for (any confirmation counts when absent). */
  disasterId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type DocumentRequirement = z.output<typeof DocumentRequirementSchema>;

/** One required document on an application: already held by the portal (confirmed), or to be uploaded. */
export interface DocumentStatus {
  id: string;
  kind: DocumentKind;
  label: string;
  labelEn?: string;
  required: boolean;
  /** `confirmed` (확인됨): the portal holds it; `needed`: the owner must upload it. */
  state: 'confirmed' | 'needed';
  /** For a confirmed document: where the portal has it from (Korean). */
  source?: string;
}

export const DOCUMENT_STATE_LABELS: Record<DocumentStatus['state'], { ko: string; en: string }> = {
  confirmed: { ko: '확인됨', en: 'Confirmed' },
  needed: { ko: '제출 필요', en: 'Needed' },
};

/** What the portal holds of a business: its registry record (checked at claim) and its profile facts. */
export interface HeldRecords {
  /** The business was claimed against the registry record (registration number, representative, opening date). */
  registryChecked: boolean;
  profile: BusinessProfile;
}

function confirmedBy(req: DocumentRequirement, held: HeldRecords): boolean {
  switch (req.kind) {
    case 'business-registration':
      return held.registryChecked;
    case 'damage-confirmation':
      return held.profile.disasterDamage.some(
        (d) => req.disasterId === undefined || d.disasterId === req.disasterId,
      );
    case 'tax-facts':
      return held.profile.revenue !== undefined;
    case 'upload':
      return false;
  }
}

/** Each requirement with whether the portal already holds it. */
export function resolveDocuments(
  requirements: readonly DocumentRequirement[],
  held: HeldRecords,
): DocumentStatus[] {
  return requirements.map((req) => {
    const confirmed = confirmedBy(req, held);
    return {
      id: req.id,
      kind: req.kind,
      label: req.label,
      ...(req.labelEn ? { labelEn: req.labelEn } : {}),
      required: req.required,
      state: confirmed ? 'confirmed' : 'needed',
      ...(confirmed && req.kind !== 'upload' ? { source: DOCUMENT_SOURCES[req.kind].ko } : {}),
    };
  });
}

// Files

/** The only file types accepted, checked from the content (magic numbers), never from the name. */
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const FILE_LIMITS = {
  /** 10 MB per file. */
  maxBytes: 10 * 1024 * 1024,
  maxFilesPerRequest: 10,
  maxNameLength: 200,
} as const;

/** A stored file as the application refers to it; the bytes live in private storage (not built yet). */
export const FileMetadataSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(FILE_LIMITS.maxNameLength)),
  type: z.enum(FILE_TYPES),
  size: z
    .number()
    .check(
      z.int(),
      z.minimum(1),
      z.maximum(FILE_LIMITS.maxBytes, { message: '파일은 10MB 이하여야 합니다.' }),
    ),
  /** Hex SHA-256 of the content. */
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});
export type FileMetadata = z.output<typeof FileMetadataSchema>;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The file type the content shows (PDF, JPEG or PNG), or undefined for anything else. */
export function sniffFileType(bytes: Uint8Array): FileType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}
