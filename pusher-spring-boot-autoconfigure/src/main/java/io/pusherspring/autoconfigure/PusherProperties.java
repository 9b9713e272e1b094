package io.pusherspring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherRetryDefaults;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.retry.RetryPolicySettings;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Pusher Channels. Once bound, every value is checked here,
 * and an unusable one fails start-up with an
 * {@link InvalidConfigurationPropertyValueException} that names the property.
 */
@ConfigurationProperties("pusher")
public class PusherProperties implements InitializingBean {

	/**
	 * Webhook bodies are read into one array.
	 */
	private static final long MAX_WEBHOOK_BODY_BYTES = Integer.MAX_VALUE - 1;

	/**
	 * Pusher app id.
	 */
	private @Nullable String appId;

	/**
	 * Pusher app key, the public identifier clients connect with.
	 */
	private @Nullable String key;

	/**
	 * Pusher app secret that signs API requests and channel authorizations.
	 */
	private @Nullable String secret;

	/**
	 * Cluster the app lives in; the API host is api-{cluster}.pusher.com.
	 */
	private String cluster = "mt1";

	/**
	 * Host of the Pusher HTTP API, overriding the cluster's; for self-hosted
	 * Pusher-protocol servers.
	 */
	private @Nullable String host;

	/**
	 * Port of the Pusher HTTP API. Defaults to 443 for https and 80 for http.
	 */
	private @Nullable Integer port;

	/**
	 * Scheme of the Pusher HTTP API, https or http.
	 */
	private String scheme = "https";

	/**
	 * Base64 encoding of a 32-byte key; enables end-to-end encrypted (private-encrypted-)
	 * channels.
	 */
	private @Nullable String encryptionMasterKey;

	private final Http http = new Http();

	private final Retry retry = new Retry();

	private final Limits limits = new Limits();

	private final Auth auth = new Auth();

	private final Webhook webhook = new Webhook();

	private final Events events = new Events();

	private final Observations observations = new Observations();

	/**
	 * {@return the Pusher app id}
	 */
	public @Nullable String getAppId() {
		return this.appId;
	}

	/**
	 * Sets the Pusher app id.
	 * @param appId the Pusher app id
	 */
	public void setAppId(@Nullable String appId) {
		this.appId = appId;
	}

	/**
	 * {@return the Pusher app key, the public identifier clients connect with}
	 */
	public @Nullable String getKey() {
		return this.key;
	}

	/**
	 * Sets the Pusher app key, the public identifier clients connect with.
	 * @param key the Pusher app key, the public identifier clients connect with
	 */
	public void setKey(@Nullable String key) {
		this.key = key;
	}

	/**
	 * {@return the Pusher app secret that signs API requests and channel authorizations}
	 */
	public @Nullable String getSecret() {
		return this.secret;
	}

	/**
	 * Sets the Pusher app secret that signs API requests and channel authorizations.
	 * @param secret the Pusher app secret that signs API requests and channel
	 * authorizations
	 */
	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	/**
	 * {@return the cluster the app lives in; the API host is api-{cluster}.pusher.com}
	 */
	public String getCluster() {
		return this.cluster;
	}

	/**
	 * Sets the cluster the app lives in; the API host is api-{cluster}.pusher.com.
	 * @param cluster the cluster the app lives in; the API host is
	 * api-{cluster}.pusher.com
	 */
	public void setCluster(String cluster) {
		this.cluster = cluster;
	}

	/**
	 * {@return the host of the Pusher HTTP API, overriding the cluster's; for self-hosted
	 * Pusher-protocol servers}
	 */
	public @Nullable String getHost() {
		return this.host;
	}

	/**
	 * Sets the host of the Pusher HTTP API, overriding the cluster's; for self-hosted
	 * Pusher-protocol servers.
	 * @param host the host of the Pusher HTTP API, overriding the cluster's; for
	 * self-hosted Pusher-protocol servers
	 */
	public void setHost(@Nullable String host) {
		this.host = host;
	}

	/**
	 * {@return the port of the Pusher HTTP API}
	 */
	public @Nullable Integer getPort() {
		return this.port;
	}

	/**
	 * Sets the port of the Pusher HTTP API.
	 * @param port the port of the Pusher HTTP API
	 */
	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	/**
	 * {@return the scheme of the Pusher HTTP API, https or http}
	 */
	public String getScheme() {
		return this.scheme;
	}

	/**
	 * Sets the scheme of the Pusher HTTP API, https or http.
	 * @param scheme the scheme of the Pusher HTTP API, https or http
	 */
	public void setScheme(String scheme) {
		this.scheme = scheme;
	}

	/**
	 * {@return the Base64 encoding of a 32-byte key; enables end-to-end encrypted
	 * (private-encrypted-) channels}
	 */
	public @Nullable String getEncryptionMasterKey() {
		return this.encryptionMasterKey;
	}

	/**
	 * Sets the Base64 encoding of a 32-byte key; enables end-to-end encrypted
	 * (private-encrypted-) channels.
	 * @param encryptionMasterKey the Base64 encoding of a 32-byte key; enables end-to-end
	 * encrypted (private-encrypted-) channels
	 */
	public void setEncryptionMasterKey(@Nullable String encryptionMasterKey) {
		this.encryptionMasterKey = encryptionMasterKey;
	}

	/**
	 * {@return the HTTP client settings, shared by blocking and asynchronous calls}
	 */
	public Http getHttp() {
		return this.http;
	}

	/**
	 * {@return the retries of failed calls; only I/O errors, 5xx and 429 are retried, and
	 * a 429 or 503 waits at least as long as its Retry-After asks, up to max-delay}
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * {@return the limits of the app's Pusher plan, checked before anything is sent}
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * {@return the channel authorization and user authentication endpoints}
	 */
	public Auth getAuth() {
		return this.auth;
	}

	/**
	 * {@return the verification and dispatch of Pusher webhooks}
	 */
	public Webhook getWebhook() {
		return this.webhook;
	}

	/**
	 * {@return the declarative broadcasting with @PusherEvent and PusherBroadcast}
	 */
	public Events getEvents() {
		return this.events;
	}

	/**
	 * {@return the Micrometer observations of template calls, authorization decisions and
	 * webhooks}
	 */
	public Observations getObservations() {
		return this.observations;
	}

	/**
	 * Check every value, so that a bad one fails start-up naming its property rather than
	 * the first call that needs it.
	 * @throws InvalidConfigurationPropertyValueException for the first unusable value
	 */
	@Override
	public void afterPropertiesSet() {
		determineEndpoint();
		if (this.encryptionMasterKey != null) {
			validateEncryptionMasterKey(this.encryptionMasterKey);
		}
		this.http.validate();
		this.retry.validate();
		this.limits.validate();
		this.webhook.validate();
		this.auth.getUser().validate();
	}

	private static void validateEncryptionMasterKey(String masterKey) {
		try {
			ChannelEncryption.validate(masterKey);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("pusher.encryption-master-key", "******",
					ex.getMessage() + ". Generate one with: openssl rand -base64 32");
		}
	}

	private static void requirePositive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Use a positive duration, such as 5s.");
		}
	}

	/**
	 * The base address of the Pusher HTTP API: {@code host}, else the cluster's host;
	 * {@code port}, else the scheme's default.
	 * @return the scheme, host and port (a default port left out)
	 * @throws InvalidConfigurationPropertyValueException if a property has an unusable
	 * value
	 */
	public URI determineEndpoint() {
		if (!"https".equals(this.scheme) && !"http".equals(this.scheme)) {
			throw new InvalidConfigurationPropertyValueException("pusher.scheme", this.scheme, "Use https or http.");
		}
		String host = this.host;
		if (!StringUtils.hasText(host)) {
			if (!StringUtils.hasText(this.cluster) || !this.cluster.matches("[a-z0-9-]+")) {
				throw new InvalidConfigurationPropertyValueException("pusher.cluster", this.cluster,
						"Use the cluster shown in the Pusher dashboard, such as mt1 or eu.");
			}
			host = "api-" + this.cluster + ".pusher.com";
		}
		if (this.port != null && (this.port < 1 || this.port > 65535)) {
			throw new InvalidConfigurationPropertyValueException("pusher.port", this.port,
					"Use a port from 1 to 65535.");
		}
		boolean defaultPort = this.port == null || this.port == ("https".equals(this.scheme) ? 443 : 80);
		try {
			return new URI(this.scheme, null, host, defaultPort ? -1 : this.port, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException("pusher.host", host, "Use a host name or address.");
		}
	}

	/**
	 * HTTP client settings, shared by blocking and asynchronous calls. The JVM's proxy
	 * properties (https.proxyHost, http.proxyHost, http.nonProxyHosts) apply.
	 */
	public static class Http {

		/**
		 * How long to wait for a connection to the Pusher HTTP API, new or from the pool.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * How long to wait for the Pusher HTTP API to answer.
		 */
		private Duration readTimeout = Duration.ofSeconds(5);

		/**
		 * Most connections kept open to the Pusher HTTP API, for blocking and for
		 * asynchronous calls each.
		 */
		private int maxConnections = 50;

		private final Ssl ssl = new Ssl();

		/**
		 * {@return how long to wait for a connection to the Pusher HTTP API, new or from
		 * the pool}
		 */
		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Sets how long to wait for a connection to the Pusher HTTP API, new or from the
		 * pool.
		 * @param connectTimeout how long to wait for a connection to the Pusher HTTP API,
		 * new or from the pool
		 */
		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * {@return how long to wait for the Pusher HTTP API to answer}
		 */
		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		/**
		 * Sets how long to wait for the Pusher HTTP API to answer.
		 * @param readTimeout how long to wait for the Pusher HTTP API to answer
		 */
		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		/**
		 * {@return the most connections kept open to the Pusher HTTP API, for blocking
		 * and for asynchronous calls each}
		 */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * Sets the most connections kept open to the Pusher HTTP API, for blocking and
		 * for asynchronous calls each.
		 * @param maxConnections the most connections kept open to the Pusher HTTP API,
		 * for blocking and for asynchronous calls each
		 */
		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		/**
		 * {@return the TLS settings of the connection to the Pusher HTTP API}
		 */
		public Ssl getSsl() {
			return this.ssl;
		}

		void validate() {
			requirePositive("pusher.http.connect-timeout", this.connectTimeout);
			requirePositive("pusher.http.read-timeout", this.readTimeout);
			if (this.maxConnections < 1) {
				throw new InvalidConfigurationPropertyValueException("pusher.http.max-connections", this.maxConnections,
						"Use at least 1 connection.");
			}
		}

		/**
		 * TLS settings of the connection to the Pusher HTTP API.
		 */
		public static class Ssl {

			/**
			 * Name of the SSL bundle (spring.ssl.bundle.*) that the connection trusts,
			 * such as one holding a self-hosted server's certificate.
			 */
			private @Nullable String bundle;

			/**
			 * {@return the name of the SSL bundle (spring.ssl.bundle.*) that the
			 * connection trusts, such as one holding a self-hosted server's certificate}
			 */
			public @Nullable String getBundle() {
				return this.bundle;
			}

			/**
			 * Sets the name of the SSL bundle (spring.ssl.bundle.*) that the connection
			 * trusts, such as one holding a self-hosted server's certificate.
			 * @param bundle the name of the SSL bundle (spring.ssl.bundle.*) that the
			 * connection trusts, such as one holding a self-hosted server's certificate
			 */
			public void setBundle(@Nullable String bundle) {
				this.bundle = bundle;
			}

		}

	}

	/**
	 * Retries of failed calls; only I/O errors, 5xx and 429 are retried, and a 429 or 503
	 * waits at least as long as its Retry-After asks, up to max-delay.
	 */
	public static class Retry {

		/**
		 * Most retries after the first attempt; 0 disables retries.
		 */
		private int maxRetries = PusherRetryDefaults.MAX_RETRIES;

		/**
		 * Wait before the first retry.
		 */
		private Duration delay = PusherRetryDefaults.DELAY;

		/**
		 * Factor applied to the wait after each retry.
		 */
		private double multiplier = PusherRetryDefaults.MULTIPLIER;

		/**
		 * Longest wait between two attempts, also the longest Retry-After honoured; an
		 * answer asking for a longer wait fails the call at once.
		 */
		private Duration maxDelay = PusherRetryDefaults.MAX_DELAY;

		/**
		 * {@return the most retries after the first attempt; 0 disables retries}
		 */
		public int getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Sets the most retries after the first attempt; 0 disables retries.
		 * @param maxRetries the most retries after the first attempt; 0 disables retries
		 */
		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * {@return the wait before the first retry}
		 */
		public Duration getDelay() {
			return this.delay;
		}

		/**
		 * Sets the wait before the first retry.
		 * @param delay the wait before the first retry
		 */
		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		/**
		 * {@return the factor applied to the wait after each retry}
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Sets the factor applied to the wait after each retry.
		 * @param multiplier the factor applied to the wait after each retry
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * {@return the longest wait between two attempts, also the longest Retry-After
		 * honoured; an answer asking for a longer wait fails the call at once}
		 */
		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		/**
		 * Sets the longest wait between two attempts, also the longest Retry-After
		 * honoured; an answer asking for a longer wait fails the call at once.
		 * @param maxDelay the longest wait between two attempts, also the longest
		 * Retry-After honoured; an answer asking for a longer wait fails the call at once
		 */
		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		void validate() {
			if (this.maxRetries < 0) {
				throw new InvalidConfigurationPropertyValueException("pusher.retry.max-retries", this.maxRetries,
						"Use 0 (no retries) or more.");
			}
			if (this.delay == null || this.delay.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("pusher.retry.delay", this.delay,
						"Use zero or a positive duration, such as 100ms.");
			}
			if (this.multiplier < 1) {
				throw new InvalidConfigurationPropertyValueException("pusher.retry.multiplier", this.multiplier,
						"Use 1 (a fixed wait) or more.");
			}
			requirePositive("pusher.retry.max-delay", this.maxDelay);
		}

		/**
		 * These properties as Spring Boot's retry policy settings.
		 * @return new settings
		 */
		RetryPolicySettings initializeRetryPolicySettings() {
			PropertyMapper map = PropertyMapper.get();
			RetryPolicySettings settings = new RetryPolicySettings();
			map.from(this::getMaxRetries).as(Integer::longValue).to(settings::setMaxRetries);
			map.from(this::getDelay).to(settings::setDelay);
			map.from(this::getMultiplier).to(settings::setMultiplier);
			map.from(this::getMaxDelay).to(settings::setMaxDelay);
			return settings;
		}

	}

	/**
	 * Limits of the app's Pusher plan, checked before anything is sent.
	 */
	public static class Limits {

		/**
		 * Largest event data accepted; raise it for plans that allow more.
		 */
		private DataSize maxPayloadSize = PusherLimits.MAX_PAYLOAD_SIZE;

		/**
		 * {@return the largest event data accepted; raise it for plans that allow more}
		 */
		public DataSize getMaxPayloadSize() {
			return this.maxPayloadSize;
		}

		/**
		 * Sets the largest event data accepted; raise it for plans that allow more.
		 * @param maxPayloadSize the largest event data accepted; raise it for plans that
		 * allow more
		 */
		public void setMaxPayloadSize(DataSize maxPayloadSize) {
			this.maxPayloadSize = maxPayloadSize;
		}

		void validate() {
			if (this.maxPayloadSize == null || this.maxPayloadSize.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("pusher.limits.max-payload-size",
						this.maxPayloadSize, "Use a size such as 10KB.");
			}
		}

	}

	/**
	 * Channel authorization and user authentication endpoints.
	 */
	public static class Auth {

		/**
		 * Whether to expose the channel authorization and user authentication endpoints.
		 */
		private boolean enabled = true;

		/**
		 * Path of the channel authorization endpoint.
		 */
		private String path = "/pusher/auth";

		/**
		 * Path of the user authentication endpoint (pusher:signin).
		 */
		private String userPath = "/pusher/user-auth";

		/**
		 * Whether unauthenticated callers may reach the authorizers.
		 */
		private boolean allowAnonymous;

		private final RateLimit rateLimit = new RateLimit();

		private final User user = new User();

		/**
		 * {@return whether to expose the channel authorization and user authentication
		 * endpoints}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether to expose the channel authorization and user authentication
		 * endpoints.
		 * @param enabled whether to expose the channel authorization and user
		 * authentication endpoints
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the path of the channel authorization endpoint}
		 */
		public String getPath() {
			return this.path;
		}

		/**
		 * Sets the path of the channel authorization endpoint.
		 * @param path the path of the channel authorization endpoint
		 */
		public void setPath(String path) {
			this.path = path;
		}

		/**
		 * {@return the path of the user authentication endpoint (pusher:signin)}
		 */
		public String getUserPath() {
			return this.userPath;
		}

		/**
		 * Sets the path of the user authentication endpoint (pusher:signin).
		 * @param userPath the path of the user authentication endpoint (pusher:signin)
		 */
		public void setUserPath(String userPath) {
			this.userPath = userPath;
		}

		/**
		 * {@return whether unauthenticated callers may reach the authorizers}
		 */
		public boolean isAllowAnonymous() {
			return this.allowAnonymous;
		}

		/**
		 * Sets whether unauthenticated callers may reach the authorizers.
		 * @param allowAnonymous whether unauthenticated callers may reach the authorizers
		 */
		public void setAllowAnonymous(boolean allowAnonymous) {
			this.allowAnonymous = allowAnonymous;
		}

		/**
		 * {@return the per-user request budget of the authorization endpoints}
		 */
		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

		/**
		 * {@return the settings of the users signed in through the user authentication
		 * endpoint}
		 */
		public User getUser() {
			return this.user;
		}

		/**
		 * Users signed in to Pusher through the user authentication endpoint.
		 */
		public static class User {

			/**
			 * Whether to terminate a user's Pusher connections when Spring Security logs
			 * them out or their HTTP session ends or expires.
			 */
			private boolean terminateConnectionsOnSignOut;

			/**
			 * Most connections each user may have, counted as the subscriptions to the
			 * user's own channel; no limit if not set. Needs subscription counting
			 * switched on in the app's settings in Pusher's dashboard.
			 */
			private @Nullable Integer maxConnections;

			/**
			 * Private channel of each user whose subscriptions count as the user's
			 * connections, with one variable for the user.
			 */
			private String connectionsChannel = "private-user-{userId}";

			/**
			 * {@return the most connections each user may have, or {@code null} for no
			 * limit}
			 */
			public @Nullable Integer getMaxConnections() {
				return this.maxConnections;
			}

			/**
			 * Sets the most connections each user may have.
			 * @param maxConnections the most connections each user may have, or
			 * {@code null} for no limit
			 */
			public void setMaxConnections(@Nullable Integer maxConnections) {
				this.maxConnections = maxConnections;
			}

			/**
			 * {@return the private channel of each user whose subscriptions count as the
			 * user's connections}
			 */
			public String getConnectionsChannel() {
				return this.connectionsChannel;
			}

			/**
			 * Sets the private channel of each user whose subscriptions count as the
			 * user's connections.
			 * @param connectionsChannel the channel, with one variable for the user
			 */
			public void setConnectionsChannel(String connectionsChannel) {
				this.connectionsChannel = connectionsChannel;
			}

			void validate() {
				if (this.maxConnections != null && this.maxConnections < 1) {
					throw new InvalidConfigurationPropertyValueException("pusher.auth.user.max-connections",
							this.maxConnections, "Use 1 or more, or leave it unset for no limit.");
				}
				if (this.maxConnections != null && (this.connectionsChannel == null
						|| !this.connectionsChannel.startsWith("private-") || !this.connectionsChannel.contains("{"))) {
					throw new InvalidConfigurationPropertyValueException("pusher.auth.user.connections-channel",
							this.connectionsChannel,
							"Use a private- channel with one variable for the user, such as private-user-{userId}.");
				}
			}

			/**
			 * {@return whether to terminate a user's Pusher connections when they sign
			 * out}
			 */
			public boolean isTerminateConnectionsOnSignOut() {
				return this.terminateConnectionsOnSignOut;
			}

			/**
			 * Sets whether to terminate a user's Pusher connections when they sign out.
			 * @param terminateConnectionsOnSignOut whether to terminate them
			 */
			public void setTerminateConnectionsOnSignOut(boolean terminateConnectionsOnSignOut) {
				this.terminateConnectionsOnSignOut = terminateConnectionsOnSignOut;
			}

		}

		/**
		 * Per-user request budget of the authorization endpoints.
		 */
		public static class RateLimit {

			/**
			 * Whether to limit the requests each user makes to the authorization
			 * endpoints.
			 */
			private boolean enabled = true;

			/**
			 * Requests each user (or, for anonymous callers, each remote address) may
			 * make at once; the budget refills at this many requests per period.
			 */
			private long capacity = 120;

			/**
			 * Time in which a used-up budget refills completely.
			 */
			private Duration period = Duration.ofMinutes(1);

			/**
			 * {@return whether to limit the requests each user makes to the authorization
			 * endpoints}
			 */
			public boolean isEnabled() {
				return this.enabled;
			}

			/**
			 * Sets whether to limit the requests each user makes to the authorization
			 * endpoints.
			 * @param enabled whether to limit the requests each user makes to the
			 * authorization endpoints
			 */
			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			/**
			 * {@return the requests each user (or, for anonymous callers, each remote
			 * address) may make at once; the budget refills at this many requests per
			 * period}
			 */
			public long getCapacity() {
				return this.capacity;
			}

			/**
			 * Sets the requests each user (or, for anonymous callers, each remote
			 * address) may make at once; the budget refills at this many requests per
			 * period.
			 * @param capacity the requests each user (or, for anonymous callers, each
			 * remote address) may make at once; the budget refills at this many requests
			 * per period
			 */
			public void setCapacity(long capacity) {
				this.capacity = capacity;
			}

			/**
			 * {@return the time in which a used-up budget refills completely}
			 */
			public Duration getPeriod() {
				return this.period;
			}

			/**
			 * Sets the time in which a used-up budget refills completely.
			 * @param period the time in which a used-up budget refills completely
			 */
			public void setPeriod(Duration period) {
				this.period = period;
			}

		}

	}

	/**
	 * Verification and dispatch of Pusher webhooks.
	 */
	public static class Webhook {

		/**
		 * Whether to verify and dispatch webhooks posted to the webhook path.
		 */
		private boolean enabled = true;

		/**
		 * Path Pusher posts webhooks to, within the dispatcher servlet (under
		 * spring.mvc.servlet.path, if set).
		 */
		private String path = "/pusher/webhooks";

		/**
		 * Oldest webhook accepted, by its time_ms; older deliveries are replays.
		 */
		private Duration maxAge = Duration.ofMinutes(5);

		/**
		 * Largest webhook body accepted.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Keys accepted besides pusher.key, each with its secret, for key rotation.
		 */
		private Map<String, String> additionalKeys = new LinkedHashMap<>();

		private final Deduplication deduplication = new Deduplication();

		/**
		 * {@return whether to verify and dispatch webhooks posted to the webhook path}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether to verify and dispatch webhooks posted to the webhook path.
		 * @param enabled whether to verify and dispatch webhooks posted to the webhook
		 * path
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the path Pusher posts webhooks to, within the dispatcher servlet
		 * (under spring.mvc.servlet.path, if set)}
		 */
		public String getPath() {
			return this.path;
		}

		/**
		 * Sets the path Pusher posts webhooks to, within the dispatcher servlet (under
		 * spring.mvc.servlet.path, if set).
		 * @param path the path Pusher posts webhooks to, within the dispatcher servlet
		 * (under spring.mvc.servlet.path, if set)
		 */
		public void setPath(String path) {
			this.path = path;
		}

		/**
		 * {@return the oldest webhook accepted, by its time_ms; older deliveries are
		 * replays}
		 */
		public Duration getMaxAge() {
			return this.maxAge;
		}

		/**
		 * Sets the oldest webhook accepted, by its time_ms; older deliveries are replays.
		 * @param maxAge the oldest webhook accepted, by its time_ms; older deliveries are
		 * replays
		 */
		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		/**
		 * {@return the largest webhook body accepted}
		 */
		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		/**
		 * Sets the largest webhook body accepted.
		 * @param maxBodySize the largest webhook body accepted
		 */
		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		/**
		 * {@return the keys accepted besides pusher.key, each with its secret, for key
		 * rotation}
		 */
		public Map<String, String> getAdditionalKeys() {
			return this.additionalKeys;
		}

		/**
		 * Sets the keys accepted besides pusher.key, each with its secret, for key
		 * rotation.
		 * @param additionalKeys the keys accepted besides pusher.key, each with its
		 * secret, for key rotation
		 */
		public void setAdditionalKeys(Map<String, String> additionalKeys) {
			this.additionalKeys = additionalKeys;
		}

		/**
		 * The secret of every key whose webhooks are accepted: the app's own, then the
		 * additional keys of key rotation.
		 * @param appKey the app's key
		 * @param appSecret the app's secret
		 * @return the secrets by key, the app's first
		 * @throws InvalidConfigurationPropertyValueException if an additional key is the
		 * app's own key
		 */
		public Map<String, String> determineSecretsByKey(String appKey, String appSecret) {
			Map<String, String> secrets = new LinkedHashMap<>();
			secrets.put(appKey, appSecret);
			this.additionalKeys.forEach((key, secret) -> {
				if (secrets.containsKey(key)) {
					throw new InvalidConfigurationPropertyValueException("pusher.webhook.additional-keys[" + key + "]",
							"******", "The key is already the app's key; list only the other keys.");
				}
				secrets.put(key, secret);
			});
			return secrets;
		}

		/**
		 * How long a handled webhook entry is remembered: the de-duplication window, or
		 * else {@code max-age}.
		 * @return the window
		 */
		public Duration determineDeduplicationWindow() {
			Duration window = this.deduplication.getWindow();
			return (window != null) ? window : this.maxAge;
		}

		void validate() {
			if (!StringUtils.hasText(this.path) || !this.path.matches("/[^*?{}\\s]*")) {
				throw new InvalidConfigurationPropertyValueException("pusher.webhook.path", this.path,
						"Use a path that starts with '/', such as /pusher/webhooks, without wildcards, braces or "
								+ "spaces.");
			}
			requirePositive("pusher.webhook.max-age", this.maxAge);
			Duration window = this.deduplication.getWindow();
			if (window != null && window.compareTo(this.maxAge) < 0) {
				throw new InvalidConfigurationPropertyValueException("pusher.webhook.deduplication.window", window,
						"Use at least pusher.webhook.max-age (" + this.maxAge + "): a retry younger than "
								+ "that is accepted, and would be handled again once its entry is forgotten.");
			}
			if (this.maxBodySize == null || this.maxBodySize.toBytes() < 1
					|| this.maxBodySize.toBytes() > MAX_WEBHOOK_BODY_BYTES) {
				throw new InvalidConfigurationPropertyValueException("pusher.webhook.max-body-size", this.maxBodySize,
						"Use a size from 1B to 2047MB, such as 1MB.");
			}
			this.additionalKeys.forEach((key, secret) -> {
				if (!StringUtils.hasText(secret)) {
					throw new InvalidConfigurationPropertyValueException("pusher.webhook.additional-keys[" + key + "]",
							"", "Set the secret that goes with the key.");
				}
			});
		}

		/**
		 * {@return the skipping webhook entries handled before, which Pusher delivers
		 * again when a delivery was not answered with 2xx}
		 */
		public Deduplication getDeduplication() {
			return this.deduplication;
		}

		/**
		 * Skipping webhook entries handled before, which Pusher delivers again when a
		 * delivery was not answered with 2xx.
		 */
		public static class Deduplication {

			/**
			 * Whether the built-in endpoint hands each webhook entry to the listeners
			 * once, skipping Pusher's retries of it.
			 */
			private boolean enabled = true;

			/**
			 * Where handled entries are remembered: in this instance's memory, or in a
			 * database table shared by every instance (needs a DataSource).
			 */
			private Store store = Store.MEMORY;

			/**
			 * How long a handled entry is remembered, counted from the webhook's time_ms;
			 * at least max-age (the default), past which Pusher's retries are refused
			 * anyway.
			 */
			private @Nullable Duration window;

			/**
			 * {@return whether the built-in endpoint hands each webhook entry to the
			 * listeners once, skipping Pusher's retries of it}
			 */
			public boolean isEnabled() {
				return this.enabled;
			}

			/**
			 * Sets whether the built-in endpoint hands each webhook entry to the
			 * listeners once, skipping Pusher's retries of it.
			 * @param enabled whether the built-in endpoint hands each webhook entry to
			 * the listeners once, skipping Pusher's retries of it
			 */
			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			/**
			 * {@return where handled entries are remembered: in this instance's memory,
			 * or in a database table shared by every instance (needs a DataSource)}
			 */
			public Store getStore() {
				return this.store;
			}

			/**
			 * Sets where handled entries are remembered: in this instance's memory, or in
			 * a database table shared by every instance (needs a DataSource).
			 * @param store where handled entries are remembered: in this instance's
			 * memory, or in a database table shared by every instance (needs a
			 * DataSource)
			 */
			public void setStore(Store store) {
				this.store = store;
			}

			/**
			 * {@return how long a handled entry is remembered, counted from the webhook's
			 * time_ms; at least max-age (the default), past which Pusher's retries are
			 * refused anyway}
			 */
			public @Nullable Duration getWindow() {
				return this.window;
			}

			/**
			 * Sets how long a handled entry is remembered, counted from the webhook's
			 * time_ms; at least max-age (the default), past which Pusher's retries are
			 * refused anyway.
			 * @param window how long a handled entry is remembered, counted from the
			 * webhook's time_ms; at least max-age (the default), past which Pusher's
			 * retries are refused anyway
			 */
			public void setWindow(@Nullable Duration window) {
				this.window = window;
			}

			/**
			 * Where handled webhook entries are remembered.
			 */
			public enum Store {

				/**
				 * In this instance's memory: right for one instance.
				 */
				MEMORY,

				/**
				 * In the table pusher_webhook_event of the application's DataSource,
				 * shared by every instance on the same database.
				 */
				JDBC

			}

		}

	}

	/**
	 * Declarative broadcasting with @PusherEvent and PusherBroadcast.
	 */
	public static class Events {

		/**
		 * Whether @PusherEvent methods and PusherBroadcast application events are
		 * broadcast.
		 */
		private boolean enabled = true;

		/**
		 * Request header that carries the caller's socket id, left out of toOthers
		 * broadcasts.
		 */
		private String socketIdHeader = "X-Socket-ID";

		/**
		 * Whether a failure to publish fails the annotated method (outside after-commit
		 * publishing).
		 */
		private boolean failOnError;

		/**
		 * {@return whether @PusherEvent methods and PusherBroadcast application events
		 * are broadcast}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether @PusherEvent methods and PusherBroadcast application events are
		 * broadcast.
		 * @param enabled whether @PusherEvent methods and PusherBroadcast application
		 * events are broadcast
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the request header that carries the caller's socket id, left out of
		 * toOthers broadcasts}
		 */
		public String getSocketIdHeader() {
			return this.socketIdHeader;
		}

		/**
		 * Sets the request header that carries the caller's socket id, left out of
		 * toOthers broadcasts.
		 * @param socketIdHeader the request header that carries the caller's socket id,
		 * left out of toOthers broadcasts
		 */
		public void setSocketIdHeader(String socketIdHeader) {
			this.socketIdHeader = socketIdHeader;
		}

		/**
		 * {@return whether a failure to publish fails the annotated method (outside
		 * after-commit publishing)}
		 */
		public boolean isFailOnError() {
			return this.failOnError;
		}

		/**
		 * Sets whether a failure to publish fails the annotated method (outside
		 * after-commit publishing).
		 * @param failOnError whether a failure to publish fails the annotated method
		 * (outside after-commit publishing)
		 */
		public void setFailOnError(boolean failOnError) {
			this.failOnError = failOnError;
		}

	}

	/**
	 * Micrometer observations of template calls, authorization decisions and webhooks.
	 */
	public static class Observations {

		/**
		 * Whether to observe template calls, authorization decisions and webhook
		 * deliveries when an ObservationRegistry is present.
		 */
		private boolean enabled = true;

		/**
		 * {@return whether to observe template calls, authorization decisions and webhook
		 * deliveries when an ObservationRegistry is present}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether to observe template calls, authorization decisions and webhook
		 * deliveries when an ObservationRegistry is present.
		 * @param enabled whether to observe template calls, authorization decisions and
		 * webhook deliveries when an ObservationRegistry is present
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
