import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { SESSION_KEY } from '../../session/use-session';
import { LOGIN_TEXT as T } from './texts';

interface LoginForm {
  userId: string;
  password: string;
}

/** Sign-in with a local account; the API sets the httpOnly session cookie. */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const methods = useQuery({ queryKey: ['auth-methods'], queryFn: () => must(api.GET('/auth/methods')), staleTime: Infinity });
  const oidcError = params.get('oidcError');
  const login = useMutation({
    mutationFn: (form: LoginForm) => must(api.POST('/auth/login', { body: form })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      const next = params.get('next');
      await navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    },
  });
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <main>
        <Card style={{ width: 380 }}>
          <Typography.Title level={3}>{T.product}</Typography.Title>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {T.title}
          </Typography.Title>
          {login.isError && <Alert role="alert" type="error" showIcon title={problemText(login.error)} style={{ marginBottom: 16 }} />}
          {oidcError && !login.isError && (
            <Alert role="alert" type="error" showIcon title={T.oidcErrors[oidcError] ?? T.oidcErrorOther} style={{ marginBottom: 16 }} />
          )}
          <Form<LoginForm> layout="vertical" onFinish={(form) => login.mutate(form)} requiredMark={false}>
            <Form.Item label={T.userId} name="userId" rules={[{ required: true, message: T.userIdRequired }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={T.password} name="password" rules={[{ required: true, message: T.passwordRequired }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {T.submit}
            </Button>
          </Form>
          {methods.data?.oidc && (
            <>
              <Divider plain>{T.or}</Divider>
              {/* A full-page navigation: the API redirects to the identity provider and back (authorization code + PKCE). */}
              <Button href="/auth/oidc/login" block>
                {T.oidc}
              </Button>
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {T.hint}
          </Typography.Paragraph>
          <Link to="/public">{T.publicLink}</Link>
        </Card>
      </main>
    </Flex>
  );
}
