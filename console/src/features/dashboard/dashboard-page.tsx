import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { CASE_TYPE_LABEL, label, CASE_STATUS_LABEL } from '../../lib/labels';
import { drillDown } from './drill-down';
import { DASHBOARD_TEXT as T } from './texts';
import { TrendsSection } from './trends-section';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const sum = (rows: { count: number }[]) => rows.reduce((total, r) => total + r.count, 0);

/** The administrator's monitoring dashboard, from the API's aggregate endpoint (counted in PostgreSQL). */
export function DashboardPage() {
  const navigate = useNavigate();
  const stats = useQuery({ queryKey: ['stats', 'cases'], queryFn: () => must(api.GET('/stats/cases')), refetchInterval: 30_000 });
  if (stats.isError) return <Alert role="alert" type="error" title={problemText(stats.error)} />;
  const s = stats.data;
  const types = [...new Set((s?.openByStatus ?? []).map((r) => r.caseType))];
  const statuses = [...new Set((s?.openByStatus ?? []).map((r) => r.status))];
  const byStatusOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 40, right: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: types.map((t) => label(CASE_TYPE_LABEL, t)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: statuses.map((status) => ({
      name: label(CASE_STATUS_LABEL, status),
      type: 'bar',
      stack: 'open',
      data: types.map((t) => s?.openByStatus.find((r) => r.caseType === t && r.status === status)?.count ?? 0),
    })),
  };
  const dueOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: (s?.dueWithin ?? []).map((d) => T.dueWithinLabel(d.workingDays)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: T.count, type: 'bar', data: (s?.dueWithin ?? []).map((d) => d.count), itemStyle: { color: '#fa8c16' } }],
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {T.title}
      </Typography.Title>
      {s && <Typography.Paragraph type="secondary">{T.asOf(dateTime(s.asOf))}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card loading={stats.isPending} role="group" aria-label={T.openCases}>
            <Link to={drillDown({ open: 'true' })}>
              <Statistic title={T.openCases} value={sum(s?.openByStatus ?? [])} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card loading={stats.isPending} role="group" aria-label={T.overdue}>
            <Link to={drillDown({ overdue: 'true' })}>
              <Statistic title={T.overdue} value={sum(s?.overdue ?? [])} valueStyle={{ color: '#cf1322' }} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card loading={stats.isPending} role="group" aria-label={T.escalated}>
            <Link to={drillDown({ open: 'true', escalated: 'true' })}>
              <Statistic title={T.escalated} value={sum(s?.escalated ?? [])} valueStyle={{ color: '#d4380d' }} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card loading={stats.isPending} role="group" aria-label={T.dueSoon}>
            <Statistic title={`${T.dueSoon}（${T.dueWithinLabel(5)}）`} value={s?.dueWithin.find((d) => d.workingDays === 5)?.count ?? 0} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={T.openByStatus}>
            <div role="img" aria-label={T.chartLabel(T.openByStatus)}>
              <ReactEChartsCore
                echarts={echarts}
                option={byStatusOption}
                notMerge
                style={{ height: 320 }}
                onEvents={{ click: (p: { dataIndex: number; seriesIndex: number }) => void navigate(drillDown({ open: 'true', caseType: types[p.dataIndex], status: statuses[p.seriesIndex] })) }}
              />
            </div>
            <Table
              size="small"
              rowKey={(r) => `${r.caseType}-${r.status}`}
              pagination={false}
              dataSource={s?.openByStatus ?? []}
              columns={[
                { title: '类型', render: (_, r) => label(CASE_TYPE_LABEL, r.caseType) },
                { title: '状态', render: (_, r) => label(CASE_STATUS_LABEL, r.status) },
                { title: T.count, render: (_, r) => <Link to={drillDown({ open: 'true', caseType: r.caseType, status: r.status })}>{r.count.toLocaleString('zh-CN')}</Link> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={T.dueWithin}>
            <div role="img" aria-label={T.chartLabel(T.dueWithin)}>
              <ReactEChartsCore echarts={echarts} option={dueOption} notMerge style={{ height: 320 }} />
            </div>
          </Card>
        </Col>
      </Row>
      <TrendsSection />
    </>
  );
}
