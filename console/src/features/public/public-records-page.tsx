import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Layout, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { date } from '../../lib/dates';
import { PUBLIC_TEXT as T } from './texts';

interface PublicRecord {
  id: string;
  subject: { kind: string; name?: string; creditCode?: string; organization?: string | null };
  authority: string;
  documentNumber: string;
  title: string | null;
  publishedFrom: string | null;
  publishedUntil: string | null;
  underObjection: boolean;
}

/**
 * What is published now (公示), without signing in: bodies by name and credit code, civil servants only by organisation;
 * searchable by a body's name or 统一社会信用代码 (a civil servant's record is found by the organisation's).
 */
export function PublicRecordsPage() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>(undefined);
  const records = useQuery({
    queryKey: ['public-records', page, q],
    queryFn: () => must(api.GET('/public/records', { params: { query: { page, pageSize: 20, ...(q ? { q } : {}) } } })),
  });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {T.title}
        </Typography.Text>
        <Flex gap={24}>
          <Link to="/public/complaint-lookup" style={{ color: '#fff' }}>
            {T.complaintLookup}
          </Link>
          <Link to="/login" style={{ color: '#fff' }}>
            {T.login}
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Card>
            <Flex vertical gap={12}>
              <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
                {T.title}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
              <Input.Search
                aria-label={T.search}
                placeholder={T.search}
                allowClear
                enterButton
                maxLength={100}
                style={{ width: 480, maxWidth: '100%' }}
                onSearch={(value) => {
                  setQ(value.trim() || undefined);
                  setPage(1);
                }}
              />
              {records.isError && <Alert type="error" title={problemText(records.error)} />}
              <Table<PublicRecord>
                rowKey="id"
                loading={records.isPending}
                dataSource={(records.data?.items ?? []) as unknown as PublicRecord[]}
                pagination={{ current: page, pageSize: 20, total: records.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
                columns={[
                  { title: T.columns.subject, render: (_, r) => r.subject.name ?? T.servantOf(r.subject.organization ?? null) },
                  { title: T.columns.creditCode, render: (_, r) => r.subject.creditCode ?? '—' },
                  { title: T.columns.authority, dataIndex: 'authority' },
                  { title: T.columns.document, dataIndex: 'documentNumber' },
                  { title: T.columns.title, render: (_, r) => r.title ?? '—' },
                  { title: T.columns.window, render: (_, r) => `${date(r.publishedFrom)} 至 ${date(r.publishedUntil)}` },
                  { title: T.columns.objection, render: (_, r) => (r.underObjection ? <Tag color="orange">{T.underObjection}</Tag> : '—') },
                ]}
              />
            </Flex>
          </Card>
        </main>
      </Layout.Content>
    </Layout>
  );
}
