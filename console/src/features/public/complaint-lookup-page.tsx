import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Layout, Typography } from 'antd';
import { Link } from 'react-router';
import { api, ApiError, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { COMPLAINT_STATUS_LABEL, FINDING_LABEL, label, STEP_LABEL } from '../../lib/labels';
import { LOOKUP_TEXT as T } from '../complaints/texts';

/** The reporter's progress by case number and secret, without signing in (投诉举报进度查询). */
export function ComplaintLookupPage() {
  const lookup = useMutation({
    mutationFn: (v: { caseNumber: string; secret: string }) => must(api.POST('/public/complaints/lookup', { body: { caseNumber: v.caseNumber.trim(), secret: v.secret.trim() } })),
  });
  const p = lookup.data;
  const notFound = lookup.error instanceof ApiError && lookup.error.problem.status === 404;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>{T.title}</Typography.Text>
        <Link to="/public" style={{ color: '#fff' }}>{T.back}</Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Card style={{ maxWidth: 720 }}>
            <Flex vertical gap={12}>
              <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{T.title}</Typography.Title>
              <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
              <Form<{ caseNumber: string; secret: string }> layout="vertical" aria-label={T.title} onFinish={(v) => lookup.mutate(v)}>
                <Form.Item label={T.caseNumber} name="caseNumber" rules={[{ required: true, whitespace: true, message: T.caseNumberRequired }, { max: 64 }]}>
                  <Input maxLength={64} autoComplete="off" />
                </Form.Item>
                <Form.Item label={T.secret} name="secret" rules={[{ required: true, whitespace: true, message: T.secretRequired }, { max: 200 }]}>
                  <Input.Password maxLength={200} autoComplete="off" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={lookup.isPending}>{T.submit}</Button>
              </Form>
              {lookup.isError && <Alert role="alert" type="error" showIcon title={notFound ? T.notFound : problemText(lookup.error)} />}
              {p && (
                <Descriptions column={1} bordered size="small" aria-label={T.title}>
                  <Descriptions.Item label={T.caseNumber}>{p.caseNumber}</Descriptions.Item>
                  <Descriptions.Item label={T.status}>{label(COMPLAINT_STATUS_LABEL, p.status)}</Descriptions.Item>
                  <Descriptions.Item label={T.step}>{label(STEP_LABEL, p.currentStep)}</Descriptions.Item>
                  <Descriptions.Item label={T.due}>{dateTime(p.dueAt)}</Descriptions.Item>
                  <Descriptions.Item label={T.filedAt}>{dateTime(p.filedAt)}</Descriptions.Item>
                  {p.reply && <Descriptions.Item label={T.finding}>{p.finding ? label(FINDING_LABEL, p.finding) : '—'}</Descriptions.Item>}
                  {p.reply && <Descriptions.Item label={T.reply}>{p.reply}</Descriptions.Item>}
                  {p.reply && <Descriptions.Item label={T.repliedAt}>{dateTime(p.repliedAt)}</Descriptions.Item>}
                </Descriptions>
              )}
            </Flex>
          </Card>
        </main>
      </Layout.Content>
    </Layout>
  );
}
