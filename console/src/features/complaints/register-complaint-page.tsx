import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Select, Typography } from 'antd';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { COMPLAINT_TEXT as T } from './texts';

type PolicyArea = 'GOVERNMENT_PROCUREMENT' | 'PUBLIC_PRIVATE_PARTNERSHIP' | 'BIDDING' | 'INVESTMENT_PROMOTION' | 'LOCAL_GOVERNMENT_DEBT' | 'STREET_TOWNSHIP_COMMITMENT' | 'ARREARS_TO_FIRMS' | 'OTHER';
type Category = 'CONTRACT_NOT_HONOURED' | 'ARREARS_TO_FIRM' | 'POLICY_PROMISE_BROKEN' | 'JUDGMENT_NOT_PERFORMED' | 'OTHER';

interface ComplaintForm {
  subjectId: string;
  policyArea: PolicyArea;
  category: Category;
  summary: string;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
  reporterOrganization?: string;
}

/** The credit office registers a complaint (投诉举报) and hands the reporter the case number and the secret. */
export function RegisterComplaintPage() {
  const [form] = Form.useForm<ComplaintForm>();
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const register = useMutation({
    mutationFn: (values: ComplaintForm) =>
      must(
        api.POST('/complaints', {
          body: {
            subjectId: values.subjectId,
            policyArea: values.policyArea,
            category: values.category,
            summary: values.summary,
            evidence: [],
            anonymous: values.anonymous,
            ...(values.anonymous
              ? {}
              : { reporter: { name: values.reporterName ?? '', ...(values.reporterPhone ? { phone: values.reporterPhone } : {}), ...(values.reporterOrganization ? { organization: values.reporterOrganization } : {}) } }),
          },
        }),
      ),
  });

  if (register.isSuccess) {
    const { lookup } = register.data;
    return (
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.registered}</Typography.Title>} style={{ maxWidth: 720 }}>
        <Alert type="success" showIcon title={T.lookupHint} style={{ marginBottom: 16 }} />
        <Descriptions column={1} bordered>
          <Descriptions.Item label={T.caseNumber}>{lookup.caseNumber}</Descriptions.Item>
          <Descriptions.Item label={T.secret}>
            <Typography.Text copyable code>
              {lookup.secret}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Button
          style={{ marginTop: 16 }}
          onClick={() => {
            form.resetFields();
            register.reset();
          }}
        >
          {T.another}
        </Button>
      </Card>
    );
  }

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>} style={{ maxWidth: 720 }}>
      {register.isError && <Alert role="alert" type="error" showIcon title={problemText(register.error)} style={{ marginBottom: 16 }} />}
      <Form<ComplaintForm> form={form} layout="vertical" initialValues={{ anonymous: false, policyArea: 'OTHER', category: 'OTHER' }} onFinish={(values) => register.mutate(values)}>
        <Form.Item label={T.subjectId} name="subjectId" rules={[{ required: true, message: T.subjectRequired }, { max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={T.policyArea} name="policyArea" rules={[{ required: true }]}>
          <Select options={Object.entries(T.areas).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.category} name="category" rules={[{ required: true }]}>
          <Select options={Object.entries(T.categories).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.summary} name="summary" rules={[{ required: true, message: T.summaryRequired }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{T.anonymous}</Checkbox>
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item label={T.reporterName} name="reporterName" extra={T.reporterHelp} rules={[{ required: true, message: T.reporterNameRequired }, { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label={T.reporterPhone} name="reporterPhone" rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label={T.reporterOrganization} name="reporterOrganization" rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {T.submit}
        </Button>
      </Form>
    </Card>
  );
}
