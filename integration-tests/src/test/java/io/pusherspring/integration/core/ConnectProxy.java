package io.pusherspring.integration.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding proxy that only tunnels: it answers {@code CONNECT host:port} with 200 and
 * then copies bytes both ways between the client and {@code 127.0.0.1:port}, as a
 * corporate HTTPS proxy does. It sees the TLS records, never the requests inside them.
 */
final class ConnectProxy implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	ConnectProxy() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(this::accept);
	}

	int getPort() {
		return this.server.getLocalPort();
	}

	/**
	 * The first line of every request the proxy received, such as
	 * {@code CONNECT localhost:8443 HTTP/1.1}.
	 */
	List<String> requestLines() {
		return this.requestLines;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				daemon(() -> tunnel(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client) {
			String head = readHead(client.getInputStream());
			String requestLine = head.lines().findFirst().orElse("");
			this.requestLines.add(requestLine);
			String[] parts = requestLine.split(" ");
			OutputStream toClient = client.getOutputStream();
			if (parts.length != 3 || !parts[0].equals("CONNECT")) {
				toClient.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
			try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
				toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				toClient.flush();
				Thread upload = daemon(() -> copy(client, upstream));
				copy(upstream, client);
				upload.join();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client or the server went away: the tunnel ends
		}
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task, "connect-proxy");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < end.length) {
			int next = in.read();
			if (next == -1) {
				throw new IOException("Connection closed before the request head ended");
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == end[0]) ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	private static void copy(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
