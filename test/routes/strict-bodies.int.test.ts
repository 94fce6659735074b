// Finding 9 of the hardening issue: request bodies are strict everywhere. A body schema, or any
// object inside it, that does not say `additionalProperties: false` lets a misspelt or invented
// field through silently (the client believes it set something it did not). Walks every route, so
// a new route with a loose schema fails here rather than in production.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/test-app.js';
import { apiRoutes, looseObjects, routeName } from '../helpers/routes.js';

describe('request bodies', () => {
  const t = useTestApp();

  it('every body schema, nested objects included, refuses unknown properties', () => {
    const routes = apiRoutes(t.knutepunkt);
    const withBody = routes.filter((r) => r.body);
    expect(withBody.length).toBeGreaterThan(50);
    const loose = withBody.flatMap((r) => looseObjects(r.body).map((path) => `${routeName(r)}: ${path}`));
    expect(loose).toEqual([]);
  });
});
