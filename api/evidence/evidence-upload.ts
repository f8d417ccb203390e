import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import type { UploadedFile } from './evidence-service.js';

/** The multipart field that carries the file. */
export const FILE_FIELD = 'file';

/**
 * Reads one file from a multipart/form-data body into memory, within limits (multer over busboy): the size limit is
 * a 413, any other malformed multipart a 400, a body that is not multipart a 415.
 */
export function singleFileReceiver(maxBytes: number) {
  const upload = multer({
    storage: multer.memoryStorage(),
    // File names as UTF-8 (busboy's default is latin1, which garbles 中文 names).
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000, fieldNameSize: 100, parts: 12, headerPairs: 50 },
  }).single(FILE_FIELD);

  return async function receive(req: Request, res: Response): Promise<UploadedFile> {
    const multipart = req.is('multipart/form-data');
    if (multipart === null || req.headers['content-length'] === '0') throw missingFile(); // no body at all
    if (!multipart) {
      throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Upload a file as multipart/form-data in the field "${FILE_FIELD}"`);
    }
    await new Promise<void>((resolve, reject) => {
      upload(req, res, (err: unknown) => (err ? reject(toUploadError(err, maxBytes)) : resolve()));
    });
    if (!req.file) throw missingFile();
    return { originalName: req.file.originalname, content: req.file.buffer };
  };
}

function missingFile(): AppError {
  return new AppError(ErrorCode.VALIDATION, `A file is required in the multipart field "${FILE_FIELD}"`, {
    errors: [{ path: FILE_FIELD, message: 'required' }],
  });
}

function toUploadError(err: unknown, maxBytes: number): AppError {
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${maxBytes} bytes`);
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT') {
      return new AppError(ErrorCode.VALIDATION, `Send exactly one file, in the multipart field "${FILE_FIELD}"`);
    }
    return new AppError(ErrorCode.VALIDATION, `Malformed multipart body: ${err.message}`);
  }
  // busboy's parse errors (no boundary, truncated body, bad headers) and an aborted request.
  return new AppError(ErrorCode.VALIDATION, 'Malformed multipart/form-data body');
}

/** What identifies an upload for its Idempotency-Key: the declared name and the content, not the multipart framing. */
export function uploadFingerprint(file: UploadedFile): string {
  const content = createHash('sha256').update(file.content).digest('hex');
  return `${JSON.stringify(file.originalName)}:${content}`;
}
