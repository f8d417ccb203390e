import { creditCodeCheckCharacter } from '../../domain/credit-code.js';
import { DEFAULT_COMMITMENT_POLICY } from '../../domain/commitment/commitment-policy.js';
import { DEFAULT_OBJECTION_POLICY } from '../../domain/objection/objection-policy.js';
import { DEFAULT_PUBLICATION_POLICY } from '../../domain/records/publication-policy.js';
import { addCalendarMonths } from '../../domain/records/calendar-months.js';
import { DEFAULT_REPAIR_POLICY } from '../../domain/repair/repair-policy.js';
import { DEFAULT_COMPLAINT_POLICY } from '../../domain/complaint/complaint-policy.js';
import { DEFAULT_RECTIFICATION_POLICY } from '../../domain/rectification/rectification-policy.js';
import { PolicyArea, RecordSource, Severity, type RecordFacts } from '../../domain/records/record-types.js';
import { Role } from '../../domain/roles.js';
import type { PrismaClient } from '../../lib/prisma.js';

/** Fixed ids of the reference data, so tests, tokens (`npm run token -- applicant-1`) and demos can name them. */
export const SEED = {
  subjects: {
    housingBureau: 'body-1',
    countyGovernment: 'body-2',
    financeBureau: 'body-3',
    civilServant1: 'servant-1',
    civilServant2: 'servant-2',
  },
  authorities: {
    intermediateCourt: 'authority-1',
    marketRegulation: 'authority-2',
  },
  users: {
    applicant1: 'applicant-1',
    applicant2: 'applicant-2',
    reviewer1: 'reviewer-1',
    reviewer2: 'reviewer-2',
    reviewer3: 'reviewer-3',
    supervisor1: 'supervisor-1',
    supervisor2: 'supervisor-2',
    supervisor3: 'supervisor-3',
    supervisor4: 'supervisor-4',
    admin1: 'admin-1',
  },
  records: {
    unpaidConstructionWork: 'rec-2025-0001',
    procurementPenalty: 'rec-2025-0002',
    defaultedGuarantee: 'rec-2025-0003',
    brokenCommitment: 'rec-2025-0004',
  },
  policies: {
    objectionDefault: 'objection-default@1',
  },
} as const;

const SYSTEM_ACTOR = 'system';

/** A valid 统一社会信用代码 from its first 17 characters (1 = 机构编制, 1 = 机关, 6-digit area code, 9-char org code). */
function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

/** Publication period by severity: the default policy's maximum (general findings 1 year, serious ones 3 years). */
const publicationMonths = (severity: Severity) => DEFAULT_PUBLICATION_POLICY.periods[severity].maxMonths;

const dbDate = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

const GOVERNMENT_BODIES = [
  { id: SEED.subjects.housingBureau, name: '某市住房和城乡建设局', creditCode: creditCode('11330100002488156') },
  { id: SEED.subjects.countyGovernment, name: '某县人民政府', creditCode: creditCode('11330122002530417') },
  { id: SEED.subjects.financeBureau, name: '某区财政局', creditCode: creditCode('11310104002425638') },
];

const CIVIL_SERVANTS = [
  { id: SEED.subjects.civilServant1, name: '张某某', organizationId: SEED.subjects.housingBureau },
  { id: SEED.subjects.civilServant2, name: '李某某', organizationId: SEED.subjects.countyGovernment },
];

const AUTHORITIES = [
  { id: SEED.authorities.intermediateCourt, name: '某市中级人民法院', creditCode: creditCode('11330100470016283') },
  { id: SEED.authorities.marketRegulation, name: '某市市场监督管理局', creditCode: creditCode('11330100MB1749520') },
];

const USERS = [
  { id: SEED.users.applicant1, name: '住建局信用联络员', role: Role.APPLICANT, subjectId: SEED.subjects.housingBureau },
  { id: SEED.users.applicant2, name: '县政府信用联络员', role: Role.APPLICANT, subjectId: SEED.subjects.countyGovernment },
  { id: SEED.users.reviewer1, name: '法院核查员一', role: Role.REVIEWER, authorityId: SEED.authorities.intermediateCourt },
  { id: SEED.users.reviewer2, name: '法院核查员二', role: Role.REVIEWER, authorityId: SEED.authorities.intermediateCourt },
  { id: SEED.users.reviewer3, name: '市场监管核查员', role: Role.REVIEWER, authorityId: SEED.authorities.marketRegulation },
  { id: SEED.users.supervisor1, name: '法院复核负责人', role: Role.SUPERVISOR, authorityId: SEED.authorities.intermediateCourt },
  { id: SEED.users.supervisor2, name: '市场监管复核负责人', role: Role.SUPERVISOR, authorityId: SEED.authorities.marketRegulation },
  // A second supervisor per authority: a second review (复核) and approvals need a supervisor other than the first
  // decider, so an authority with one supervisor could never decide them (four-eyes deadlock).
  { id: SEED.users.supervisor3, name: '市场监管复核负责人二', role: Role.SUPERVISOR, authorityId: SEED.authorities.marketRegulation },
  { id: SEED.users.supervisor4, name: '法院复核负责人二', role: Role.SUPERVISOR, authorityId: SEED.authorities.intermediateCourt },
  { id: SEED.users.admin1, name: '信用办管理员', role: Role.ADMIN },
];

/** The published facts (RecordFacts), as a plain JSON object type that Prisma's Json input accepts. */
type SeedFacts = Pick<RecordFacts, 'title' | 'summary'> & { amountOwedYuan: number | null };

interface SeedRecord {
  id: string;
  subjectId: string;
  authorityId: string;
  source: RecordSource;
  documentNumber: string;
  severity: Severity;
  policyArea: PolicyArea;
  facts: SeedFacts;
  decisionDate: string;
  publishedFrom: string;
}

const RECORDS: SeedRecord[] = [
  {
    id: SEED.records.unpaidConstructionWork,
    subjectId: SEED.subjects.housingBureau,
    authorityId: SEED.authorities.intermediateCourt,
    source: RecordSource.COURT_JUDGMENT,
    documentNumber: '（2025）某01执123号',
    severity: Severity.GENERAL,
    policyArea: PolicyArea.ARREARS_TO_FIRMS,
    facts: {
      title: '拖欠民营企业工程款',
      summary: '未履行生效判决确定的支付义务，拖欠某建筑公司保障性住房项目工程款',
      amountOwedYuan: 1_280_000,
    },
    decisionDate: '2025-03-12',
    publishedFrom: '2025-03-19',
  },
  {
    id: SEED.records.procurementPenalty,
    subjectId: SEED.subjects.countyGovernment,
    authorityId: SEED.authorities.marketRegulation,
    source: RecordSource.ADMINISTRATIVE_PENALTY,
    documentNumber: '某市监罚〔2025〕45号',
    severity: Severity.SERIOUS,
    policyArea: PolicyArea.GOVERNMENT_PROCUREMENT,
    facts: {
      title: '政府采购中设置歧视性条件',
      summary: '在政府采购项目中以不合理条件限制、排斥外地供应商，经责令改正后拒不改正',
      amountOwedYuan: null,
    },
    decisionDate: '2025-05-20',
    publishedFrom: '2025-05-27',
  },
  {
    id: SEED.records.defaultedGuarantee,
    subjectId: SEED.subjects.financeBureau,
    authorityId: SEED.authorities.intermediateCourt,
    source: RecordSource.COURT_JUDGMENT,
    documentNumber: '（2025）某01执456号',
    severity: Severity.SERIOUS,
    policyArea: PolicyArea.LOCAL_GOVERNMENT_DEBT,
    facts: {
      title: '未履行地方政府债务偿还义务',
      summary: '有履行能力而拒不履行生效判决确定的融资平台借款偿还义务',
      amountOwedYuan: 35_600_000,
    },
    decisionDate: '2025-07-08',
    publishedFrom: '2025-07-15',
  },
  {
    id: SEED.records.brokenCommitment,
    subjectId: SEED.subjects.housingBureau,
    authorityId: SEED.authorities.marketRegulation,
    source: RecordSource.ACCOUNTABILITY_DECISION,
    documentNumber: '某市监问责〔2025〕7号',
    severity: Severity.GENERAL,
    policyArea: PolicyArea.INVESTMENT_PROMOTION,
    facts: {
      title: '招商引资承诺未兑现',
      summary: '对引进企业承诺的奖励资金逾期未兑现，经督办仍未落实',
      amountOwedYuan: 500_000,
    },
    decisionDate: '2025-09-03',
    publishedFrom: '2025-09-10',
  },
];

const OBJECTION_POLICY = {
  id: SEED.policies.objectionDefault,
  name: 'objection-default',
  processType: 'OBJECTION',
  version: 1,
  params: DEFAULT_OBJECTION_POLICY,
  description:
    '异议处理默认规则：1个工作日内决定是否受理；受理后由认定单位5个工作日内核查（《上海市公共信用信息异议处理办法》、' +
    '《浙江省公共信用信息异议处理和信用修复办法》）；经负责人批准可延长，核查总时限不超过20个工作日（浙江）；' +
    '期限届满前1个工作日提醒，逾期上报负责人；驳回后可申请一次复核。',
};

const PUBLICATION_POLICY = {
  id: 'publication-default@1',
  name: 'publication-default',
  processType: 'PUBLICATION',
  version: 1,
  params: DEFAULT_PUBLICATION_POLICY,
  description:
    '公示期限（国办发〔2025〕22号、国家发展改革委令第36号）：一般失信信息公示最短3个月、最长1年；严重失信信息最短1年、最长3年；' +
    '自认定决定之日起按月计算（民法典第202条）。',
};

const RECTIFICATION_POLICY = {
  id: 'rectification-default@1',
  name: 'rectification-default',
  processType: 'RECTIFICATION',
  version: 1,
  params: DEFAULT_RECTIFICATION_POLICY,
  description:
    '限期整改默认规则（国发〔2016〕76号；国家层面无统一时限，由认定单位按案设定）：5个工作日内书面说明原因并提交整改方案；' +
    '20个工作日内完成整改；到期前5个和1个工作日提醒；逾期发督办通知，再逾5个工作日予以通报批评并移送问责。',
};

const REPAIR_POLICY = {
  id: 'repair-default@1',
  name: 'repair-default',
  processType: 'REPAIR',
  version: 1,
  params: DEFAULT_REPAIR_POLICY,
  description:
    '信用修复默认规则（国家发展改革委令第36号、国办发〔2025〕22号、深圳条例第81–82条）：3个工作日内受理；材料不全一次性告知补正，' +
    '补正期间暂停计时，10个工作日未补正视为不予受理；认定单位审核3个工作日、另一人审批3个工作日；不予修复的30日后可再申请；' +
    '因虚假材料撤销修复的，12个月内不得申请（后两项国家层面未定，为可配置值）。',
};

const COMMITMENT_POLICY = {
  id: 'commitment-default@1',
  name: 'commitment-default',
  processType: 'COMMITMENT',
  version: 1,
  params: DEFAULT_COMMITMENT_POLICY,
  description:
    '守信践诺默认规则（国发〔2016〕76号要求记录并评价承诺履行情况；国家层面无核查时限，为可配置值）：承诺到期或承诺单位报告履行后，' +
    '监督单位10个工作日内核查（守诺、逾期履行、失诺），到期前1个工作日提醒，逾期上报负责人；失诺的形成失信记录建议，经复核确认后登记。',
};

const COMPLAINT_POLICY = {
  id: 'complaint-default@1',
  name: 'complaint-default',
  processType: 'COMPLAINT',
  version: 1,
  params: DEFAULT_COMPLAINT_POLICY,
  description:
    '投诉举报默认规则（国发〔2016〕76号；国家层面无统一时限，均为可配置值，参照《信访工作条例》15日内决定是否受理、60日内办结）：' +
    '信用办5个工作日内登记并审查是否属于受理范围，转交上级主管部门或主管机关核查；核查认定20个工作日；认定后5个工作日内答复投诉人；' +
    '到期前1个工作日提醒，逾期上报负责人。',
};

/**
 * Reference data that makes the product usable right after start: government bodies, civil servants, authorities,
 * one user per role, published records and the default objection policy.
 * Idempotent: every row is created once under a fixed id and never updated afterwards, so a re-run changes nothing
 * (neither edits made through the product nor the state that cases gave the records).
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const body of GOVERNMENT_BODIES) {
    await prisma.subject.upsert({ where: { id: body.id }, update: {}, create: { ...body, kind: 'GOVERNMENT_BODY' } });
  }
  for (const servant of CIVIL_SERVANTS) {
    await prisma.subject.upsert({ where: { id: servant.id }, update: {}, create: { ...servant, kind: 'CIVIL_SERVANT' } });
  }
  for (const authority of AUTHORITIES) {
    await prisma.authority.upsert({ where: { id: authority.id }, update: {}, create: authority });
  }
  for (const user of USERS) {
    await prisma.user.upsert({ where: { id: user.id }, update: {}, create: user });
  }
  for (const { facts, decisionDate, publishedFrom, ...record } of RECORDS) {
    await prisma.dishonestyRecord.upsert({
      where: { id: record.id },
      update: {},
      create: {
        ...record,
        facts: { ...facts },
        decisionDate: dbDate(decisionDate),
        publishedFrom: dbDate(publishedFrom),
        publishedUntil: dbDate(addCalendarMonths(publishedFrom, publicationMonths(record.severity))),
        version: 1,
      },
    });
    await prisma.recordVersion.upsert({
      where: { recordId_version: { recordId: record.id, version: 1 } },
      update: {},
      create: { recordId: record.id, version: 1, facts: { ...facts }, change: 'CREATED', actorId: SYSTEM_ACTOR, reason: '初始登记' },
    });
  }
  for (const policy of [OBJECTION_POLICY, PUBLICATION_POLICY, RECTIFICATION_POLICY, REPAIR_POLICY, COMPLAINT_POLICY, COMMITMENT_POLICY]) {
    await prisma.policy.upsert({
      where: { id: policy.id },
      update: {},
      create: { ...policy, params: JSON.parse(JSON.stringify(policy.params)) as object },
    });
  }
}
