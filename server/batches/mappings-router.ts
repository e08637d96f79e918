import {Router} from 'express';
import {NotFoundError, ValidationError} from '../platform/errors';
import {mappingNameSchema, mappingSchema} from './mapping-schema';
import type {MappingStore} from './mapping-store';
import {tenantOf} from '../tenants/tenant';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';
import {requireJson} from '../platform/require-json';

const nameOf = (raw: string): string => {
	const parsed = mappingNameSchema.safeParse(raw);
	if (!parsed.success) throw new ValidationError([{path: 'name', message: parsed.error.issues[0]!.message}]);
	return parsed.data;
};

/** `PUT`, `GET` and `DELETE /v1/mappings/:name`: the tenant's CSV column mappings that `POST /v1/batches?mapping=` names. */
export const makeMappingsRouter = ({mappings}: {mappings: MappingStore}): Router => {
	const router = Router();

	router.put('/v1/mappings/:name', async (req, res) => {
		const name = nameOf(req.params.name);
		const parsed = mappingSchema.safeParse(requireJson(req));
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		const existed = (await mappings.get(tenantOf(res).id, name)) !== undefined;
		res.status(existed ? 200 : 201).json(await mappings.put(tenantOf(res).id, name, parsed.data));
	});

	router.get('/v1/mappings/:name', async (req, res) => {
		const mapping = await mappings.get(tenantOf(res).id, nameOf(req.params.name));
		if (!mapping) throw new NotFoundError(`Mapping ${req.params.name}`);
		res.json(mapping);
	});

	router.delete('/v1/mappings/:name', async (req, res) => {
		if (!(await mappings.delete(tenantOf(res).id, nameOf(req.params.name)))) throw new NotFoundError(`Mapping ${req.params.name}`);
		res.status(204).end();
	});

	return router;
};
