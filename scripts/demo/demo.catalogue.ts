import { BankKind } from '../../src/modules/bank/bank.entity';
import { BorrowerKind } from '../../src/modules/borrower/borrower.entity';
import { InstitutionLevel } from '../../src/modules/institution/institution.entity';

/**
 * The fixed cast of the demo: the city's government financing guarantee institutions (two municipal,
 * one per county-level region that runs its own), the banks that lend in Liaocheng, and the words
 * borrowers' names are made of. Everything here is synthetic; the names only look like the real ones.
 */
export interface DemoInstitution {
  /** Prefix of its guarantees' business numbers. */
  readonly tag: string;
  readonly name: string;
  readonly level: InstitutionLevel;
  readonly regionCode: string;
  readonly inHoldingGroup: boolean;
}

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  { tag: 'CX', name: '聊城市财信融资担保有限公司', level: InstitutionLevel.MUNICIPAL, regionCode: '371500', inHoldingGroup: true },
  { tag: 'ZX', name: '聊城市中小企业融资担保有限公司', level: InstitutionLevel.MUNICIPAL, regionCode: '371500', inHoldingGroup: true },
  { tag: 'DC', name: '聊城市东昌府区融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371502', inHoldingGroup: false },
  { tag: 'CP', name: '聊城市茌平区融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371503', inHoldingGroup: false },
  { tag: 'YG', name: '阳谷县融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371521', inHoldingGroup: false },
  { tag: 'SX', name: '莘县融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371522', inHoldingGroup: false },
  { tag: 'DE', name: '东阿县融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371524', inHoldingGroup: false },
  { tag: 'GX', name: '冠县融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371525', inHoldingGroup: false },
  { tag: 'GT', name: '高唐县融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371526', inHoldingGroup: false },
  { tag: 'LQ', name: '临清市融资担保有限公司', level: InstitutionLevel.COUNTY, regionCode: '371581', inHoldingGroup: false },
];

export interface DemoBank {
  readonly name: string;
  readonly kind: BankKind;
  /** Rural commercial and village banks belong to one county; the others serve the whole city. */
  readonly regionCode: string | null;
}

const COUNTY_BANKS: ReadonlyArray<[string, string, string[]]> = [
  ['371502', '东昌府', ['东昌']],
  ['371503', '茌平', ['茌平惠民']],
  ['371521', '阳谷', ['阳谷富民', '阳谷兴农']],
  ['371522', '莘县', ['莘县惠农', '莘县丰源']],
  ['371524', '东阿', ['东阿惠民']],
  ['371525', '冠县', ['冠县富民', '冠县兴农']],
  ['371526', '高唐', ['高唐惠民']],
  ['371581', '临清', ['临清富民', '临清惠农']],
];

const named = (kind: BankKind, names: string[]): DemoBank[] => names.map((name) => ({ name, kind, regionCode: null }));

/** Fifty banks: policy, large state-owned, joint-stock and city commercial branches, each county's rural and village banks. */
export const DEMO_BANKS: readonly DemoBank[] = [
  ...named(BankKind.POLICY, ['中国农业发展银行聊城市分行', '国家开发银行聊城业务部']),
  ...named(BankKind.LARGE_STATE_OWNED, [
    '中国工商银行聊城分行',
    '中国农业银行聊城分行',
    '中国银行聊城分行',
    '中国建设银行聊城分行',
    '交通银行聊城分行',
    '中国邮政储蓄银行聊城市分行',
  ]),
  ...named(
    BankKind.JOINT_STOCK,
    ['招商', '浦发', '中信', '光大', '华夏', '民生', '兴业', '平安', '广发', '浙商', '恒丰', '渤海'].map((b) => `${b}银行聊城分行`),
  ),
  ...named(
    BankKind.CITY_COMMERCIAL,
    ['齐鲁', '青岛', '齐商', '威海', '日照', '临商', '莱商', '泰安', '德州', '烟台'].map((b) => `${b}银行聊城分行`),
  ),
  ...COUNTY_BANKS.map(([regionCode, county]) => ({ name: `山东${county}农村商业银行`, kind: BankKind.RURAL_COMMERCIAL, regionCode })),
  ...COUNTY_BANKS.flatMap(([regionCode, , villages]) =>
    villages.map((v) => ({ name: `${v}村镇银行`, kind: BankKind.VILLAGE, regionCode })),
  ),
];

/** County-level regions where borrowers live, weighted roughly by population and business. */
export const BORROWER_REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['371502', 16],
  ['371503', 9],
  ['371521', 10],
  ['371522', 12],
  ['371524', 6],
  ['371525', 9],
  ['371526', 6],
  ['371581', 9],
  ['371571', 8],
  ['371572', 6],
  ['371573', 2],
];

/**
 * Borrower kinds by share of borrowers. The small/micro and 三农 kinds dominate, as the policy intends;
 * OTHER_ENTERPRISE borrowers take fewer but larger guarantees (see demo.business.ts for amounts).
 */
export const BORROWER_KINDS: ReadonlyArray<readonly [BorrowerKind, number]> = [
  [BorrowerKind.FARMER, 25],
  [BorrowerKind.INDIVIDUAL_BUSINESS, 20],
  [BorrowerKind.FAMILY_FARM, 8],
  [BorrowerKind.FARMER_COOPERATIVE, 5],
  [BorrowerKind.MICRO_ENTERPRISE, 17],
  [BorrowerKind.SMALL_ENTERPRISE, 13],
  [BorrowerKind.AGRICULTURAL_ENTERPRISE, 5],
  [BorrowerKind.OTHER_ENTERPRISE, 2],
];

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'.split('');
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '玉兰',
  '海燕',
  '国强',
  '志强',
  '红梅',
  '建国',
  '春生',
  '玉梅',
  '金凤',
  '德胜',
];
export const FIRM_WORDS = [
  '鑫源',
  '华泰',
  '金穗',
  '丰泽',
  '润达',
  '宏达',
  '恒信',
  '瑞丰',
  '嘉禾',
  '绿源',
  '万通',
  '鲁西',
  '东方',
  '兴旺',
  '福瑞',
  '天成',
  '永盛',
  '新科',
  '顺发',
  '德隆',
  '运河',
  '水城',
  '光岳',
  '金泰',
  '福源',
];
export const TRADES = [
  '商贸',
  '机械',
  '纺织',
  '食品',
  '建材',
  '物流',
  '电子',
  '化工',
  '包装',
  '家具',
  '服饰',
  '钢球',
  '轴承',
  '木业',
  '印刷',
  '汽车配件',
];
export const AGRI_TRADES = ['农业开发', '畜牧', '蔬菜', '面粉', '果品', '种业', '禽业', '农机服务'];
export const SHOPS = ['五金店', '副食店', '饭店', '超市', '农资经营部', '汽修部', '服装店', '建材经营部'];
export const CROPS = ['蔬菜', '小麦', '食用菌', '葡萄', '西瓜', '中药材', '苗木', '棉花'];

/**
 * Guaranteed amount per guarantee, yuan, drawn log-uniformly between the bounds and rounded to 10,000.
 * With BORROWER_KINDS this puts 支小支农 near 85% of new business by amount (R3's target is 80%).
 */
export const AMOUNT_RANGES: ReadonlyArray<readonly [BorrowerKind, number, number]> = [
  [BorrowerKind.FARMER, 30_000, 500_000],
  [BorrowerKind.INDIVIDUAL_BUSINESS, 50_000, 1_000_000],
  [BorrowerKind.FAMILY_FARM, 100_000, 2_000_000],
  [BorrowerKind.FARMER_COOPERATIVE, 200_000, 3_000_000],
  [BorrowerKind.MICRO_ENTERPRISE, 200_000, 3_000_000],
  [BorrowerKind.SMALL_ENTERPRISE, 500_000, 6_000_000],
  [BorrowerKind.AGRICULTURAL_ENTERPRISE, 500_000, 6_000_000],
  [BorrowerKind.OTHER_ENTERPRISE, 1_000_000, 15_000_000],
];
