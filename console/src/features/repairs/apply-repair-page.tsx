import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { uploadEvidence } from '../../api/upload';
import { date } from '../../lib/dates';
import { MaterialsFields, uploadMaterials, type MaterialFiles } from './materials-fields';
import { REQUIRED_MATERIALS } from './repair-types';
import { REPAIR_TEXT as T } from './texts';

/**
 * Applying for credit repair: the eligibility check first (why not, and from when), then the materials checklist.
 * Each file is uploaded to the record, and the application references the files by id, as the API requires.
 */
export function ApplyRepairPage() {
  const { recordId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [files, setFiles] = useState<MaterialFiles>({});
  const [noFiles, setNoFiles] = useState(false);
  const eligibility = useQuery({
    queryKey: ['repair-eligibility', recordId],
    queryFn: () => must(api.GET('/records/{recordId}/repair-eligibility', { params: { path: { recordId } } })),
  });
  const apply = useMutation({
    mutationFn: async ({ statement }: { statement?: string }) => {
      const materials = await uploadMaterials(files, (file) => uploadEvidence('record', recordId, file));
      return must(api.POST('/repairs', { body: { recordId, materials, statement: statement || undefined } }));
    },
    onSuccess: async (created) => {
      message.success(T.applied(created.id));
      await queryClient.invalidateQueries();
      await navigate(`/repairs/${encodeURIComponent(created.id)}`);
    },
  });
  const e = eligibility.data;
  const submit = (form: { statement?: string }) => {
    if (!Object.values(files).some(Boolean)) {
      setNoFiles(true);
      return;
    }
    setNoFiles(false);
    apply.mutate(form);
  };
  return (
    <Flex vertical gap={24} style={{ maxWidth: 760 }}>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.applyTitle(recordId)}</Typography.Title>}>
        <Typography.Title level={3} style={{ fontSize: 16 }}>{T.eligibilityTitle}</Typography.Title>
        {eligibility.isError && <Alert type="error" title={problemText(eligibility.error)} />}
        {e && (
          <Space direction="vertical">
            <Tag color={e.repairable ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }}>
              {e.repairable ? T.repairable : T.notRepairable}
            </Tag>
            {!e.repairable && (
              <List
                size="small"
                dataSource={e.obstacles}
                renderItem={(o) => (
                  <List.Item>
                    {T.obstacles[o.code] ?? o.message}
                    {o.from ? `（${T.earliestFrom(date(o.from))}）` : ''}
                  </List.Item>
                )}
              />
            )}
            {e.earliestFrom && <Typography.Text>{T.earliestFrom(date(e.earliestFrom))}</Typography.Text>}
          </Space>
        )}
      </Card>
      {e?.repairable && (
        <Card>
          {apply.isError && <Alert role="alert" type="error" showIcon title={problemText(apply.error)} style={{ marginBottom: 16 }} />}
          <Form<{ statement?: string }> layout="vertical" onFinish={submit} aria-label={T.submitApplication}>
            <MaterialsFields files={files} onChange={setFiles} required={REQUIRED_MATERIALS} />
            {noFiles && <Alert role="alert" type="error" title={T.atLeastOne} style={{ marginBottom: 16 }} />}
            <Form.Item label={T.statement} name="statement" rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={apply.isPending}>
                {T.submitApplication}
              </Button>
              <Button onClick={() => void navigate(-1)}>{T.cancel}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
