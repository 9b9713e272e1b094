package io.pusherspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AsciiDoc pages of the guide, read as the tests need them: their includes, their
 * cross references and their source blocks.
 */
final class GuideSources {

	/**
	 * The attribute every page defines for the repository's root, relative to the page.
	 */
	static final String PROJECT_ROOT = "{project-root}/";

	private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[(.*)\\]\\s*$");

	private static final Pattern XREF = Pattern.compile("xref:([^\\[#\\s]*)(?:#([^\\[\\s]*))?\\[");

	private static final Pattern SOURCE_BLOCK = Pattern.compile("^\\[source,([\\w-]+)[^\\]]*\\]\\s*$");

	private GuideSources() {
	}

	/**
	 * The pages: the {@code .adoc} files of the guide's source directory.
	 * @return the pages, sorted by name
	 */
	static List<Path> pages() {
		try (Stream<Path> files = Files.list(Repository.GUIDE_SOURCES)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".adoc")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> lines(Path page) {
		try {
			return Files.readAllLines(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The include directives of a page.
	 * @param page the page
	 * @return its includes, in order
	 */
	static List<Include> includes(Path page) {
		List<Include> includes = new ArrayList<>();
		List<String> lines = lines(page);
		for (int i = 0; i < lines.size(); i++) {
			Matcher include = INCLUDE.matcher(lines.get(i));
			if (include.matches()) {
				includes.add(new Include(page, i + 1, include.group(1), include.group(2)));
			}
		}
		return includes;
	}

	/**
	 * The cross references of a page ({@code xref:page.adoc#anchor[text]}).
	 * @param page the page
	 * @return its cross references, in order
	 */
	static List<Xref> xrefs(Path page) {
		List<Xref> xrefs = new ArrayList<>();
		List<String> lines = lines(page);
		for (int i = 0; i < lines.size(); i++) {
			Matcher xref = XREF.matcher(lines.get(i));
			while (xref.find()) {
				xrefs.add(new Xref(page, i + 1, xref.group(1), xref.group(2)));
			}
		}
		return xrefs;
	}

	/**
	 * The source blocks of a page: a {@code [source,language]} line, then a block
	 * delimited by {@code ----}.
	 * @param page the page
	 * @return its source blocks, in order
	 */
	static List<SourceBlock> sourceBlocks(Path page) {
		List<SourceBlock> blocks = new ArrayList<>();
		List<String> lines = lines(page);
		for (int i = 0; i < lines.size(); i++) {
			Matcher source = SOURCE_BLOCK.matcher(lines.get(i));
			if (source.matches() && i + 1 < lines.size() && lines.get(i + 1).equals("----")) {
				int end = i + 2;
				while (end < lines.size() && !lines.get(end).equals("----")) {
					end++;
				}
				blocks.add(new SourceBlock(page, i + 1, source.group(1).toLowerCase(Locale.ROOT),
						List.copyOf(lines.subList(i + 2, Math.min(end, lines.size())))));
				i = end;
			}
		}
		return blocks;
	}

	/**
	 * An include directive.
	 *
	 * @param page the page it is on
	 * @param line its line (1-based)
	 * @param target what it includes
	 * @param attributes its attributes, such as {@code tag=name}
	 */
	record Include(Path page, int line, String target, String attributes) {

		/**
		 * The included file, relative to the repository's root, if the target starts with
		 * {@code {project-root}/}.
		 * @return the path, or {@code null}
		 */
		String repositoryPath() {
			return this.target.startsWith(PROJECT_ROOT) ? this.target.substring(PROJECT_ROOT.length()) : null;
		}

		String where() {
			return Repository.ROOT.relativize(this.page) + ":" + this.line;
		}

	}

	/**
	 * A cross reference.
	 *
	 * @param page the page it is on
	 * @param line its line (1-based)
	 * @param target the page it points to, empty for the same document
	 * @param anchor the anchor, or {@code null}
	 */
	record Xref(Path page, int line, String target, String anchor) {

		String where() {
			return Repository.ROOT.relativize(this.page) + ":" + this.line;
		}

	}

	/**
	 * A source block.
	 *
	 * @param page the page it is on
	 * @param line the line of its {@code [source,...]} attribute line (1-based)
	 * @param language its language
	 * @param content the lines between its delimiters
	 */
	record SourceBlock(Path page, int line, String language, List<String> content) {

		String where() {
			return Repository.ROOT.relativize(this.page) + ":" + this.line;
		}

	}

}
