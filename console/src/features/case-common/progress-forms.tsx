import { Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { CASE_COMMON_TEXT as C } from './texts';

const required = (max: number) => [{ required: true, whitespace: true, message: C.reasonRequired }, { max }];

export interface EvidenceRef {
  title: string;
  fileId: string;
}

/** A labelled native file input (keyboard and screen reader work as in any form). */
export function FileField({ id, text, onFile, error }: { id: string; text: string; onFile: (file: File | null) => void; error?: boolean }) {
  return (
    <Form.Item label={text} htmlFor={id} validateStatus={error ? 'error' : undefined} help={error ? C.fileRequired : undefined}>
      <input id={id} type="file" accept=".pdf,application/pdf,image/png,image/jpeg" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
    </Form.Item>
  );
}

/** The words of the two forms: a progress report, and the report that the work is done (completion, fulfilment). */
export interface ProgressFormsText {
  progressTitle: string;
  progressNote: string;
  progressFile: string;
  reportProgress: string;
  progressed: string;
  doneTitle: string;
  doneSummary: string;
  doneEvidenceTitle: string;
  doneFile: string;
  done: string;
  doneMessage: string;
}

/**
 * The body's two reports on a case it works itself (a rectification, a commitment): progress with an optional file,
 * and the completion with a required file. Files are uploaded when the form is sent; the API decides.
 */
export function ProgressForms(props: {
  text: ProgressFormsText;
  fileIds: { progress: string; done: string };
  pending: boolean;
  run: (done: string, call: () => Promise<unknown>) => void;
  upload: (file: File) => Promise<string>;
  postProgress: (body: { note: string; evidence?: EvidenceRef[] | undefined }) => Promise<unknown>;
  postDone: (body: { summary: string; evidence: EvidenceRef[] }) => Promise<unknown>;
}) {
  const { text: T, fileIds, pending, run, upload } = props;
  const [progressFile, setProgressFile] = useState<File | null>(null);
  const [doneFile, setDoneFile] = useState<File | null>(null);
  const [doneFileMissing, setDoneFileMissing] = useState(false);
  return (
    <Flex gap={24} wrap>
      <Form<{ note: string }> layout="vertical" style={{ minWidth: 300, flex: '1 1 300px' }} aria-label={T.progressTitle}
        onFinish={(v) =>
          run(T.progressed, async () => {
            const evidence = progressFile ? [{ title: progressFile.name.slice(0, 200), fileId: await upload(progressFile) }] : undefined;
            return props.postProgress({ note: v.note.trim(), evidence });
          })
        }>
        <Form.Item label={T.progressNote} name="note" rules={required(5000)}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <FileField id={fileIds.progress} text={T.progressFile} onFile={setProgressFile} />
        <Button htmlType="submit" loading={pending}>{T.reportProgress}</Button>
      </Form>
      <Form<{ summary: string; evidenceTitle: string }> layout="vertical" style={{ minWidth: 300, flex: '1 1 300px' }} aria-label={T.doneTitle}
        onFinish={(v) => {
          if (!doneFile) {
            setDoneFileMissing(true);
            return;
          }
          run(T.doneMessage, async () => props.postDone({ summary: v.summary.trim(), evidence: [{ title: v.evidenceTitle.trim(), fileId: await upload(doneFile) }] }));
        }}>
        <Form.Item label={T.doneSummary} name="summary" rules={required(5000)}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item label={T.doneEvidenceTitle} name="evidenceTitle" rules={required(200)}>
          <Input maxLength={200} />
        </Form.Item>
        <FileField id={fileIds.done} text={T.doneFile} error={doneFileMissing} onFile={(file) => { setDoneFile(file); setDoneFileMissing(false); }} />
        <Button type="primary" htmlType="submit" loading={pending}>{T.done}</Button>
      </Form>
    </Flex>
  );
}
