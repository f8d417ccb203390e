import { api, must } from './client';

/** Uploads one evidence file to a case (multipart; the API checks type and size) and returns its id. */
export async function uploadEvidence(caseType: 'record' | 'objection' | 'rectification' | 'commitment', caseId: string, file: File): Promise<string> {
  const uploaded = await must(
    api.POST('/cases/{caseType}/{caseId}/evidence', {
      params: { path: { caseType, caseId } },
      body: { file: '' },
      bodySerializer: () => {
        const data = new FormData();
        data.append('file', file);
        return data;
      },
    }),
  );
  return uploaded.id;
}
