// Loaded into soketi's Node process by SoketiServer (node --require stop-with-parent.cjs):
// soketi stops when the JVM that started it goes, even when that JVM is killed and its
// shutdown hooks never run. The JVM holds the other end of soketi's standard input, which
// reaches its end when the JVM exits however it exits.
'use strict';

process.stdin.on('end', () => {
  // soketi stops on SIGTERM, closing its connections; exit anyway if it has not in 5 seconds
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(1), 5000).unref();
});
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
