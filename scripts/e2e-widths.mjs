// `npm run test:e2e:widths [-- playwright args…]`: the e2e suite with every
// screenshot also at 1024, 1280 and 1920 px (test/e2e/screens.ts, issue #15
// item 7), for a person to look at every screen at every width. Set through
// the environment here so it works the same in every shell.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, E2E_SNAP_WIDTHS: '1' }, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
