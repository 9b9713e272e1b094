package io.pusherspring.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherLimits;

/**
 * A channel-name pattern such as {@code private-class-{classId}}: literal channel-name
 * characters and {@code {name}} variables, each matching one or more channel-name
 * characters. Its specificity is its number of literal characters.
 */
final class ChannelPattern {

	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** Stands for a variable in {@link #items}. */
	private static final char VARIABLE = '\0';

	private final String source;

	/** Literal characters, and {@link #VARIABLE} for each variable. */
	private final char[] items;

	private final List<String> variableNames;

	private final Pattern regex;

	private final String literalPrefix;

	private final int specificity;

	private ChannelPattern(String source, char[] items, List<String> variableNames, Pattern regex) {
		this.source = source;
		this.items = items;
		this.variableNames = variableNames;
		this.regex = regex;
		int prefixLength = 0;
		while (prefixLength < items.length && items[prefixLength] != VARIABLE) {
			prefixLength++;
		}
		this.literalPrefix = new String(items, 0, prefixLength);
		this.specificity = items.length - variableNames.size();
	}

	/**
	 * Parse a pattern.
	 * @param pattern the pattern
	 * @return the parsed pattern
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	static ChannelPattern parse(String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			throw new IllegalArgumentException("Channel pattern must not be empty");
		}
		StringBuilder items = new StringBuilder();
		StringBuilder regex = new StringBuilder();
		List<String> names = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '{') {
				int end = pattern.indexOf('}', i);
				if (end < 0) {
					throw invalid(pattern, "'{' at index " + i + " is not closed");
				}
				String name = pattern.substring(i + 1, end);
				if (!VARIABLE_NAME.matcher(name).matches()) {
					throw invalid(pattern, "'{" + name + "}' is not a variable; names are Java identifiers");
				}
				if (names.contains(name)) {
					throw invalid(pattern, "variable '" + name + "' appears twice");
				}
				if (items.length() > 0 && items.charAt(items.length() - 1) == VARIABLE) {
					throw invalid(pattern, "variables must be separated by a literal character");
				}
				appendLiteral(regex, literal);
				regex.append("(.+)");
				items.append(VARIABLE);
				names.add(name);
				i = end + 1;
			}
			else {
				if (c == '}') {
					throw invalid(pattern, "'}' at index " + i + " closes no variable");
				}
				if (!ChannelNames.isAllowed(c)) {
					throw invalid(pattern, "character '" + c + "' at index " + i
							+ " is not allowed in channel names (A-Z a-z 0-9 _ - = @ , . ;)");
				}
				literal.append(c);
				items.append(c);
				i++;
			}
		}
		appendLiteral(regex, literal);
		if (items.length() > PusherLimits.MAX_CHANNEL_NAME_LENGTH) {
			throw invalid(pattern,
					"it matches only names longer than " + PusherLimits.MAX_CHANNEL_NAME_LENGTH + " characters");
		}
		return new ChannelPattern(pattern, items.toString().toCharArray(), List.copyOf(names),
				Pattern.compile(regex.toString(), Pattern.DOTALL));
	}

	private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
			literal.setLength(0);
		}
	}

	private static IllegalArgumentException invalid(String pattern, String why) {
		return new IllegalArgumentException("Channel pattern '" + pattern + "' is invalid: " + why);
	}

	String source() {
		return this.source;
	}

	List<String> variableNames() {
		return this.variableNames;
	}

	int specificity() {
		return this.specificity;
	}

	/**
	 * Match a valid channel name.
	 * @param channel the channel name
	 * @return the variables' values by name, or {@code null} if it does not match
	 */
	@Nullable Map<String, String> match(String channel) {
		if (!channel.startsWith(this.literalPrefix) || channel.length() < this.items.length) {
			return null;
		}
		Matcher matcher = this.regex.matcher(channel);
		if (!matcher.matches()) {
			return null;
		}
		if (this.variableNames.isEmpty()) {
			return Map.of();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < this.variableNames.size(); i++) {
			variables.put(this.variableNames.get(i), matcher.group(i + 1));
		}
		return variables;
	}

	/**
	 * A channel name both patterns match, if there is one: a breadth-first search of the
	 * pair of their automata, so the example is a shortest one.
	 * @param other the other pattern
	 * @return a channel name both match, or {@code null} if none exists
	 */
	@Nullable String commonMatch(ChannelPattern other) {
		List<Character> alphabet = alphabet(other);
		int width = other.stateCount();
		Map<Integer, int[]> parents = new HashMap<>();
		Deque<Integer> queue = new ArrayDeque<>();
		BitSet seen = new BitSet();
		for (int a : closure(0)) {
			for (int b : other.closure(0)) {
				int pair = a * width + b;
				if (!seen.get(pair)) {
					seen.set(pair);
					queue.add(pair);
				}
			}
		}
		while (!queue.isEmpty()) {
			int pair = queue.poll();
			int a = pair / width;
			int b = pair % width;
			if (isAccepting(a) && other.isAccepting(b)) {
				return example(pair, parents);
			}
			for (char c : alphabet) {
				for (int nextA : step(a, c)) {
					for (int nextB : other.step(b, c)) {
						int next = nextA * width + nextB;
						if (!seen.get(next)) {
							seen.set(next);
							parents.put(next, new int[] { pair, c });
							queue.add(next);
						}
					}
				}
			}
		}
		return null;
	}

	private static String example(int pair, Map<Integer, int[]> parents) {
		StringBuilder example = new StringBuilder();
		int[] parent = parents.get(pair);
		while (parent != null) {
			example.append((char) parent[1]);
			parent = parents.get(parent[0]);
		}
		return example.reverse().toString();
	}

	/**
	 * The literal characters of both patterns and one character neither uses, which
	 * stands for all the others.
	 */
	private List<Character> alphabet(ChannelPattern other) {
		Set<Character> literals = new LinkedHashSet<>();
		for (char[] items : new char[][] { this.items, other.items }) {
			for (char c : items) {
				if (c != VARIABLE) {
					literals.add(c);
				}
			}
		}
		List<Character> alphabet = new ArrayList<>();
		for (char c = '0'; c <= 'z'; c++) {
			if (ChannelNames.isAllowed(c) && !literals.contains(c)) {
				alphabet.add(c);
				break;
			}
		}
		alphabet.addAll(literals);
		return alphabet;
	}

	// States: 2 * i is "before item i", 2 * i + 1 "inside variable i, one or more
	// characters read"; 2 * items.length accepts.

	private int stateCount() {
		return 2 * this.items.length + 2;
	}

	private boolean isAccepting(int state) {
		return state == 2 * this.items.length;
	}

	private int[] closure(int state) {
		return ((state & 1) == 1) ? new int[] { state, state + 1 } : new int[] { state };
	}

	private int[] step(int state, char c) {
		int item = state / 2;
		if ((state & 1) == 1) {
			return closure(state);
		}
		if (item >= this.items.length) {
			return new int[0];
		}
		if (this.items[item] == VARIABLE) {
			return closure(state + 1);
		}
		return (this.items[item] == c) ? new int[] { state + 2 } : new int[0];
	}

	@Override
	public String toString() {
		return this.source;
	}

}
