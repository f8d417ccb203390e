import type { Express } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export interface MountedRoute {
  /** Upper case, e.g. POST. */
  method: string;
  /** Express form, e.g. /objections/:caseId/accept. */
  path: string;
}

/** Every route the app mounts, read from Express's router (nested routers included), each once. */
export function mountedRoutes(app: Express): MountedRoute[] {
  const seen = new Map<string, MountedRoute>();
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          const route = { method: method.toUpperCase(), path: layer.route.path };
          seen.set(`${route.method} ${route.path}`, route);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...seen.values()];
}

/** "METHOD /path/{param}" in OpenAPI's path form. */
export function routeKey(route: MountedRoute): string {
  return `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`;
}
