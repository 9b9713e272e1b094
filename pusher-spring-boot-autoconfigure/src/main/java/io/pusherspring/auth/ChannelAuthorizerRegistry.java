package io.pusherspring.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.ChannelNames;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;

/**
 * The application's channel authorizers: every {@link ChannelAuthorizer} bean and every
 * {@link PusherChannel @PusherChannel} method, indexed by pattern. Built once all
 * singletons exist; start-up fails if a pattern is invalid, matches only public channels,
 * or could match a channel that another pattern of the same specificity matches.
 */
public final class ChannelAuthorizerRegistry implements SmartInitializingSingleton {

	private static final ChannelPattern ENCRYPTED = ChannelPattern.parse(ChannelNames.ENCRYPTED_PREFIX + "{name}");

	private static final List<ChannelPattern> NEEDING_AUTHORIZATION = List.of(
			ChannelPattern.parse(ChannelNames.PRIVATE_PREFIX + "{name}"),
			ChannelPattern.parse(ChannelNames.PRESENCE_PREFIX + "{name}"));

	private final @Nullable ListableBeanFactory beanFactory;

	private final @Nullable ConversionService conversionService;

	private volatile @Nullable List<Entry> entries;

	/**
	 * Create a registry of the authorizers of a bean factory, collected when its
	 * singletons have been created.
	 * @param beanFactory the bean factory
	 * @param conversionService converts {@link ChannelVariable @ChannelVariable} values
	 */
	public ChannelAuthorizerRegistry(ListableBeanFactory beanFactory, ConversionService conversionService) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(conversionService, "'conversionService' must not be null");
		this.beanFactory = beanFactory;
		this.conversionService = conversionService;
	}

	private ChannelAuthorizerRegistry(List<Entry> entries) {
		this.beanFactory = null;
		this.conversionService = null;
		this.entries = index(entries);
	}

	/**
	 * A registry of the given authorizers.
	 * @param authorizers the authorizers
	 * @return the registry
	 * @throws IllegalArgumentException if a pattern is invalid or two conflict
	 */
	public static ChannelAuthorizerRegistry of(Collection<? extends ChannelAuthorizer> authorizers) {
		List<Entry> entries = new ArrayList<>();
		for (ChannelAuthorizer authorizer : authorizers) {
			entries.add(Entry.of(authorizer, authorizer.toString()));
		}
		return new ChannelAuthorizerRegistry(entries);
	}

	/**
	 * Collect the authorizers of the bean factory, so that a mistake fails start-up.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		entries();
	}

	private List<Entry> entries() {
		List<Entry> entries = this.entries;
		if (entries == null) {
			synchronized (this) {
				entries = this.entries;
				if (entries == null) {
					entries = collect();
					this.entries = entries;
				}
			}
		}
		return entries;
	}

	private List<Entry> collect() {
		Assert.state(this.beanFactory != null && this.conversionService != null, "Not created from a bean factory");
		List<Entry> entries = new ArrayList<>();
		for (Map.Entry<String, ChannelAuthorizer> bean : this.beanFactory.getBeansOfType(ChannelAuthorizer.class)
			.entrySet()) {
			entries.add(Entry.of(bean.getValue(), "bean '" + bean.getKey() + "'"));
		}
		for (MethodChannelAuthorizer method : MethodChannelAuthorizer.detect(this.beanFactory,
				this.conversionService)) {
			entries.add(Entry.of(method, method.description()));
		}
		return index(entries);
	}

	/**
	 * The patterns of the registered authorizers, most specific first.
	 * @return the patterns
	 */
	public List<String> patterns() {
		return entries().stream().map((entry) -> entry.pattern().source()).toList();
	}

	/**
	 * Descriptions of the authorizers that could grant {@code private-encrypted-}
	 * channels, which need an encryption master key.
	 * @return descriptions naming each authorizer and its pattern
	 */
	public List<String> encryptedChannelAuthorizers() {
		return entries().stream()
			.filter((entry) -> entry.pattern().commonMatch(ENCRYPTED) != null)
			.map(Entry::toString)
			.toList();
	}

	/**
	 * The authorizer for a channel: the most specific one whose pattern matches.
	 * @param channel a valid channel name
	 * @return the match, or {@code null} if no pattern matches
	 */
	@Nullable Match find(String channel) {
		for (Entry entry : entries()) {
			Map<String, String> variables = entry.pattern().match(channel);
			if (variables != null) {
				return new Match(entry, variables);
			}
		}
		return null;
	}

	private static List<Entry> index(List<Entry> entries) {
		for (Entry entry : entries) {
			if (NEEDING_AUTHORIZATION.stream().allMatch((prefix) -> entry.pattern().commonMatch(prefix) == null)) {
				throw new IllegalStateException("Channel authorizer " + entry + " matches only public channels, "
						+ "which need no authorization; authorized channels start with 'private-' or 'presence-'");
			}
		}
		for (int i = 0; i < entries.size(); i++) {
			for (int j = i + 1; j < entries.size(); j++) {
				checkConflict(entries.get(i), entries.get(j));
			}
		}
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingInt((Entry entry) -> entry.pattern().specificity()).reversed());
		return List.copyOf(sorted);
	}

	private static void checkConflict(Entry first, Entry second) {
		if (first.pattern().specificity() != second.pattern().specificity()) {
			return;
		}
		String example = first.pattern().commonMatch(second.pattern());
		if (example != null) {
			throw new IllegalStateException("Channel authorizers " + first + " and " + second
					+ " both match channels such as '" + example + "' with the same specificity ("
					+ first.pattern().specificity() + " literal characters), so neither takes precedence; "
					+ "make one pattern more specific or merge the two");
		}
	}

	/**
	 * A registered authorizer.
	 *
	 * @param authorizer the authorizer
	 * @param pattern its parsed pattern
	 * @param description what it is, for messages: a bean name or a method
	 */
	record Entry(ChannelAuthorizer authorizer, ChannelPattern pattern, String description) {

		static Entry of(ChannelAuthorizer authorizer, String description) {
			ChannelPattern pattern;
			try {
				pattern = ChannelPattern.parse(authorizer.pattern());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Channel authorizer " + description + ": " + ex.getMessage(), ex);
			}
			return new Entry(authorizer, pattern, description);
		}

		@Override
		public String toString() {
			return this.description + " (pattern '" + this.pattern.source() + "')";
		}

	}

	/**
	 * The authorizer that decides a channel, and what its pattern captured.
	 *
	 * @param entry the authorizer
	 * @param variables the variables' values by name
	 */
	record Match(Entry entry, Map<String, String> variables) {

	}

}
