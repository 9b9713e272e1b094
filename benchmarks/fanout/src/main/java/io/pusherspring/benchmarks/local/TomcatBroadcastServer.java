package io.pusherspring.benchmarks.local;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Tomcat 11's Jakarta WebSocket (JSR 356): asynchronous sends, one in flight per session
 * as the API requires, the rest queued per session.
 */
final class TomcatBroadcastServer implements BroadcastServer {

	private static final CopyOnWriteArrayList<Outbox> outboxes = new CopyOnWriteArrayList<>();

	private final Tomcat tomcat = new Tomcat();

	private final File baseDir;

	TomcatBroadcastServer() throws Exception {
		outboxes.clear();
		this.baseDir = Files.createTempDirectory("tomcat-broadcast").toFile();
		this.tomcat.setBaseDir(this.baseDir.getAbsolutePath());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		this.tomcat.setConnector(connector);
		Context context = this.tomcat.addContext("", null);
		context.addServletContainerInitializer(new WsSci(), null);
		// requests reach the WebSocket filter only when they map to some servlet
		Tomcat.addServlet(context, "default", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "default");
		this.tomcat.start();
		ServerContainer container = (ServerContainer) context.getServletContext()
			.getAttribute(ServerContainer.class.getName());
		container.addEndpoint(ServerEndpointConfig.Builder.create(Subscriber.class, "/ws").build());
	}

	@Override
	public URI uri() {
		return URI.create("ws://127.0.0.1:" + this.tomcat.getConnector().getLocalPort() + "/ws");
	}

	@Override
	public void broadcast(String text) {
		for (Outbox outbox : outboxes) {
			outbox.send(text);
		}
	}

	@Override
	public void close() throws Exception {
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	@Override
	public String toString() {
		return "Tomcat 11";
	}

	/**
	 * One connection.
	 */
	public static final class Subscriber extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			Outbox outbox = new Outbox(session);
			outboxes.add(outbox);
			outbox.send(READY);
		}

	}

	/**
	 * Sends one message at a time to a session and queues the others.
	 */
	private static final class Outbox {

		private final Session session;

		private final Queue<String> queue = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean sending = new AtomicBoolean();

		Outbox(Session session) {
			this.session = session;
		}

		void send(String text) {
			this.queue.add(text);
			drain();
		}

		private void drain() {
			while (!this.queue.isEmpty() && this.sending.compareAndSet(false, true)) {
				String next = this.queue.poll();
				if (next == null) {
					this.sending.set(false);
					continue;
				}
				this.session.getAsyncRemote().sendText(next, this::sent);
				return;
			}
		}

		private void sent(SendResult result) {
			this.sending.set(false);
			drain();
		}

	}

}
