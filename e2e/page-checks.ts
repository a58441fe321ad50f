import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);

/** Serves the pages matching `url` with a strict Content-Security-Policy: no inline script or style, no eval. */
export async function withStrictCsp(
  page: Page,
  url: string,
  policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:",
) {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
}

/**
 * The ids of axe's rules the page breaks. axe is served as a script of the
 * page's own origin, so a strict policy (`script-src 'self'`) stays enforced
 * while it runs.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.route('**/__axe.js', (route) =>
    route.fulfill({ path: require.resolve('axe-core/axe.min.js'), contentType: 'text/javascript' }),
  );
  await page.addScriptTag({ url: '/__axe.js' });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
    ).axe.run();
    return violations.map((v) => v.id);
  });
}

/** Script errors and console errors (a policy's refusals among them) as the page meets them. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.location().url)) problems.push(message.text());
  });
  return problems;
}
