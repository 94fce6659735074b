// Every operation, called as every role, with no role and anonymously, against what the route
// declares in config.access (a permission, 'authenticated' or 'public'). A new route is walked
// without anyone adding it here.
//
// The route-level check runs on onRequest, before the body is read. Each call carries a probe, a
// query string that is not UTF-8 (%FF), which the kernel refuses (400, `invalid`) at preValidation:
// after the access check, before validation and before any handler. So a caller the route lets in
// gets exactly that 400, a caller it keeps out gets 401/403, and no handler runs (nothing is
// written, no one is signed out), which tells the route-level check apart from finer scope checks.
import { describe, expect, it } from 'vitest';
import { permissions, rolePermissions, roles, type Permission, type Role } from '../../src/kernel/index.js';
import { useTestApp, type SignedIn } from '../helpers/test-app.js';
import { apiRoutes, fillPath, isWrite, pathParamNames, routeName, sampleValue, type ApiRoute } from '../helpers/routes.js';

const t = useTestApp();
const probe = '__access_probe=%FF';

type Caller = { name: string; roles: Role[] | null; session: SignedIn | null };
type Outcome = 'let in' | 'unauthenticated' | 'forbidden';

function expected(route: ApiRoute, caller: Caller): Outcome {
  if (route.access === 'public') return 'let in';
  if (!caller.roles) return 'unauthenticated';
  if (route.access === 'authenticated') return 'let in';
  const granted = new Set<Permission>(caller.roles.flatMap((role) => rolePermissions[role]));
  return granted.has(route.access) ? 'let in' : 'forbidden';
}

function urlOf(route: ApiRoute): string {
  const properties = ((route.params?.properties as Record<string, unknown> | undefined) ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(pathParamNames(route.url).map((name) => [name, String(sampleValue(properties[name]))]));
  return `${fillPath(route.url, values)}?${probe}`;
}

describe('[ANY ROLE][ACCESS] every route refuses whom its declared access refuses, and lets in the rest', () => {
  it('declares a known permission, authenticated or public on every route', () => {
    const known = new Set<string>([...permissions, 'authenticated', 'public']);
    const unknown = apiRoutes(t.knutepunkt)
      .filter((route) => !known.has(route.access))
      .map(routeName);
    expect(unknown).toEqual([]);
  });

  it('answers every role, no role and anonymous as declared', { timeout: 180_000 }, async () => {
    const routes = apiRoutes(t.knutepunkt);
    expect(routes.length).toBeGreaterThan(100);
    const callers: Caller[] = [{ name: 'anonymous', roles: null, session: null }];
    callers.push({ name: 'no role', roles: [], session: await t.signInAs([]) });
    for (const role of roles) callers.push({ name: role, roles: [role], session: await t.signInAs([role]) });

    const mismatches: string[] = [];
    let letIn = 0;
    let keptOut = 0;
    for (const route of routes) {
      const url = urlOf(route);
      for (const caller of callers) {
        const response = await t.knutepunkt.app.inject({
          method: route.method as 'GET',
          url,
          // A write carries the session's CSRF token, as the web app sends it.
          headers: caller.session ? (isWrite(route) ? caller.session.headers : { cookie: caller.session.cookie }) : {},
        });
        const body = response.json() as { error?: { code?: string; details?: { in?: string; problem?: string }[] } };
        const code = body.error?.code;
        const probed = response.statusCode === 400 && code === 'invalid' && body.error?.details?.[0]?.problem?.includes('%FF') === true;
        const got: Outcome | string = probed
          ? 'let in'
          : response.statusCode === 401 && code === 'unauthenticated'
            ? 'unauthenticated'
            : response.statusCode === 403 && code === 'forbidden'
              ? 'forbidden'
              : `${response.statusCode} ${code ?? response.body.slice(0, 80)}`;
        const want = expected(route, caller);
        if (got !== want) mismatches.push(`${routeName(route)} as ${caller.name} (${route.access}): expected ${want}, got ${got}`);
        else if (want === 'let in') letIn += 1;
        else keptOut += 1;
      }
    }
    expect(mismatches).toEqual([]);
    // Both sides were exercised: the matrix is not trivially all-open or all-closed.
    expect(letIn).toBeGreaterThan(routes.length);
    expect(keptOut).toBeGreaterThan(routes.length);
  });
});
