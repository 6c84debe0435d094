import { randomBytes } from 'node:crypto';
import {
  ConflictError,
  type FileRepository,
  NotFoundError,
  type StoredFile,
  UnprocessableError,
} from '@sbiz24/shared';
import type { Application } from '@sbiz24/shared/application/application';
import { FILE_LIMITS, type FileMetadata, sniffFileType } from '@sbiz24/shared/application/documents';
import type { AnswerValue } from '@sbiz24/shared/application/form';
import type { AnswerInput, CreateUploadRequest } from '@sbiz24/shared/contract/applications';
import {
  DOWNLOAD_LINK_SECONDS,
  type FileStorage,
  fileStorageKey,
  UPLOAD_TICKET_SECONDS,
  type UploadTicket,
} from './file-storage';
import type { Caller } from './types';

export interface FileServiceDeps {
  files: FileRepository;
  storage: FileStorage;
  clock: () => Date;
  newId?: () => string;
}

const FILE_NOT_FOUND = '파일을 찾을 수 없습니다.';

/** A file's metadata as an application keeps it. */
export const metadataOf = (file: StoredFile): FileMetadata => ({
  id: file.id,
  name: file.name,
  type: file.type,
  size: file.size,
  ...(file.sha256 ? { sha256: file.sha256 } : {}),
});

/** Every file id an application refers to: file answers and files attached to supplement responses. */
export function filesOf(app: Application): Set<string> {
  const ids = new Set<string>();
  for (const value of Object.values(app.answers)) if (typeof value === 'object') ids.add(value.id);
  for (const entry of app.timeline) for (const f of entry.files ?? []) ids.add(f.id);
  return ids;
}

/**
 * Application files: an upload ticket for the browser (the bytes go straight to storage, never through the
 * API), then a check of what arrived — present, at most 10 MB, PDF/JPEG/PNG told from its first bytes,
 * never from the name — before the file can be attached. Reads go through short-lived links, issued only to
 * the owner and (by the application routes) to the agency reviewing an application that carries the file.
 */
export function createFileService({
  files,
  storage,
  clock,
  newId = () => randomBytes(16).toString('base64url'),
}: FileServiceDeps) {
  async function ownFile(caller: Caller, id: string): Promise<StoredFile> {
    const file = await files.get(id);
    if (!file || file.ownerId !== caller.sub) throw new NotFoundError(FILE_NOT_FOUND, 'FILE_NOT_FOUND');
    return file;
  }

  async function link(file: StoredFile) {
    return storage.downloadUrl(fileStorageKey(file.id), {
      name: file.name,
      type: file.type,
      expiresInSeconds: DOWNLOAD_LINK_SECONDS,
    });
  }

  /** Resolves file ids to the caller's checked files; any other is refused, naming where it was given. */
  async function readyFiles(caller: Caller, refs: { id: string; path: string }[]): Promise<FileMetadata[]> {
    const found = await Promise.all(refs.map((ref) => files.get(ref.id)));
    const problems = refs.flatMap((ref, i) => {
      const file = found[i];
      if (!file || file.ownerId !== caller.sub)
        return [{ path: ref.path, message: `파일(${ref.id})을 찾을 수 없습니다.` }];
      if (file.status !== 'ready')
        return [
          {
            path: ref.path,
            message: `파일(${file.name})의 확인이 끝나지 않았습니다. 올린 뒤 확인을 요청해 주세요.`,
          },
        ];
      return [];
    });
    if (problems.length > 0)
      throw new UnprocessableError('첨부한 파일을 확인할 수 없습니다.', 'FILE_NOT_READY', problems);
    return found.map((f) => metadataOf(f!));
  }

  return {
    async createUpload(
      caller: Caller,
      request: CreateUploadRequest,
    ): Promise<{ file: StoredFile; upload: UploadTicket }> {
      const file: StoredFile = {
        id: newId(),
        ownerId: caller.sub,
        name: request.name,
        type: request.type,
        size: request.size,
        status: 'pending',
        createdAt: clock().toISOString(),
      };
      await files.create(file);
      const upload = await storage.uploadTicket(fileStorageKey(file.id), {
        type: request.type,
        maxBytes: FILE_LIMITS.maxBytes,
        expiresInSeconds: UPLOAD_TICKET_SECONDS,
      });
      return { file, upload };
    },

    /**
     * Checks what arrived for a pending upload and marks it ready; a refused upload is deleted. Asking again
     * for a ready file returns it.
     */
    async complete(caller: Caller, id: string): Promise<FileMetadata> {
      const file = await ownFile(caller, id);
      if (file.status === 'ready') return metadataOf(file);
      const key = fileStorageKey(id);
      const stored = await storage.inspect(key, FILE_LIMITS.maxBytes);
      if (!stored)
        throw new UnprocessableError(
          '파일이 아직 올라오지 않았습니다. 업로드를 마친 뒤 다시 확인해 주세요.',
          'FILE_NOT_UPLOADED',
        );
      if (stored.size > FILE_LIMITS.maxBytes) {
        await storage.remove(key);
        throw new UnprocessableError('파일은 10MB 이하여야 합니다.', 'FILE_TOO_LARGE');
      }
      const type = sniffFileType(stored.head);
      if (!type) {
        await storage.remove(key);
        throw new UnprocessableError(
          'PDF, JPG, PNG 파일만 올릴 수 있습니다 (파일 이름이 아니라 내용으로 확인합니다).',
          'FILE_TYPE_NOT_ALLOWED',
        );
      }
      try {
        return metadataOf(await files.markReady(id, { type, size: stored.size, sha256: stored.sha256 }));
      } catch (err) {
        // Two checks raced: the other one marked it ready.
        if (err instanceof ConflictError) return metadataOf(await ownFile(caller, id));
        throw err;
      }
    },

    /** A download link for the file's owner. */
    async ownerDownload(caller: Caller, id: string) {
      const file = await ownFile(caller, id);
      if (file.status !== 'ready') throw new NotFoundError(FILE_NOT_FOUND, 'FILE_NOT_FOUND');
      return link(file);
    },

    /** A download link for staff: only a file the application (already access-checked) refers to. */
    async applicationDownload(app: Application, id: string) {
      const file = filesOf(app).has(id) ? await files.get(id) : undefined;
      if (!file || file.ownerId !== app.ownerId || file.status !== 'ready')
        throw new NotFoundError(FILE_NOT_FOUND, 'FILE_NOT_FOUND');
      return link(file);
    },

    /** The caller's checked files for a supplement response, in the order given. */
    attachments(caller: Caller, ids: readonly string[]): Promise<FileMetadata[]> {
      return readyFiles(
        caller,
        ids.map((id, i) => ({ id, path: `files.${i}` })),
      );
    },

    /** 통합신청 answers with every `{ fileId }` replaced by the caller's checked file's metadata. */
    async resolveAnswers(
      caller: Caller,
      answers: Record<string, Record<string, AnswerInput>> | undefined,
    ): Promise<Record<string, Record<string, AnswerValue>> | undefined> {
      if (!answers) return undefined;
      const refs: { id: string; path: string; program: string; field: string }[] = [];
      for (const [program, byField] of Object.entries(answers))
        for (const [field, value] of Object.entries(byField))
          if (typeof value === 'object')
            refs.push({ id: value.fileId, path: `answers.${program}.${field}`, program, field });
      const resolved = await readyFiles(caller, refs);
      const out: Record<string, Record<string, AnswerValue>> = {};
      for (const [program, byField] of Object.entries(answers))
        out[program] = Object.fromEntries(
          Object.entries(byField).filter(
            (entry): entry is [string, string | number] => typeof entry[1] !== 'object',
          ),
        );
      refs.forEach((ref, i) => {
        out[ref.program]![ref.field] = resolved[i]!;
      });
      return out;
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
