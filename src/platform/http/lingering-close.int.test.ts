import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, describe, it } from 'node:test';
import { lingerOnClose } from './lingering-close.ts';

/**
 * A plain HTTP server that refuses every body at once with 413 and `Connection: close`, without
 * reading it. The client has sent a whole megabyte by then; those bytes lie unread at the server.
 * Closing at once would answer them with a reset (the client sees ECONNRESET and may lose the 413);
 * with the lingering close the server reads them away and ends the connection cleanly.
 */
function refusingServer(linger: boolean): Server {
  return createServer((req, res) => {
    if (linger) lingerOnClose(req, 2_000, 300);
    res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
    res.end('too large');
  });
}

async function upload(server: Server): Promise<{ answer: string; error?: string }> {
  const { port } = server.address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const body = Buffer.alloc(1024 * 1024, 0x61);
  // Head and body in one write: the whole megabyte is on its way before the answer comes.
  socket.write(
    Buffer.concat([
      Buffer.from(`POST /upload HTTP/1.1\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n`),
      body,
    ]),
  );
  let answer = '';
  socket.on('data', (c: Buffer) => {
    answer += c.toString();
  });
  return new Promise((resolve) => {
    socket.on('error', (e) => resolve({ answer, error: (e as NodeJS.ErrnoException).code }));
    socket.on('close', () => resolve({ answer }));
  });
}

describe('lingering close after a refused body', () => {
  const servers: Server[] = [];
  const listening = async (linger: boolean) => {
    const server = refusingServer(linger);
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return server;
  };
  after(() => {
    for (const s of servers) s.close();
  });

  it('delivers the 413 and ends the connection without a reset', async () => {
    const server = await listening(true);
    for (let i = 0; i < 5; i++) {
      const r = await upload(server);
      assert.match(r.answer, /^HTTP\/1\.1 413/);
      assert.equal(r.error, undefined, 'the connection ended with a reset');
    }
  });

  it('closes the connection of a client that keeps sending, once the bounded time has passed', {
    timeout: 10_000,
  }, async () => {
    const server = createServer((req, res) => {
      lingerOnClose(req, 500, 10_000);
      res.writeHead(413, { connection: 'close' });
      res.end();
    });
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n');
    // A slow, endless trickle: never idle long enough for the idle limit, never finished.
    const chunk = `4000\r\n${'b'.repeat(0x4000)}\r\n`;
    const trickle = setInterval(() => socket.writable && socket.write(chunk), 20);
    const started = Date.now();
    await new Promise((resolve) => socket.on('close', resolve).on('error', () => undefined));
    clearInterval(trickle);
    const lasted = Date.now() - started;
    assert.ok(lasted >= 400, `closed after ${lasted} ms, before the lingering time`);
  });
});
