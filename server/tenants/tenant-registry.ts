import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {z} from 'zod';
import {lineItemCategories} from '../../src/templates/telco-bill/telco-bill-schema';
import {brandSchema} from '../../src/bill-fields';
import {narrationConfigSchema} from '../voice/narration-config';
import {fillCheckoutUrlTemplate, unknownCheckoutUrlPlaceholders} from '../../src/checkout-url';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {sectionKey} from '../../src/tmf678/tmf678-category';
import {ConfigError} from '../platform/errors';
import {outboundPolicyFromEnv, outboundUrlProblem, type OutboundPolicy} from '../platform/outbound-guard';
import {payUrlPolicyError} from './pay-url-policy';
import type {KeyAccess, Tenant, TenantWebhook} from './tenant';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const keyDigest = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase SHA-256 hex digest');

/**
 * A real tenant's events carry watch links, so they travel over https to a public address; only the development switch
 * (BILLCAST_ALLOW_PRIVATE_OUTBOUND=1, refused in production) lets a tenants file name a receiver on this machine, over
 * plain http too, as it lets the development tenant's.
 */
const webhookUrlSchema = (policy: OutboundPolicy) => {
	const message = policy.allowLoopback
		? 'must be an http(s) URL at a public internet address or a loopback one'
		: 'must be an https URL at a public internet address (a receiver on this machine, plain http included, needs BILLCAST_ALLOW_PRIVATE_OUTBOUND=1, refused in production)';
	const https = (url: string) => URL.canParse(url) && new URL(url).protocol === 'https:';
	return z.string().refine((url) => (policy.allowLoopback || https(url)) && !outboundUrlProblem(url, policy), message);
};

const tenantSchema = (policy: OutboundPolicy) =>
	z
		.object({
			id: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'letters, digits and hyphens, at most 32'),
			name: z.string().min(1),
			apiKeySha256: z.array(keyDigest).min(1),
			roleKeys: z.array(z.object({sha256: keyDigest, role: z.enum(['submit', 'read'])})).optional(),
			allowedPayHosts: z.array(z.string().min(1)),
			rateLimitPerMinute: z.number().int().positive().default(600),
			checkoutUrlTemplate: z
				.string()
				.refine((template) => unknownCheckoutUrlPlaceholders(template).length === 0, {
					message: 'may hold only the placeholders {billNo}, {amount}, {currency} and {customerId}',
				})
				.optional(),
			brand: brandSchema.optional(),
			// Stored by sectionKey, so the mapping matches "Servizi Extra", "servizi_extra" and "ServiziExtra" alike.
			sectionMap: z
				.record(z.string().refine((name) => sectionKey(name) !== '', 'must contain letters or digits'), z.enum(lineItemCategories))
				.transform((map) => Object.fromEntries(Object.entries(map).map(([name, category]) => [sectionKey(name), category])))
				.optional(),
			webhook: z.object({url: webhookUrlSchema(policy), secret: z.string().min(32, 'must be at least 32 characters')}).optional(),
			// Videos speak unless the tenant turns narration off.
			narration: narrationConfigSchema,
		})
		.superRefine((tenant, ctx) => {
			if (!tenant.checkoutUrlTemplate) return;
			// Checked here with a sample bill, so a template that could never pass the pay URL policy stops the start.
			const example = fillCheckoutUrlTemplate({template: tenant.checkoutUrlTemplate, bill: sampleTelcoBill});
			const problem = URL.canParse(example)
				? payUrlPolicyError(tenant, example, 'checkoutUrlTemplate')
				: {path: 'checkoutUrlTemplate', message: `must be a URL once filled in, but gives ${example}`};
			if (problem) ctx.addIssue({code: 'custom', path: ['checkoutUrlTemplate'], message: problem.message});
		});

/** Documented in the README so a local `npm start` can be called as written; never valid with a tenants file. */
export const DEV_API_KEY = 'bc_dev_local_only';

export const DEV_TENANT: Tenant = {
	id: 'dev',
	name: 'Development tenant',
	apiKeySha256: [hashApiKey(DEV_API_KEY)],
	// The sample bill's and the template fixtures' checkouts, so every fixture renders against a local `npm start`.
	allowedPayHosts: [
		'pay.aurora-mobile.example',
		'pay.example.com',
		'pay.brightwatt.example',
		'paga.onda.example',
		'pay.hanbit.example',
		'pay.seoul-water.example',
	],
	rateLimitPerMinute: 600,
	// For TMF678 bills, which carry neither a pay link nor a brand.
	checkoutUrlTemplate: 'https://pay.example.com/checkout?bill={billNo}&amount={amount}',
	brand: sampleTelcoBill.brand,
	narration: {status: 'on', voices: {}, musicBed: {status: 'generated'}},
};

export interface TenantRegistry {
	byApiKey(key: string): Tenant | undefined;
	/** The tenant of a key and what that key may do. */
	accessOf(key: string): {tenant: Tenant; access: KeyAccess} | undefined;
	byId(id: string): Tenant | undefined;
	readonly tenants: readonly Tenant[];
}

export const makeTenantRegistry = (tenants: readonly Tenant[]): TenantRegistry => {
	const byHash = new Map<string, {tenant: Tenant; access: KeyAccess}>(
		tenants.flatMap((tenant) => [
			...tenant.apiKeySha256.map((hash) => [hash, {tenant, access: 'full' as const}] as const),
			...(tenant.roleKeys ?? []).map(({sha256, role}) => [sha256, {tenant, access: role}] as const),
		]),
	);
	const byId = new Map(tenants.map((tenant) => [tenant.id, tenant]));
	return {
		tenants,
		byId: (id) => byId.get(id),
		// Looking up the key's digest, never the key, leaks nothing an attacker could use to guess a key.
		byApiKey: (key) => byHash.get(hashApiKey(key))?.tenant,
		accessOf: (key) => byHash.get(hashApiKey(key)),
	};
};

const readTenantsFile = (file: string): string => {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(`BILLCAST_TENANTS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
};

/** Where the tenants were read, named in every error so an operator knows which copy to fix. */
const readTenantsJson = ({file, json}: {file: string | undefined; json: string | undefined}): {origin: string; value: unknown} | undefined => {
	if (file && json) throw new ConfigError('Set BILLCAST_TENANTS_FILE or BILLCAST_TENANTS_JSON, not both: two copies of the tenants would drift apart.');
	const text = file ? readTenantsFile(file) : json;
	if (text === undefined) return undefined;
	const origin = file ? `tenants file ${file}` : 'BILLCAST_TENANTS_JSON';
	try {
		return {origin, value: JSON.parse(text)};
	} catch (error) {
		throw new ConfigError(`Invalid ${origin}: not JSON (${(error as Error).message})`);
	}
};

/**
 * Tenants from BILLCAST_TENANTS_FILE or BILLCAST_TENANTS_JSON (a JSON array, the same on every machine), or the
 * development tenant when neither is set. The development tenant's webhook may be plain http, since it only ever posts
 * to a receiver on the developer's machine; a tenants file's may too with the development switch, whose policy is the
 * environment's unless the caller hands in its own (the configuration's).
 */
export const loadTenantRegistry = ({
	file,
	json,
	production,
	devWebhook,
	outboundPolicy = outboundPolicyFromEnv(),
}: {
	file: string | undefined;
	json?: string | undefined;
	production: boolean;
	devWebhook?: TenantWebhook;
	outboundPolicy?: OutboundPolicy;
}): TenantRegistry => {
	const source = readTenantsJson({file, json});
	if (!source && production) {
		throw new ConfigError(
			'NODE_ENV=production needs BILLCAST_TENANTS_FILE or BILLCAST_TENANTS_JSON: the development key is public and never valid in production.',
		);
	}
	if (source && devWebhook) {
		throw new ConfigError(`BILLCAST_DEV_WEBHOOK_URL is for the development tenant, which the ${source.origin} replaces: set the webhook there.`);
	}
	if (!source) return makeTenantRegistry([devWebhook ? {...DEV_TENANT, webhook: devWebhook} : DEV_TENANT]);
	const parsed = z.array(tenantSchema(outboundPolicy)).min(1).safeParse(source.value);
	if (!parsed.success) {
		// One line, as every other configuration problem prints: a log collector keeps it as one record.
		const problems = fieldErrorsFromZod(parsed.error).map((e) => `${e.path}: ${e.message}`).join('; ');
		throw new ConfigError(`Invalid ${source.origin}: ${problems}`);
	}
	return makeTenantRegistry(parsed.data);
};
