package io.pusherspring.integration.soketi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.conformance.ConformanceApplication;
import io.pusherspring.integration.conformance.ConformanceApplication.HeardWebhooks;
import io.pusherspring.integration.conformance.ServerEnvironment;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.servers.RedisServer;
import io.pusherspring.integration.servers.SoketiServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A self-hosted deployment in one test: a Redis server, two soketi nodes joined by
 * soketi's Redis adapter, and two instances of one application behind a round-robin load
 * balancer. Instance A publishes through node A and instance B through node B; each node
 * posts its webhooks to the load balancer, which hands them to either instance.
 */
final class Topology implements AutoCloseable {

	private final RedisServer redis;

	private final List<SoketiServer> nodes = new ArrayList<>();

	private final RoundRobinProxy loadBalancer;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private Topology(RedisServer redis, RoundRobinProxy loadBalancer) {
		this.redis = redis;
		this.loadBalancer = loadBalancer;
	}

	/**
	 * Start everything.
	 * @return the running topology
	 */
	static Topology start() {
		Topology topology = new Topology(new RedisServer().start(), new RoundRobinProxy());
		try {
			URI webhooks = topology.loadBalancer.url("/pusher/webhooks");
			List<URI> backends = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				SoketiServer node = new SoketiServer(ServerEnvironment.APP_ID, ServerEnvironment.KEY,
						ServerEnvironment.SECRET)
					.environment(DocumentedSettings.cluster(topology.redis))
					.webhook(webhooks)
					.clientEvents()
					.userAuthentication(Duration.ofMinutes(10))
					.start();
				topology.nodes.add(node);
				ConfigurableApplicationContext instance = new SpringApplicationBuilder(ConformanceApplication.class)
					.properties(properties(node))
					.run();
				topology.instances.add(instance);
				backends.add(URI.create("http://127.0.0.1:" + port(instance)));
			}
			topology.loadBalancer.backends(backends);
			return topology;
		}
		catch (RuntimeException ex) {
			topology.close();
			throw ex;
		}
	}

	/**
	 * A soketi node.
	 * @param index 0 for A, 1 for B
	 * @return the node
	 */
	SoketiServer node(int index) {
		return this.nodes.get(index);
	}

	/**
	 * What an instance publishes through.
	 * @param index 0 for A, 1 for B
	 * @return its operations
	 */
	PusherOperations operations(int index) {
		return this.instances.get(index).getBean(PusherOperations.class);
	}

	/**
	 * The webhook events an instance heard.
	 * @param index 0 for A, 1 for B
	 * @return its listener
	 */
	HeardWebhooks webhooks(int index) {
		return this.instances.get(index).getBean(HeardWebhooks.class);
	}

	/**
	 * How many webhook deliveries the load balancer handed to an instance.
	 * @param index 0 for A, 1 for B
	 * @return the count
	 */
	int webhookDeliveries(int index) {
		return this.loadBalancer.forwardedTo(index);
	}

	/**
	 * The base URL of an instance.
	 * @param index 0 for A, 1 for B
	 * @return its URL
	 */
	String appUrl(int index) {
		return "http://127.0.0.1:" + port(this.instances.get(index));
	}

	/**
	 * pusher-java-client connected to a node, authorized by an instance.
	 * @param user the user
	 * @param node the node it connects to
	 * @param instance the instance that authorizes it
	 * @return the connected client
	 */
	JavaClient javaClient(String user, int node, int instance) {
		return JavaClient
			.as(user, ConformanceApplication.PASSWORD, "127.0.0.1", node(node).getPort(), ServerEnvironment.KEY,
					appUrl(instance))
			.connect();
	}

	@Override
	public void close() {
		// each part stops even if stopping another fails
		List<Runnable> stops = new ArrayList<>();
		this.instances.forEach((instance) -> stops.add(instance::close));
		this.nodes.forEach((node) -> stops.add(node::stop));
		stops.add(this.loadBalancer::close);
		stops.add(this.redis::stop);
		RuntimeException failure = null;
		for (Runnable stop : stops) {
			try {
				stop.run();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private static Map<String, Object> properties(SoketiServer node) {
		Map<String, Object> properties = new LinkedHashMap<>(node.properties());
		properties.put("server.port", 0);
		properties.put("pusher.encryption-master-key", ServerEnvironment.MASTER_KEY);
		properties.put("spring.main.banner-mode", "off");
		return properties;
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
