package io.pusherspring.benchmarks.local;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12's own WebSocket API (no servlets): one {@code sendText} per session, queued by
 * Jetty's frame flusher.
 */
final class JettyBroadcastServer implements BroadcastServer {

	private final List<Session> sessions = new CopyOnWriteArrayList<>();

	private final QueuedThreadPool threads;

	private final Server server;

	private final ServerConnector connector;

	JettyBroadcastServer(int maxThreads) throws Exception {
		this.threads = new QueuedThreadPool(Math.max(maxThreads, 8), 2);
		this.threads.setName("jetty-broadcast");
		this.server = new Server(this.threads);
		this.connector = new ServerConnector(this.server, 1, 1);
		this.connector.setHost("127.0.0.1");
		this.server.addConnector(this.connector);
		ContextHandler context = new ContextHandler("/");
		context.setHandler(WebSocketUpgradeHandler.from(this.server, context, (container) -> container.addMapping("/ws",
				(request, response, callback) -> new Listener(this.sessions))));
		this.server.setHandler(context);
		this.server.start();
	}

	@Override
	public URI uri() {
		return URI.create("ws://127.0.0.1:" + this.connector.getLocalPort() + "/ws");
	}

	@Override
	public void broadcast(String text) {
		for (Session session : this.sessions) {
			session.sendText(text, Callback.NOOP);
		}
	}

	@Override
	public void close() throws Exception {
		this.server.stop();
	}

	@Override
	public String toString() {
		return "Jetty 12";
	}

	/**
	 * One connection; public, as Jetty requires of its listeners.
	 */
	public static final class Listener implements Session.Listener.AutoDemanding {

		private final List<Session> sessions;

		Listener(List<Session> sessions) {
			this.sessions = sessions;
		}

		private Session session;

		@Override
		public void onWebSocketOpen(Session session) {
			this.session = session;
			this.sessions.add(session);
			session.sendText(READY, Callback.NOOP);
		}

		@Override
		public void onWebSocketClose(int statusCode, String reason) {
			this.sessions.remove(this.session);
		}

		@Override
		public void onWebSocketError(Throwable cause) {
			// a client that closes while a message is on its way: the close follows
		}

	}

}
