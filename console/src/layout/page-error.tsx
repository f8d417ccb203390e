import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** A page that failed to render: said in Chinese, with the technical message for the support desk. */
export function PageError() {
  const error = useRouteError();
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={<Button onClick={() => window.location.reload()}>重新加载</Button>}
    />
  );
}
