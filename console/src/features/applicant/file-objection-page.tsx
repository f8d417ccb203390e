import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { GROUNDS_LABEL } from '../../lib/labels';
import { APPLICANT_TEXT as T } from './texts';

interface ObjectionForm {
  grounds: 'INACCURATE_OR_INCOMPLETE' | 'PUBLISHED_PAST_PERIOD' | 'LISTED_WITHOUT_CONDITIONS';
  statement: string;
  evidenceTitle: string;
}

/**
 * Files an objection against one of the applicant's records, with a PDF as evidence: the file is uploaded to the
 * record first (POST /cases/record/{id}/evidence) and the objection then references it by id, as the API requires.
 */
export function FileObjectionPage() {
  const { recordId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);

  const fileObjection = useMutation({
    mutationFn: async (form: ObjectionForm) => {
      const uploaded = await must(
        api.POST('/cases/{caseType}/{caseId}/evidence', {
          params: { path: { caseType: 'record', caseId: recordId } },
          body: { file: '' },
          bodySerializer: () => {
            const data = new FormData();
            data.append('file', file!);
            return data;
          },
        }),
      );
      return must(
        api.POST('/objections', {
          body: { recordId, grounds: form.grounds, statement: form.statement, evidence: [{ title: form.evidenceTitle, fileId: uploaded.id }] },
        }),
      );
    },
    onSuccess: async (created) => {
      message.success(T.filed(created.id));
      await queryClient.invalidateQueries();
      await navigate(`/cases/${created.id}`);
    },
  });

  const submit = (form: ObjectionForm) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    fileObjection.mutate(form);
  };

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.fileTitle(recordId)}</Typography.Title>} style={{ maxWidth: 720 }}>
      {fileObjection.isError && <Alert role="alert" type="error" showIcon title={problemText(fileObjection.error)} style={{ marginBottom: 16 }} />}
      <Form<ObjectionForm> layout="vertical" onFinish={submit}>
        <Form.Item label={T.grounds} name="grounds" rules={[{ required: true, message: T.groundsRequired }]}>
          <Select options={Object.entries(GROUNDS_LABEL).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.statement} name="statement" rules={[{ required: true, message: T.statementRequired }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label={T.evidenceTitle} name="evidenceTitle" rules={[{ required: true, message: T.evidenceTitleRequired }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={T.evidenceFile}
          htmlFor="evidence-file"
          required
          help={fileMissing ? T.evidenceFileRequired : T.evidenceFileHelp}
          validateStatus={fileMissing ? 'error' : undefined}
        >
          <input
            id="evidence-file"
            type="file"
            accept=".pdf,application/pdf"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileMissing(false);
            }}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={fileObjection.isPending}>
            {T.submit}
          </Button>
          <Button onClick={() => void navigate(-1)}>{T.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}
