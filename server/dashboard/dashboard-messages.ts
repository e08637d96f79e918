import type {FunnelStep} from '../analytics/campaign-report';
import type {ClickKind} from '../analytics/metrics';

/** The dashboard's own words, for the tenant's marketing and operations people (not the customer's catalogue). */
export interface DashboardMessages {
	readonly title: string;
	readonly signInTitle: string;
	readonly signInHelp: string;
	readonly keyLabel: string;
	readonly signIn: string;
	readonly signOut: string;
	readonly badKey: string;
	readonly notReadKey: string;
	readonly campaigns: string;
	readonly noCampaigns: string;
	readonly campaign: string;
	readonly back: string;
	readonly funnel: string;
	readonly step: string;
	readonly count: string;
	readonly ofPrevious: string;
	readonly ofSent: string;
	readonly steps: Record<FunnelStep, string>;
	readonly overTime: string;
	readonly date: string;
	readonly dropOff: string;
	readonly scene: string;
	readonly renders: string;
	readonly variants: string;
	readonly variant: string;
	readonly paymentRate: string;
	readonly interval: string;
	readonly difference: string;
	readonly notSignificant: string;
	readonly significant: string;
	readonly exports: string;
	readonly devices: string;
	readonly phone: string;
	readonly desktop: string;
	readonly languages: string;
	readonly waits: string;
	readonly toOpen: string;
	readonly toPay: string;
	/** A bucket of the waits, `{wait}` being its bound ("1 hour", "3 days") in the page's language. */
	readonly within: string;
	readonly later: string;
	readonly paidAmount: string;
	readonly currency: string;
	readonly amount: string;
	readonly clicks: string;
	/** The buttons a viewer may press, by the kind the counters name them. */
	readonly clickKinds: Record<ClickKind, string>;
	/** The campaign's id, for support and the API, shown under the name a reader knows it by. */
	readonly campaignId: string;
	readonly nothingYet: string;
	readonly notFound: string;
}

const en: DashboardMessages = {
	title: 'billcast campaigns',
	signInTitle: 'Sign in',
	signInHelp: 'Paste a read key of your organisation. It is exchanged for a session cookie and never stored in the browser.',
	keyLabel: 'Read key',
	signIn: 'Sign in',
	signOut: 'Sign out',
	badKey: 'That key is not valid.',
	notReadKey: 'That key can only submit bills. Sign in with a read key.',
	campaigns: 'Campaigns',
	noCampaigns: 'No campaigns yet: send a batch of bills to start one.',
	campaign: 'Campaign',
	back: 'All campaigns',
	funnel: 'Funnel',
	step: 'Step',
	count: 'Count',
	ofPrevious: 'Of previous step',
	ofSent: 'Of sent',
	steps: {
		renders: 'Sent',
		produced: 'Renders produced',
		exported: 'Links exported',
		opened: 'Opened',
		reached25: 'Watched 25%',
		reached50: 'Watched 50%',
		reached75: 'Watched 75%',
		completed: 'Watched to the end',
		payClicked: 'Pressed pay',
		paid: 'Paid',
	},
	overTime: 'Opens and payments by day',
	date: 'Day',
	dropOff: 'Where viewers stopped',
	scene: 'Scene',
	renders: 'Viewers',
	variants: 'Experiment: variants compared',
	variant: 'Variant',
	paymentRate: 'Payment rate',
	interval: '95% interval',
	difference: 'Difference from {control}',
	notSignificant: 'Not yet significant: the variants could still pay equally often. Keep collecting.',
	significant: 'Significant at 95%.',
	exports: 'Download for a BI tool',
	devices: 'Devices',
	phone: 'Phone',
	desktop: 'Desktop',
	languages: 'Languages',
	waits: 'Time from sending',
	toOpen: 'To opening',
	toPay: 'To paying',
	within: 'Within {wait}',
	later: 'Later',
	paidAmount: 'Paid amount',
	currency: 'Currency',
	amount: 'Amount',
	clicks: 'Buttons pressed',
	clickKinds: {
		pay: 'Pay (in the video)',
		'page-pay': 'Pay (on the page)',
		instalments: 'Instalment plan',
		call: 'Call',
		mail: 'Email',
		'bill-pdf': 'Bill PDF',
		other: 'Other',
	},
	campaignId: 'ID',
	nothingYet: 'Nothing yet.',
	notFound: 'No such campaign.',
};

const it: DashboardMessages = {
	...en,
	title: 'Campagne billcast',
	signInTitle: 'Accedi',
	signInHelp: 'Incolla una chiave di lettura della tua organizzazione. Viene scambiata con un cookie di sessione e mai salvata nel browser.',
	keyLabel: 'Chiave di lettura',
	signIn: 'Accedi',
	signOut: 'Esci',
	badKey: 'La chiave non è valida.',
	notReadKey: 'Questa chiave può solo inviare bollette. Accedi con una chiave di lettura.',
	campaigns: 'Campagne',
	noCampaigns: 'Ancora nessuna campagna: invia un lotto di bollette per iniziarne una.',
	campaign: 'Campagna',
	back: 'Tutte le campagne',
	funnel: 'Imbuto',
	step: 'Passo',
	count: 'Numero',
	ofPrevious: 'Sul passo precedente',
	ofSent: 'Sugli inviati',
	steps: {
		renders: 'Inviati',
		produced: 'Video prodotti',
		exported: 'Link esportati',
		opened: 'Aperti',
		reached25: 'Visti al 25%',
		reached50: 'Visti al 50%',
		reached75: 'Visti al 75%',
		completed: 'Visti fino alla fine',
		payClicked: 'Hanno premuto paga',
		paid: 'Pagati',
	},
	overTime: 'Aperture e pagamenti per giorno',
	date: 'Giorno',
	dropOff: 'Dove si sono fermati',
	scene: 'Scena',
	renders: 'Spettatori',
	variants: 'Esperimento: varianti a confronto',
	variant: 'Variante',
	paymentRate: 'Tasso di pagamento',
	interval: 'Intervallo al 95%',
	difference: 'Differenza da {control}',
	notSignificant: 'Non ancora significativo: le varianti potrebbero ancora pagare con la stessa frequenza. Continua a raccogliere dati.',
	significant: 'Significativo al 95%.',
	exports: 'Scarica per uno strumento di BI',
	devices: 'Dispositivi',
	phone: 'Telefono',
	desktop: 'Computer',
	languages: 'Lingue',
	waits: "Tempo dall'invio",
	toOpen: "All'apertura",
	toPay: 'Al pagamento',
	within: 'Entro {wait}',
	later: 'Più tardi',
	paidAmount: 'Importo pagato',
	currency: 'Valuta',
	amount: 'Importo',
	clicks: 'Pulsanti premuti',
	clickKinds: {
		pay: 'Paga (nel video)',
		'page-pay': 'Paga (nella pagina)',
		instalments: 'Piano di rate',
		call: 'Chiama',
		mail: 'Email',
		'bill-pdf': 'Bolletta PDF',
		other: 'Altro',
	},
	campaignId: 'ID',
	nothingYet: 'Ancora niente.',
	notFound: 'Campagna inesistente.',
};

const ko: DashboardMessages = {
	...en,
	title: 'billcast 캠페인',
	signInTitle: '로그인',
	signInHelp: '조직의 읽기 키를 붙여 넣으세요. 세션 쿠키로 교환되며 브라우저에 저장되지 않습니다.',
	keyLabel: '읽기 키',
	signIn: '로그인',
	signOut: '로그아웃',
	badKey: '유효하지 않은 키입니다.',
	notReadKey: '이 키는 청구서 제출만 할 수 있습니다. 읽기 키로 로그인하세요.',
	campaigns: '캠페인',
	noCampaigns: '아직 캠페인이 없습니다. 청구서 묶음을 보내 시작하세요.',
	campaign: '캠페인',
	back: '모든 캠페인',
	funnel: '퍼널',
	step: '단계',
	count: '수',
	ofPrevious: '이전 단계 대비',
	ofSent: '발송 대비',
	steps: {
		renders: '발송',
		produced: '제작된 영상',
		exported: '링크 내보냄',
		opened: '열람',
		reached25: '25% 시청',
		reached50: '50% 시청',
		reached75: '75% 시청',
		completed: '끝까지 시청',
		payClicked: '결제 버튼 누름',
		paid: '결제 완료',
	},
	overTime: '일별 열람과 결제',
	date: '날짜',
	dropOff: '시청을 멈춘 장면',
	scene: '장면',
	renders: '시청자',
	variants: '실험: 변형 비교',
	variant: '변형',
	paymentRate: '결제율',
	interval: '95% 구간',
	difference: '{control} 대비 차이',
	notSignificant: '아직 유의하지 않음: 변형들의 결제율이 같을 수도 있습니다. 계속 수집하세요.',
	significant: '95%에서 유의함.',
	exports: 'BI 도구용 다운로드',
	devices: '기기',
	phone: '휴대폰',
	desktop: '데스크톱',
	languages: '언어',
	waits: '발송 후 시간',
	toOpen: '열람까지',
	toPay: '결제까지',
	within: '{wait} 이내',
	later: '그 이후',
	paidAmount: '결제 금액',
	currency: '통화',
	amount: '금액',
	clicks: '누른 버튼',
	clickKinds: {
		pay: '결제 (영상 안)',
		'page-pay': '결제 (페이지)',
		instalments: '분할 납부',
		call: '전화',
		mail: '이메일',
		'bill-pdf': '청구서 PDF',
		other: '기타',
	},
	campaignId: 'ID',
	nothingYet: '아직 없습니다.',
	notFound: '캠페인을 찾을 수 없습니다.',
};

export const dashboardLocales = {en, it, ko} as const;
export type DashboardLang = keyof typeof dashboardLocales;
export const dashboardLangs = Object.keys(dashboardLocales) as DashboardLang[];
/** BCP 47 tags for Intl, per dashboard language. */
export const intlLocale: Record<DashboardLang, string> = {en: 'en-GB', it: 'it-IT', ko: 'ko-KR'};
