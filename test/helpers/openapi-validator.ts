import {Ajv2020} from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped once more under ESM.
const addFormats = ((addFormatsModule as unknown as {default?: typeof addFormatsModule}).default ?? addFormatsModule) as typeof addFormatsModule;

/** Checks a body against a named schema of the API's own /openapi.json; answers the failures, none when it matches. */
export const loadOpenApiValidator = async (baseUrl: string): Promise<(name: string, body: unknown) => string[]> => {
	const document = await (await fetch(`${baseUrl}/openapi.json`)).json();
	const ajv = new Ajv2020({strict: false, allErrors: true});
	addFormats(ajv);
	ajv.addSchema(document, 'openapi');
	return (name, body) => {
		const check = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
		return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
	};
};
