import {
  CreateUploadRequestSchema,
  CreateUploadResponseSchema,
  DownloadResponseSchema,
  FileParamsSchema,
  FileResponseSchema,
  StaffFileParamsSchema,
} from '@sbiz24/shared/contract/applications';
import type { ApplicationService } from '../../services/application-service';
import { type FileService, metadataOf } from '../../services/file-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '신청 파일';

const createUpload = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/files',
    tags: [TAG],
    summary: '파일 올리기 준비: 브라우저가 저장소로 바로 올릴 주소와 양식',
    description:
      'PDF, JPG, PNG만, 10MB 이하. `upload.url`로 `upload.fields`를 먼저, 파일을 마지막에 `file`로 담아 multipart POST 합니다 ' +
      '(AWS: 형식과 크기가 제한된 S3 presigned POST, 15분 유효). 올린 뒤 `/complete`로 확인을 요청합니다.',
    request: { body: jsonRequest(CreateUploadRequestSchema) },
    responses: { 201: jsonResponse(CreateUploadResponseSchema, 'status: pending') },
  },
  [503],
);

const complete = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/files/{fileId}/complete',
    tags: [TAG],
    summary: '올린 파일 확인: 크기, 그리고 형식을 파일 내용(앞부분)으로',
    description:
      '아직 없으면 422 FILE_NOT_UPLOADED, 10MB 초과는 422 FILE_TOO_LARGE, PDF·JPG·PNG가 아니면 422 FILE_TYPE_NOT_ALLOWED (거절한 파일은 지웁니다). 확인된 파일만 신청에 첨부할 수 있습니다.',
    request: { params: FileParamsSchema },
    responses: { 200: jsonResponse(FileResponseSchema) },
  },
  [404, 422, 503],
);

const ownerDownload = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/files/{fileId}/download',
    tags: [TAG],
    summary: '내 파일 내려받기 주소 (5분 유효)',
    request: { params: FileParamsSchema },
    responses: { 200: jsonResponse(DownloadResponseSchema) },
  },
  [404, 503],
);

const staffDownload = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/applications/{id}/files/{fileId}/download',
    tags: [TAG],
    summary: '신청에 첨부된 파일 내려받기 주소 (심사 기관만, 5분 유효)',
    request: { params: StaffFileParamsSchema },
    responses: { 200: jsonResponse(DownloadResponseSchema) },
  },
  [404, 503],
);

export function filesResource({
  files,
  applications,
}: {
  files: FileService;
  applications: ApplicationService;
}): Resource {
  return (server) => {
    server.serve(createUpload, async (c, { body }) => {
      const { file, upload } = await files.createUpload(callerOf(c), body);
      return reply({ file: { ...metadataOf(file), status: file.status }, upload }, 201);
    });

    server.serve(complete, async (c, { params }) =>
      reply({ file: await files.complete(callerOf(c), params.fileId) }, 200),
    );

    server.serve(ownerDownload, async (c, { params }) =>
      reply(await files.ownerDownload(callerOf(c), params.fileId), 200),
    );

    server.serve(staffDownload, async (c, { params }) => {
      const app = await applications.getReviewed(callerOf(c), params.id);
      return reply(await files.applicationDownload(app, params.fileId), 200);
    });
  };
}
