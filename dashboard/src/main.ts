import './style.css';
import { ApiError, download, gql, session } from './api';
import { disposeCharts } from './charts';
import { dashboardExportPath, loadDashboard, type Dashboard, type Period } from './data';
import { clear, h } from './dom';
import { formatMonth } from './format';
import { regionsView, trendView } from './views/charts-views';
import { leadsView } from './views/leads';
import { scorecardView, supervisionView } from './views/oversight';
import { overviewView, sliceColumns } from './views/overview';
import { sortableTable } from './views/table';

const app = document.getElementById('app')!;

const ROLE_NAMES: Record<string, string> = {
  TASK_FORCE_OFFICE: '工作专班办公室',
  FINANCE: '财政局',
  FINANCIAL_REGULATOR: '地方金融监管局',
  PBOC: '人民银行',
  BANKING_REGULATOR: '银保监分局',
  INDUSTRY: '工业和信息化局',
  SASAC: '国资委',
  PUBLIC_SECURITY: '公安局',
  LOCAL_GOVERNMENT: '县（市、区）政府',
  HOLDING_GROUP: '财信控股集团',
  GUARANTEE_INSTITUTION: '担保机构',
  BANK: '银行',
  TASK_FORCE_MEMBER: '专班成员单位',
  ADMIN: '系统管理员',
};

/** Today's month in Asia/Shanghai, YYYY-MM. */
function thisMonth(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
}

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

function signIn(message = ''): void {
  disposeCharts();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' }, message);
  const form = h(
    'form',
    { class: 'login' },
    h('h1', {}, '聊城市政府性融资担保数据看板'),
    h('label', {}, '用户名', username),
    h('label', {}, '密码', password),
    h('button', { type: 'submit' }, '登录'),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const { login } = await gql<{ login: { token: string; viewer: { role: string } } }>(
        'mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { token viewer { role } } }',
        { username: username.value.trim(), password: password.value },
      );
      session.save(login.token, login.viewer.role);
      performance.mark('signed-in');
      void show(defaultPeriod());
    } catch (err) {
      error.textContent =
        err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? '用户名或密码错误' : `登录失败：${(err as Error).message}`;
    }
  });
  app.replaceChildren(form);
  username.focus();
}

function defaultPeriod(): Period {
  const to = thisMonth();
  return { from: monthsBefore(to, 11), to };
}

/** A view's section: its title, its download button, and its body (or nothing when the API refuses it). */
function section(
  id: string,
  title: string,
  exportPath: string | null,
  report: (m: string) => void,
): { el: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'body' }, h('p', { class: 'loading' }, '加载中…'));
  const button = exportPath ? h('button', { type: 'button', class: 'download', 'data-download': id }, '下载表格') : null;
  button?.addEventListener('click', () => download(exportPath!).catch((err: Error) => report(err.message)));
  const el = h('section', { id: `view-${id}`, 'data-view': id }, h('header', {}, h('h2', {}, title), button), body);
  return { el, body };
}

async function show(period: Period): Promise<void> {
  disposeCharts();
  const role = session.role ?? '';
  const status = h('p', { class: 'error', role: 'alert' });
  const report = (message: string) => (status.textContent = message);
  const from = h('input', { type: 'month', value: period.from, 'aria-label': '起始月份' });
  const to = h('input', { type: 'month', value: period.to, 'aria-label': '截止月份' });
  const apply = h('button', { type: 'button' }, '查询');
  apply.addEventListener('click', () => {
    if (from.value && to.value && from.value <= to.value) void show({ from: from.value, to: to.value });
    else report('请选择有效的起止月份');
  });
  const signOut = h('button', { type: 'button', class: 'link' }, '退出');
  signOut.addEventListener('click', () => {
    session.clear();
    signIn();
  });
  const nav = h('nav', {});
  const main = h('main', {});
  const periodText = period.from === period.to ? formatMonth(period.from) : `${formatMonth(period.from)}至${formatMonth(period.to)}`;
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, '聊城市政府性融资担保数据看板'),
      h('div', { class: 'period' }, from, '至', to, apply),
      h('span', { class: 'who' }, ROLE_NAMES[role] ?? role, signOut),
    ),
    status,
    nav,
    main,
  );

  const views: { id: string; title: string; load: () => Promise<HTMLElement>; exportPath: string | null }[] = [];
  const dashboard = loadDashboard(period);
  const fromDashboard = (make: (d: Dashboard) => HTMLElement) => () => dashboard.then(make);
  const dashPath = dashboardExportPath(period);
  views.push(
    { id: 'overview', title: `总览（${periodText}）`, load: fromDashboard(overviewView), exportPath: dashPath },
    { id: 'trend', title: '月度趋势', load: fromDashboard(trendView), exportPath: dashPath },
    { id: 'regions', title: '区域对比', load: fromDashboard(regionsView), exportPath: dashPath },
    {
      id: 'institutions',
      title: '担保机构',
      load: fromDashboard((d) => sortableTable('institutions', sliceColumns('担保机构'), d.byInstitution, (s) => s.key)),
      exportPath: dashPath,
    },
    {
      id: 'banks',
      title: '合作银行',
      load: fromDashboard((d) => sortableTable('banks', sliceColumns('合作银行'), d.byBank, (s) => s.key)),
      exportPath: dashPath,
    },
  );
  // The overview first: the other views ask once the dashboard has answered, so they do not compete with it.
  const afterOverview = (load: () => Promise<HTMLElement>) => () => dashboard.then(load, load);
  const year = Number(period.to.slice(0, 4));
  views.push({
    id: 'scorecards',
    title: `银担合作考核（${year}年）`,
    load: afterOverview(() => scorecardView(year)),
    exportPath: `/exports/bank-scorecards.xlsx?year=${year}`,
  });
  // The month's supervision list: the last month of the period, but never the running month (nobody is late yet).
  const listMonth = period.to < thisMonth() ? period.to : monthsBefore(thisMonth(), 1);
  views.push({
    id: 'supervision',
    title: `预警与督导名单（${formatMonth(listMonth)}）`,
    load: afterOverview(() => supervisionView(listMonth)),
    exportPath: `/exports/supervision.xlsx?month=${listMonth}`,
  });
  views.push({
    id: 'leads',
    title: '恶意逃废债线索',
    load: afterOverview(() => leadsView(role === 'PUBLIC_SECURITY', report)),
    exportPath: '/exports/leads.xlsx',
  });

  await Promise.all(
    views.map(async (v) => {
      const { el, body } = section(v.id, v.title, v.exportPath, report);
      try {
        const content = await v.load();
        clear(body);
        body.append(content);
        // Sections are added in the order listed, whatever order their data arrives in.
        const after = views
          .slice(0, views.indexOf(v))
          .reverse()
          .map((o) => main.querySelector(`[data-view="${o.id}"]`))
          .find(Boolean);
        if (after) after.after(el);
        else main.prepend(el);
        const link = h('a', { href: `#view-${v.id}`, 'data-nav': v.id }, v.title.replace(/（.*$/, ''));
        const navAfter = views
          .slice(0, views.indexOf(v))
          .reverse()
          .map((o) => nav.querySelector(`[data-nav="${o.id}"]`))
          .find(Boolean);
        if (navAfter) navAfter.after(link);
        else nav.prepend(link);
        if (v.id === 'overview') {
          performance.mark('overview-drawn');
          app.setAttribute('data-overview', 'ready');
        }
      } catch (err) {
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') return signIn('登录已过期，请重新登录');
        // A view the role may not read is simply absent.
        if (err instanceof ApiError && err.code === 'FORBIDDEN') return;
        report(`${v.title}：${(err as Error).message}`);
      }
    }),
  );
  app.setAttribute('data-ready', 'true');
}

if (session.token) void show(defaultPeriod());
else signIn();
