#!/usr/bin/env python3
"""Loopback feed server for `gazette bench fetch` (started by the command; stdlib only).

Listens on one port on several loopback addresses (127.0.0.1 .. 127.0.0.N) so the fetcher's per-host
limit can be exercised like a real run over many sites. Routes:

  /feed/<n>.xml  a ~6 KB RSS feed with ETag "<n>-v1"; answers 304 to a matching If-None-Match
  /endless       200, chunked, never ends (as fast as the client reads)
  /bomb          200, Content-Encoding: gzip, 1 GiB of zeros compressed to about 1 MiB
  /trickle       200, Content-Length 100000, one byte per second

Prints "READY <port>" on stdout once listening; stops when stdin closes.
"""
import http.server
import socketserver
import struct
import sys
import threading
import time
import zlib

ITEM = (
    "<item><title>Post {i} of feed {n}</title><link>http://example.org/{n}/{i}</link>"
    "<guid>http://example.org/{n}/{i}</guid><pubDate>Sun, 29 Nov 2026 03:00:00 GMT</pubDate>"
    "<description>Some text for post {i}, long enough to look like a summary of a real article.</description></item>"
)


def feed_body(n):
    items = "".join(ITEM.format(i=i, n=n) for i in range(20))
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {n}</title><link>http://example.org/{n}/</link><description>bench</description>"
        f"{items}</channel></rss>"
    ).encode()


def make_bomb(decoded_mib):
    """A valid gzip member of `decoded_mib` MiB of zeros, built in well under a second: after a full
    flush deflate forgets its history, so every further MiB compresses to the same bytes."""
    zeros = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    unit = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(decoded_mib):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    size = (decoded_mib << 20) & 0xFFFFFFFF
    return header + first + unit * (decoded_mib - 1) + last + struct.pack("<II", crc, size)


BOMB = b""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        try:
            if self.path.startswith("/feed/"):
                n = self.path[len("/feed/"):].split(".")[0]
                etag = f'"{n}-v1"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = feed_body(n)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
                while True:
                    self.wfile.write(chunk)
            elif self.path == "/bomb":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(BOMB)))
                self.end_headers()
                self.wfile.write(BOMB)
            elif self.path == "/trickle":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(1)
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512


def main():
    global BOMB
    hosts = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    bomb_mib = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    if bomb_mib > 0:
        BOMB = make_bomb(bomb_mib)
    first = Server(("127.0.0.1", 0), Handler)
    port = first.server_address[1]
    servers = [first] + [Server((f"127.0.0.{i}", port), Handler) for i in range(2, hosts + 1)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"READY {port} bomb={len(BOMB)}", flush=True)
    sys.stdin.read()  # run until the parent closes our stdin (or dies)


if __name__ == "__main__":
    main()
