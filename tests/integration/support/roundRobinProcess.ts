/**
 * The round-robin proxy as a process of its own (roundRobin.ts starts it):
 * the upstreams are its arguments; it tells its parent where it listens, the
 * counts when asked ("sent"), and stops on SIGTERM.
 */
import { serveRoundRobin } from './roundRobin.ts';

const proxy = await serveRoundRobin(process.argv.slice(2));
process.send?.({ url: proxy.url });
process.on('message', (m) => {
  if (m === 'sent') process.send?.({ sent: [...proxy.sent] });
});
// Its parent gone (a test killed), it has nothing to serve.
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', () => {
  void proxy.close().then(() => process.exit(0));
});
