package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The repository's {@code README.md} stays short, its links find their files, its
 * {@code apt-get install} commands name every package that CI installs, and its code
 * blocks are copies of the quick start project's files (or of their tagged regions),
 * which the build compiles and tests.
 */
class ReadmeTests {

	private static final Path README = Repository.ROOT.resolve("README.md");

	private static final Path QUICK_START = Repository.ROOT.resolve("docs/src/it/quickstart");

	private static final Set<String> CODE = Set.of("java", "xml", "properties", "yaml");

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Path CI = Repository.ROOT.resolve(".ci/run");

	private static final Pattern CI_PACKAGE = Pattern.compile("packages\\+=\\(([\\w.+-]+)\\)");

	private static final Pattern APT_GET_INSTALL = Pattern.compile("`apt-get install ([^`]+)`");

	private final List<String> lines = readLines(README);

	@Test
	void hasAtMost200Lines() {
		assertThat(this.lines).hasSizeLessThanOrEqualTo(200);
	}

	@Test
	void namesInItsAptGetCommandsEveryPackageThatCiInstalls() {
		List<String> ciPackages = CI_PACKAGE.matcher(String.join("\n", readLines(CI)))
			.results()
			.map((result) -> result.group(1))
			.toList();
		List<String> readmePackages = APT_GET_INSTALL.matcher(String.join("\n", this.lines))
			.results()
			.flatMap((result) -> Stream.of(result.group(1).trim().split("\\s+")))
			.toList();
		assertThat(ciPackages).as("the Debian packages that .ci/run installs").isNotEmpty();
		assertThat(readmePackages)
			.as("the packages of README.md's apt-get install commands: a newcomer installs what the tests need")
			.containsAll(ciPackages);
	}

	@TestFactory
	Stream<DynamicTest> everyRelativeLinkFindsItsFile() {
		List<DynamicTest> tests = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Matcher link = LINK.matcher(this.lines.get(i));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
					continue;
				}
				String where = "README.md:" + (i + 1) + " " + target;
				tests.add(dynamicTest(where,
						() -> assertThat(Repository.ROOT.resolve(target.replaceAll("#.*", ""))).as(where).exists()));
			}
		}
		assertThat(tests).as("relative links of README.md").isNotEmpty();
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> everyCodeBlockIsACopyOfAQuickStartFileOrOfATaggedRegionOfOne() throws IOException {
		List<String> regions = Tags.regions(QUICK_START);
		List<DynamicTest> tests = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Matcher fence = FENCE.matcher(this.lines.get(i));
			if (!fence.matches() || fence.group(1).isEmpty()) {
				continue;
			}
			int end = i + 1;
			while (end < this.lines.size() && !this.lines.get(end).equals("```")) {
				end++;
			}
			String language = fence.group(1);
			String block = String.join("\n", this.lines.subList(i + 1, end));
			int line = i + 1;
			if (CODE.contains(language)) {
				tests.add(dynamicTest("README.md:" + line + " " + language, () -> {
					if (!regions.contains(block)) {
						fail("README.md:" + line + ": this " + language + " block is neither a file of "
								+ "docs/src/it/quickstart nor a region between // tag::name[] and // end::name[] in "
								+ "one: copy it from there, so that the build compiles and tests what README.md shows");
					}
				}));
			}
			i = end;
		}
		assertThat(tests).as("code blocks of README.md").isNotEmpty();
		return tests.stream();
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
