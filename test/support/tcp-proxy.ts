import net from 'node:net';

/**
 * A TCP proxy in front of the test database: `cut()` drops every connection and refuses new ones (the
 * database "goes away"), `restore()` listens again on the same port. Lets an in-process hub see its
 * database fail and come back without touching the shared server.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const own = (server.address() as net.AddressInfo).port;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return {
    port: own,
    cut: stopListening,
    restore: () => new Promise<void>((resolve) => server.listen(own, '127.0.0.1', resolve)),
    close: stopListening,
  };
}
