import {Router} from 'express';
import {html, type SafeHtml} from '../platform/html';
import {buildOpenApi} from './openapi';

type Operation = {summary: string; description?: string; responses: Record<string, {description: string}>};

/** OpenAPI descriptions are CommonMark; the ones billcast writes use only code spans, shown here as code. */
const withCodeSpans = (text: string): SafeHtml[] => text.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : html`${part}`));

/** A path that may break after each slash: `GET /v1/watch/{token}/formats/{format}/{file}` is wider than a phone. */
const breakableAtSlashes = (path: string): SafeHtml[] => path.split('/').map((part, index) => (index === 0 ? html`${part}` : html`/<wbr>${part}`));

/** `/openapi.json` and a plain, browsable `/docs` page rendered from it (no external assets, no script). */
export const makeDocsRouter = ({publicBaseUrl}: {publicBaseUrl: string}): Router => {
	const router = Router();
	const document = buildOpenApi({publicBaseUrl});
	// Whoever opens the server's address in a browser (the printed links are deeper) finds what it offers.
	router.get('/', (_req, res) => {
		res.redirect('/docs');
	});
	router.get('/openapi.json', (_req, res) => {
		res.json(document);
	});
	router.get('/docs', (_req, res) => {
		const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
			Object.entries(methods as Record<string, Operation>).map(
				([method, operation]) => html`<section><h2><code>${method.toUpperCase()} ${breakableAtSlashes(path)}</code></h2><p>${operation.summary}</p>${
					operation.description ? html`<p>${withCodeSpans(operation.description)}</p>` : ''
				}<ul>${Object.entries(
					operation.responses,
				).map(([status, response]) => html`<li><code>${status}</code> ${response.description}</li>`)}</ul></section>`,
			),
		);
		const schemas = Object.entries(document.components.schemas).map(
			([name, schema]) => html`<details><summary><code>${name}</code></summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>`,
		);
		res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
		res.type('html').send(
			html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>billcast API</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:auto;padding:16px;line-height:1.5}pre{background:#f4f4f8;padding:12px;overflow:auto}code{font-size:.95em}</style></head>
<body><h1>billcast API</h1><p>${withCodeSpans(document.info.description)} Send <code>Authorization: Bearer &lt;API key&gt;</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${operations}<h2>Schemas</h2>${schemas}</body></html>`.value,
		);
	});
	return router;
};
