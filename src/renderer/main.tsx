/**
 * The page's entry, kept small: it sends the console's first calls to the host at once, then loads
 * the app (or the wallboard), so the host answers while the browser still compiles the app.
 */
import { pult } from './bridge';
import { startBootPrefetch } from './boot-prefetch';
import './styles.css';
import './styles/board.css';
import './styles/board-all.css';
import './styles/firstrun.css';
import './styles/statusbar.css';

// The wallboard (Electron's wallboard window loads `#wallboard`; a TV's browser opens /wallboard).
const isWallboard = location.pathname.endsWith('/wallboard') || location.hash === '#wallboard';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
if (isWallboard) void import('./wallboard/mount-wallboard').then(({ mountWallboard }) => mountWallboard(root));
else {
  startBootPrefetch(pult);
  void import('./mount-console').then(({ mountConsole }) => mountConsole(root));
}
