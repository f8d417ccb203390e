import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { CASE_COMMON_TEXT as T } from './texts';

export interface EvidenceItem {
  title: string;
  fileId?: string;
  /** A label shown before the title (a repair material's kind). */
  kind?: string;
}

const contentUrl = (fileId: string) => `/evidence/${encodeURIComponent(fileId)}/content`;

/** The file in the page: an image as itself, a PDF in the browser's viewer, anything else only for download. */
function Preview({ fileId }: { fileId: string }) {
  const content = useQuery({
    queryKey: ['evidence-content', fileId],
    queryFn: () => must(api.GET('/evidence/{fileId}/content', { params: { path: { fileId } }, parseAs: 'blob' })) as Promise<Blob>,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!content.data) return undefined;
    const objectUrl = URL.createObjectURL(content.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [content.data]);
  if (content.isError) return <Alert type="error" title={problemText(content.error)} />;
  if (!content.data || !url) return <Spin tip={T.previewLoading}><div style={{ height: 120 }} /></Spin>;
  const type = content.data.type;
  if (type.startsWith('image/')) return <img src={url} alt="" style={{ maxWidth: '100%' }} />;
  if (type === 'application/pdf') return <iframe src={url} title={T.preview} style={{ width: '100%', height: '70vh', border: 0 }} />;
  return <Alert type="info" title={T.previewUnsupported} />;
}

/** A case's evidence or materials: preview in the page, or download. */
export function EvidenceList({ items, title = T.evidence, loading }: { items: EvidenceItem[]; title?: string; loading?: boolean }) {
  const [open, setOpen] = useState<EvidenceItem | null>(null);
  return (
    <Card title={title} loading={loading}>
      <List
        locale={{ emptyText: T.noEvidence }}
        dataSource={items}
        renderItem={(item) => (
          <List.Item
            actions={
              item.fileId
                ? [
                    <Button key="preview" type="link" size="small" onClick={() => setOpen(item)} aria-label={`${T.preview} ${item.title}`}>
                      {T.preview}
                    </Button>,
                    <a key="download" href={contentUrl(item.fileId)} aria-label={`${T.download} ${item.title}`}>
                      {T.download}
                    </a>,
                  ]
                : []
            }
          >
            <Space>
              {item.kind && <span>{item.kind}：</span>}
              {item.title}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={!!open} title={open ? T.previewTitle(open.title) : ''} onCancel={() => setOpen(null)} footer={null} width={900} destroyOnHidden>
        {open?.fileId && <Preview fileId={open.fileId} />}
      </Modal>
    </Card>
  );
}
