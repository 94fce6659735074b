import { translate, type Language } from '../i18n/i18n';
import { ApiError } from './client';

// Uploading a file with a progress bar, for every module's imports. It goes by XMLHttpRequest,
// not fetch: only XMLHttpRequest tells how much of the body has been sent.

export interface FileUpload {
  /** The API path with its query string. */
  url: string;
  contentType: string;
  file: File;
  csrfToken: string | null;
  language: Language;
  /** Bytes sent so far of `total`. */
  onProgress: (sent: number, total: number) => void;
  /** The whole file is sent; the server is at work. */
  onSent: () => void;
}

/** Posts the file as the body; resolves with the JSON answer, rejects with the server's ApiError. */
export function uploadFile<Answer>(upload: FileUpload): Promise<Answer> {
  const { file, language } = upload;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', upload.url);
    request.setRequestHeader('Content-Type', upload.contentType);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', language);
    if (upload.csrfToken) request.setRequestHeader('x-csrf-token', upload.csrfToken);
    request.upload.onprogress = (event) => upload.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.upload.onload = () => upload.onSent();
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A proxy's HTML error page: handled below by the status.
      }
      if (request.status >= 200 && request.status < 300 && body) {
        resolve(body as Answer);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'http_error',
          error?.message ?? translate(language, 'error.unexpected', { status: request.status }),
          error?.details,
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', translate(language, 'error.network')));
    request.send(file);
  });
}
