package io.pusherspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The code blocks of a Markdown document and the built source files they are copies of.
 * <p>
 * A block is marked by an HTML comment on the line directly before its opening fence:
 * {@code <!-- snippet: path -->} stands for the whole file at {@code path} (relative to
 * the repository root) without its {@code package} line and the blank lines after it;
 * {@code <!-- snippet: path#name -->} stands for the lines between the lines containing
 * {@code tag::name[]} and {@code end::name[]}, without any tag line, with their common
 * leading indentation removed. Blocks in the languages of {@link #MARKER_REQUIRED} must
 * be marked; shell commands, sample output ({@code text}) and other blocks may be.
 */
final class ReadmeSnippets {

	/** Languages whose blocks must be copies of built files. */
	static final Set<String> MARKER_REQUIRED = Set.of("java", "xml", "properties", "yaml", "yml");

	private static final Pattern MARKER = Pattern
		.compile("^\\s*<!--\\s*snippet:\\s*([^\\s#]+)(?:#(\\S+))?\\s*-->\\s*$");

	private static final Pattern LOOSE_MARKER = Pattern.compile("<!--\\s*snippet\\b");

	private static final Pattern OPENING_FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*).*$");

	private static final Pattern PACKAGE = Pattern.compile("^package\\s+[\\w.]+\\s*;?\\s*$");

	private static final Pattern ANY_TAG = Pattern.compile("(tag|end)::[^\\[\\s]+\\[\\]");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern SECTION_LINK = Pattern.compile("\\]\\(#([^)\\s]+)\\)");

	private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\- _]");

	private final String name;

	private final List<Block> blocks;

	private final List<StrayMarker> strayMarkers;

	private final Set<String> anchors;

	private final List<SectionLink> sectionLinks;

	private ReadmeSnippets(String name, List<Block> blocks, List<StrayMarker> strayMarkers, Set<String> anchors,
			List<SectionLink> sectionLinks) {
		this.name = name;
		this.blocks = blocks;
		this.strayMarkers = strayMarkers;
		this.anchors = anchors;
		this.sectionLinks = sectionLinks;
	}

	/**
	 * Read a Markdown file.
	 * @param markdown the file
	 * @return its code blocks and markers
	 */
	static ReadmeSnippets read(Path markdown) {
		return parse(markdown.getFileName().toString(), readLines(markdown));
	}

	/**
	 * Parse Markdown text.
	 * @param name the name used in messages, such as {@code README.md}
	 * @param lines the lines of the text
	 * @return its code blocks and markers
	 */
	static ReadmeSnippets parse(String name, List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		List<StrayMarker> strayMarkers = new ArrayList<>();
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> headingCounts = new HashMap<>();
		List<SectionLink> sectionLinks = new ArrayList<>();
		Marker pending = null;
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			Matcher fence = OPENING_FENCE.matcher(line);
			if (fence.matches()) {
				int close = closingFence(lines, i, fence.group(2));
				String indent = fence.group(1);
				List<String> content = new ArrayList<>();
				for (String contentLine : lines.subList(i + 1, close)) {
					content.add(removeIndent(contentLine, indent.length()));
				}
				Marker marker = (pending != null && pending.line() == i) ? pending : null;
				blocks.add(new Block(i + 1, fence.group(3).toLowerCase(Locale.ROOT), marker, content));
				pending = null;
				i = close + 1;
				continue;
			}
			if (pending != null) {
				strayMarkers.add(new StrayMarker(pending.line(), lines.get(pending.line() - 1).trim()));
				pending = null;
			}
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String anchor = anchor(heading.group(1));
				int seen = headingCounts.merge(anchor, 1, Integer::sum) - 1;
				anchors.add((seen > 0) ? anchor + "-" + seen : anchor);
			}
			Matcher link = SECTION_LINK.matcher(line);
			while (link.find()) {
				sectionLinks.add(new SectionLink(i + 1, link.group(1)));
			}
			Matcher marker = MARKER.matcher(line);
			if (marker.matches()) {
				pending = new Marker(i + 1, marker.group(1), marker.group(2));
			}
			else if (LOOSE_MARKER.matcher(line).find()) {
				strayMarkers.add(new StrayMarker(i + 1, line.trim()));
			}
			i++;
		}
		if (pending != null) {
			strayMarkers.add(new StrayMarker(pending.line(), lines.get(pending.line() - 1).trim()));
		}
		return new ReadmeSnippets(name, List.copyOf(blocks), List.copyOf(strayMarkers), Set.copyOf(anchors),
				List.copyOf(sectionLinks));
	}

	List<Block> blocks() {
		return this.blocks;
	}

	List<StrayMarker> strayMarkers() {
		return this.strayMarkers;
	}

	/**
	 * The anchors of the document's headings, as GitHub makes them: lower case, without
	 * punctuation, spaces as hyphens, and {@code -1}, {@code -2}, ... after repeats.
	 * @return the anchors
	 */
	Set<String> anchors() {
		return this.anchors;
	}

	/**
	 * The links to a section of the document itself, such as {@code [Testing](#testing)},
	 * outside code blocks.
	 * @return the links
	 */
	List<SectionLink> sectionLinks() {
		return this.sectionLinks;
	}

	private static String anchor(String heading) {
		return NOT_IN_ANCHOR.matcher(heading.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
	}

	/**
	 * A short name for a block: where it is, its language and its marker.
	 * @param block the block
	 * @return the name
	 */
	String describe(Block block) {
		String where = this.name + ":" + block.line() + " ```" + block.language();
		return (block.marker() != null) ? where + " <- " + block.marker().reference() : where;
	}

	/**
	 * What is wrong with a block, if anything.
	 * @param block the block
	 * @param root the directory marker paths are relative to
	 * @return the problem, or {@code null} if the block is a copy of its source or needs
	 * none
	 */
	@Nullable String problem(Block block, Path root) {
		Marker marker = block.marker();
		if (marker == null) {
			if (MARKER_REQUIRED.contains(block.language())) {
				return this.name + ":" + block.line() + ": this ```" + block.language()
						+ " block has no <!-- snippet: path --> or <!-- snippet: path#tag --> marker on the line "
						+ "before it. Put its code in a file that the build compiles (and runs), and mark the block "
						+ "as a copy of that file.";
			}
			return null;
		}
		List<String> expected;
		try {
			expected = source(root, marker);
		}
		catch (SnippetException ex) {
			return this.name + ":" + marker.line() + ": <!-- snippet: " + marker.reference() + " --> "
					+ ex.getMessage();
		}
		List<String> actual = block.content();
		int length = Math.max(expected.size(), actual.size());
		for (int i = 0; i < length; i++) {
			String expectedLine = (i < expected.size()) ? expected.get(i) : null;
			String actualLine = (i < actual.size()) ? actual.get(i) : null;
			if (expectedLine == null || !expectedLine.equals(actualLine)) {
				return this.name + ":" + block.line() + ": the ```" + block.language() + " block differs from "
						+ marker.reference() + " at " + this.name + ":" + (block.line() + 1 + i) + "\n  README: "
						+ show(actualLine) + "\n  source: " + show(expectedLine)
						+ "\nThe block must read (without the fences):\n" + String.join("\n", expected);
			}
		}
		return null;
	}

	/**
	 * The text a marker stands for.
	 * @param root the directory marker paths are relative to
	 * @param marker the marker
	 * @return the lines
	 * @throws SnippetException if the file or the tag does not exist
	 */
	static List<String> source(Path root, Marker marker) {
		Path normalizedRoot = root.toAbsolutePath().normalize();
		Path file = normalizedRoot.resolve(marker.path()).normalize();
		if (!file.startsWith(normalizedRoot) || !Files.isRegularFile(file)) {
			throw new SnippetException("points to " + marker.path() + ", which is not a file of the repository");
		}
		List<String> lines = readLines(file);
		return (marker.tag() != null) ? tagged(lines, marker.tag(), marker.path()) : withoutPackage(lines);
	}

	private static List<String> withoutPackage(List<String> lines) {
		List<String> result = new ArrayList<>(lines);
		for (int i = 0; i < result.size(); i++) {
			if (PACKAGE.matcher(result.get(i)).matches()) {
				int end = i + 1;
				while (end < result.size() && result.get(end).isBlank()) {
					end++;
				}
				result.subList(i, end).clear();
				break;
			}
		}
		while (!result.isEmpty() && result.get(result.size() - 1).isBlank()) {
			result.remove(result.size() - 1);
		}
		return result;
	}

	private static List<String> tagged(List<String> lines, String tag, String path) {
		String start = "tag::" + tag + "[]";
		String end = "end::" + tag + "[]";
		List<String> region = new ArrayList<>();
		int openedAt = -1;
		boolean found = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.contains(start)) {
				openedAt = i;
				found = true;
			}
			else if (line.contains(end)) {
				if (openedAt < 0) {
					throw new SnippetException("points to " + path + ", whose line " + (i + 1) + " has " + end
							+ " without a " + start + " before it");
				}
				openedAt = -1;
			}
			else if (openedAt >= 0 && !ANY_TAG.matcher(line).find()) {
				region.add(line);
			}
		}
		if (!found) {
			throw new SnippetException("points to tag '" + tag + "', but " + path + " has no line with " + start);
		}
		if (openedAt >= 0) {
			throw new SnippetException("points to " + path + ", whose " + start + " on line " + (openedAt + 1)
					+ " is never closed by " + end);
		}
		if (region.stream().allMatch(String::isBlank)) {
			throw new SnippetException("points to tag '" + tag + "' of " + path + ", which holds no code");
		}
		return dedent(region);
	}

	private static List<String> dedent(List<String> lines) {
		String common = null;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			String indent = line.substring(0, line.length() - line.stripLeading().length());
			common = (common == null) ? indent : commonPrefix(common, indent);
		}
		int cut = (common != null) ? common.length() : 0;
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(cut)).toList();
	}

	private static String commonPrefix(String a, String b) {
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		return a.substring(0, i);
	}

	private static int closingFence(List<String> lines, int opening, String fence) {
		Pattern closing = Pattern
			.compile("^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}\\s*$");
		for (int i = opening + 1; i < lines.size(); i++) {
			if (closing.matcher(lines.get(i)).matches()) {
				return i;
			}
		}
		return lines.size();
	}

	private static String removeIndent(String line, int indent) {
		int i = 0;
		while (i < indent && i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		return line.substring(i);
	}

	private static String show(@Nullable String line) {
		return (line != null) ? "`" + line + "`" : "(nothing: the block ends here)";
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file).stream().map((line) -> line.replace("\r", "")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fenced code block.
	 *
	 * @param line the line of its opening fence (1-based)
	 * @param language the first word of its info string, lower case, or empty
	 * @param marker the snippet marker on the line before it, if any
	 * @param content its lines, without the fences
	 */
	record Block(int line, String language, @Nullable Marker marker, List<String> content) {

	}

	/**
	 * A {@code <!-- snippet: path#tag -->} comment.
	 *
	 * @param line its line (1-based)
	 * @param path the file, relative to the repository root
	 * @param tag the tag, or {@code null} for the whole file
	 */
	record Marker(int line, String path, @Nullable String tag) {

		String reference() {
			return (this.tag != null) ? this.path + "#" + this.tag : this.path;
		}

	}

	/**
	 * A snippet marker that is not on the line directly before a code block, or is
	 * malformed.
	 *
	 * @param line its line (1-based)
	 * @param text the line's text
	 */
	record StrayMarker(int line, String text) {

	}

	/**
	 * A link to a section of the same document.
	 *
	 * @param line its line (1-based)
	 * @param anchor the anchor it points to, without {@code #}
	 */
	record SectionLink(int line, String anchor) {

	}

	/**
	 * A marker that points to a missing file or tag.
	 */
	static class SnippetException extends RuntimeException {

		SnippetException(String message) {
			super(message);
		}

	}

}
