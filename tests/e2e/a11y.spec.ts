// Accessibility: every screen a receptionist touches has no serious or critical axe violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';

const screens = [
  '/',
  '/settings/',
  '/reception/',
  '/queue/',
  '/visits/',
  '/billing/',
  '/paper/',
  '/recovery/',
  '/patients/'
];

test('no serious or critical accessibility violations on the main screens during an outage', async ({
  page,
  server
}) => {
  // Nine screens, each analysed by axe: give the journey room on a slow CI machine.
  test.setTimeout(180_000);
  await test.step('the clinic is set up and an outage declared', async () => {
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url);
    await declareOutage(page, server.url);
  });
  for (const path of screens) {
    await test.step(`axe on ${path}`, async () => {
      await page.goto(server.url + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${path}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `axe on ${path}`
      ).toEqual([]);
    });
  }
});
