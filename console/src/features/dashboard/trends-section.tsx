import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { count, percent } from '../../lib/format';
import { CASE_TYPE_LABEL, label } from '../../lib/labels';
import { drillDown } from './drill-down';
import { DASHBOARD_TEXT as D, TRENDS_TEXT as T } from './texts';

echarts.use([BarChart, LineChart]);

const WEEKS = 12;
const TYPES = ['OBJECTION', 'REPAIR', 'RECTIFICATION'] as const;
const of = (rows: { caseType: string; count: number }[], type: string) => rows.find((r) => r.caseType === type)?.count ?? 0;
const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

/** Ageing, deadline compliance and weekly throughput (GET /stats/trends), each number leading to its cases. */
export function TrendsSection() {
  const navigate = useNavigate();
  const trends = useQuery({ queryKey: ['stats', 'trends'], queryFn: () => must(api.GET('/stats/trends', { params: { query: { weeks: WEEKS } } })), refetchInterval: 60_000 });
  if (trends.isError) return <Alert role="alert" type="error" title={problemText(trends.error)} />;
  const t = trends.data;
  const ageing = t?.ageing ?? [];
  const weeks = t?.throughput ?? [];
  const windowStart = weeks[0]?.from ?? undefined;

  const ageingOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 40, right: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: ageing.map((b) => T.ageingBucket(b.minWorkingDays, b.maxWorkingDays)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: TYPES.map((type) => ({ name: label(CASE_TYPE_LABEL, type), type: 'bar', stack: 'age', data: ageing.map((b) => of(b.counts, type)) })),
  };
  const ageingLink = (i: number, type?: string) => {
    const b = ageing[i];
    return b ? drillDown({ open: 'true', caseType: type, openedFrom: b.from ?? undefined, openedBefore: b.before ?? undefined }) : '/inbox';
  };
  const compliance = t?.compliance ?? [];
  const complianceOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid: { left: 20, right: 30, bottom: 20, top: 10, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: compliance.map((c) => c.authorityName) },
    series: [{ name: T.share, type: 'bar', data: compliance.map((c) => Math.round(c.share * 1000) / 10), itemStyle: { color: '#389e0d' } }],
  };
  const throughputOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 40, left: 40, right: 20, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: weeks.map((w) => w.weekStart.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...TYPES.map((type) => ({ name: T.closedSeries(label(CASE_TYPE_LABEL, type)), type: 'bar', stack: 'closed', data: weeks.map((w) => of(w.closed, type)) })),
      { name: T.filed, type: 'line', data: weeks.map((w) => total(w.filed)), itemStyle: { color: '#595959' } },
    ],
  };
  const closedTypeOf = (seriesName: string) => TYPES.find((type) => T.closedSeries(label(CASE_TYPE_LABEL, type)) === seriesName);

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24}>
        <Typography.Text type="secondary">{T.drill}</Typography.Text>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={T.ageing} loading={trends.isPending}>
          <div role="img" aria-label={D.chartLabel(T.ageing)}>
            <ReactEChartsCore
              echarts={echarts}
              option={ageingOption}
              notMerge
              style={{ height: 280 }}
              onEvents={{ click: (p: { dataIndex: number; seriesIndex: number }) => void navigate(ageingLink(p.dataIndex, TYPES[p.seriesIndex])) }}
            />
          </div>
          <Table
            size="small"
            rowKey={(b) => `${b.minWorkingDays}`}
            pagination={false}
            dataSource={ageing}
            columns={[
              { title: T.ageing, render: (_, b) => T.ageingBucket(b.minWorkingDays, b.maxWorkingDays) },
              ...TYPES.map((type) => ({ title: label(CASE_TYPE_LABEL, type), render: (_: unknown, b: (typeof ageing)[number], i: number) => <Link to={ageingLink(i, type)}>{count(of(b.counts, type))}</Link> })),
              { title: T.total, render: (_, b, i) => <Link to={ageingLink(i)}>{count(total(b.counts))}</Link> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={T.compliance} loading={trends.isPending}>
          <Typography.Paragraph type="secondary">{T.complianceHelp(WEEKS)}</Typography.Paragraph>
          <div role="img" aria-label={D.chartLabel(T.compliance)}>
            <ReactEChartsCore
              echarts={echarts}
              option={complianceOption}
              notMerge
              style={{ height: Math.max(160, 40 * compliance.length + 40) }}
              onEvents={{ click: (p: { dataIndex: number }) => void navigate(drillDown({ open: 'false', authorityId: compliance[p.dataIndex]?.authorityId, closedFrom: windowStart })) }}
            />
          </div>
          <Table
            size="small"
            rowKey="authorityId"
            pagination={false}
            dataSource={compliance}
            columns={[
              { title: T.authority, dataIndex: 'authorityName' },
              { title: T.closed, render: (_, c) => <Link to={drillDown({ open: 'false', authorityId: c.authorityId, closedFrom: windowStart })}>{count(c.closed)}</Link> },
              { title: T.onTime, render: (_, c) => count(c.onTime) },
              { title: T.share, render: (_, c) => percent(c.share) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={T.throughput} loading={trends.isPending}>
          <div role="img" aria-label={D.chartLabel(T.throughput)}>
            <ReactEChartsCore
              echarts={echarts}
              option={throughputOption}
              notMerge
              style={{ height: 300 }}
              onEvents={{
                click: (p: { dataIndex: number; seriesName: string }) => {
                  const w = weeks[p.dataIndex];
                  if (!w) return;
                  const type = closedTypeOf(p.seriesName);
                  void navigate(type ? drillDown({ caseType: type, closedFrom: w.from ?? undefined, closedBefore: w.before ?? undefined }) : drillDown({ openedFrom: w.from ?? undefined, openedBefore: w.before ?? undefined }));
                },
              }}
            />
          </div>
        </Card>
      </Col>
    </Row>
  );
}
