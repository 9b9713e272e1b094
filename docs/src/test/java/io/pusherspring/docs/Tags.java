package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The regions that AsciiDoc's {@code include::file[tag=name]} takes from a file, read as
 * Asciidoctor reads them: the lines between {@code tag::name[]} and {@code end::name[]},
 * without any tag line, with their common indentation removed.
 */
final class Tags {

	private static final Pattern TAG = Pattern.compile("\\b(tag|end)::([\\w-]+)\\[\\]");

	private Tags() {
	}

	/**
	 * Every tagged region of every file under a directory, and every whole file without
	 * its tag lines, each as one string of lines joined by {@code \n}, without a final
	 * line break.
	 * @param directory the directory
	 * @return the regions and files
	 * @throws IOException if a file cannot be read
	 */
	static List<String> regions(Path directory) throws IOException {
		List<String> regions = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((file) -> !file.toString().contains("/target/"))
				.toList()) {
				List<String> lines = Files.readAllLines(file);
				regions.add(String.join("\n", withoutTagLines(lines)).stripTrailing());
				tagged(lines).values().forEach((region) -> regions.add(String.join("\n", region)));
			}
		}
		return regions;
	}

	/**
	 * The tagged regions of a file's lines.
	 * @param lines the lines
	 * @return each tag's lines, dedented, by tag name
	 */
	static Map<String, List<String>> tagged(List<String> lines) {
		Map<String, List<String>> regions = new LinkedHashMap<>();
		Map<String, Boolean> open = new LinkedHashMap<>();
		for (String line : lines) {
			Matcher tag = TAG.matcher(line);
			if (tag.find()) {
				open.put(tag.group(2), tag.group(1).equals("tag"));
				regions.computeIfAbsent(tag.group(2), (name) -> new ArrayList<>());
				continue;
			}
			open.forEach((name, isOpen) -> {
				if (isOpen) {
					regions.get(name).add(line);
				}
			});
		}
		regions.replaceAll((name, region) -> dedent(region));
		return regions;
	}

	private static List<String> withoutTagLines(List<String> lines) {
		return lines.stream().filter((line) -> !TAG.matcher(line).find()).toList();
	}

	private static List<String> dedent(List<String> lines) {
		int common = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(common)).toList();
	}

}
