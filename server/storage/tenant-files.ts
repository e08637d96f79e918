/**
 * Render storage keeps, beside the renders (`<renderId>/<file>`), the files a tenant uploads, under this prefix. No
 * render id can be `tenants`: render ids always hold an underscore (see render-id.ts).
 */
export const TENANT_FILES_PREFIX = 'tenants/';

/** Tenant ids are letters, digits and hyphens (tenant-registry.ts), so a key built from one stays in its folder. */
export const tenantFileKey = (tenant: string, name: string): string => `${TENANT_FILES_PREFIX}${tenant}/${name}`;
