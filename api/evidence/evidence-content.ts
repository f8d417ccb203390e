import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, ErrorCode } from '../../lib/app-error.js';

/** An accepted kind of evidence: what its bytes must be, which names it may carry, the media type it is served as. */
interface EvidenceKind {
  /** MIME type file-type reports for the content. */
  detected: string;
  extensions: readonly string[];
  mediaType: string;
  /** For OLE compound files (.doc/.xls): a stream the document must contain, as its UTF-16LE directory name. */
  oleStream?: readonly string[];
}

const OLE = 'application/x-cfb';

/** PDF, images and office documents, recognised by their content (magic bytes), and the names they may carry. */
const KINDS: readonly EvidenceKind[] = [
  { detected: 'application/pdf', extensions: ['.pdf'], mediaType: 'application/pdf' },
  { detected: 'image/png', extensions: ['.png'], mediaType: 'image/png' },
  { detected: 'image/jpeg', extensions: ['.jpg', '.jpeg'], mediaType: 'image/jpeg' },
  { detected: 'image/gif', extensions: ['.gif'], mediaType: 'image/gif' },
  { detected: 'image/webp', extensions: ['.webp'], mediaType: 'image/webp' },
  {
    detected: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    detected: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  // Word 97–2003 and Excel 97–2003 are both OLE compound files; the stream inside tells them from, say, an .msi.
  { detected: OLE, extensions: ['.doc'], mediaType: 'application/msword', oleStream: ['WordDocument'] },
  { detected: OLE, extensions: ['.xls'], mediaType: 'application/vnd.ms-excel', oleStream: ['Workbook', 'Book'] },
];

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((kind) => kind.extensions);

function hasOleStream(content: Buffer, names: readonly string[]): boolean {
  return names.some((name) => content.includes(Buffer.from(name, 'utf16le')));
}

export interface EvidenceContentType {
  mediaType: string;
  extension: string;
}

/**
 * The media type of an upload, from its bytes; the declared file name must carry an extension of that type.
 * Anything else (unknown content, a type we do not take, a name that disagrees with the content) is a 415.
 */
export async function evidenceContentType(content: Buffer, fileName: string): Promise<EvidenceContentType> {
  const extension = extname(fileName).toLowerCase();
  const detected = await fileTypeFromBuffer(content);
  if (!detected) {
    throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `The content of ${fileName} is not a recognised type; accepted: ${ACCEPTED_EXTENSIONS.join(' ')}`);
  }
  const candidates = KINDS.filter((kind) => kind.detected === detected.mime);
  if (candidates.length === 0) {
    throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `Files of type ${detected.mime} are not accepted; accepted: ${ACCEPTED_EXTENSIONS.join(' ')}`);
  }
  const kind = candidates.find((candidate) => candidate.extensions.includes(extension));
  if (!kind || (kind.oleStream && !hasOleStream(content, kind.oleStream))) {
    throw new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `The file name ${JSON.stringify(fileName)} does not match its content (${detected.mime}); expected ${candidates.flatMap((c) => c.extensions).join(' or ')}`,
    );
  }
  return { mediaType: kind.mediaType, extension };
}
