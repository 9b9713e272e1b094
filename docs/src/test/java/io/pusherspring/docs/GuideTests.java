package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.pusherspring.docs.ConfigurationPropertiesTable.Property;
import io.pusherspring.docs.GuideSources.Include;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The reference guide's sources hold together, its code samples come from built and
 * tested files, and the guide that the build converted has no dead link. Asciidoctor
 * itself fails the build on a missing include or tag and on a cross reference to an
 * anchor that does not exist; these tests cover what it cannot see.
 */
class GuideTests {

	/**
	 * Where code samples may come from: sources that the build compiles and runs (the
	 * consumer projects, the integration tests, the sample and this module's tests).
	 */
	private static final List<String> TESTED_SOURCES = List.of("docs/src/it/", "docs/src/test/",
			"integration-tests/src/test/", "sample-app/src/");

	/** Blocks that show commands and their output, not code. */
	private static final Set<String> NOT_CODE = Set.of("shell", "text", "console");

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]+)\"");

	private static final Pattern MAINTAINER_TALK = Pattern.compile("(?i)\\bissue \\d+|shared 2-core|50 ms target");

	@Test
	void indexIncludesEveryOtherPageOnce() {
		Path index = Repository.GUIDE_SOURCES.resolve("index.adoc");
		List<String> included = GuideSources.includes(index).stream().map(Include::target).toList();
		List<String> pages = GuideSources.pages()
			.stream()
			.map((page) -> page.getFileName().toString())
			.filter((name) -> !name.equals("index.adoc"))
			.toList();
		assertThat(included).as("the pages index.adoc includes").containsExactlyInAnyOrderElementsOf(pages);
		assertThat(GuideSources.includes(index))
			.allSatisfy((include) -> assertThat(include.attributes()).as(include.target()).isEqualTo("leveloffset=+1"));
	}

	@TestFactory
	Stream<DynamicTest> everyPageStartsWithAnAnchorNamedAfterItsFileAndTheProjectRoot() {
		return pagesButIndex().map((page) -> dynamicTest(page.getFileName().toString(), () -> {
			String name = page.getFileName().toString().replace(".adoc", "");
			List<String> lines = GuideSources.lines(page);
			assertThat(lines).as(name).hasSizeGreaterThan(3);
			assertThat(lines.get(0)).as("the first line of " + name).isEqualTo("[[" + name + "]]");
			assertThat(lines.get(1)).as("the title of " + name).startsWith("= ");
			assertThat(lines.get(2)).as("the third line of " + name).isEqualTo(":project-root: ../../../..");
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyCrossReferenceNamesAPageAndAnAnchor() {
		Set<String> pages = new HashSet<>(
				GuideSources.pages().stream().map((page) -> page.getFileName().toString()).toList());
		return GuideSources.pages()
			.stream()
			.flatMap((page) -> GuideSources.xrefs(page).stream())
			.map((xref) -> dynamicTest(xref.where() + " " + xref.target() + "#" + xref.anchor(), () -> {
				if (!pages.contains(xref.target())) {
					fail(xref.where() + ": xref:" + xref.target() + " names no page of the guide; the pages are "
							+ pages.stream().sorted().toList());
				}
				if (xref.anchor() == null || xref.anchor().isEmpty()) {
					fail(xref.where() + ": xref:" + xref.target() + " has no #anchor: link to the page's own anchor, "
							+ "xref:" + xref.target() + "#" + xref.target().replace(".adoc", "")
							+ "[...], so that the build can check it");
				}
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyCodeSampleIsIncludedFromAFileThatIsBuiltAndTested() {
		return GuideSources.pages()
			.stream()
			.flatMap((page) -> GuideSources.sourceBlocks(page).stream())
			.filter((block) -> !NOT_CODE.contains(block.language()))
			.map((block) -> dynamicTest(block.where() + " " + block.language(), () -> {
				List<String> content = block.content().stream().filter((line) -> !line.isBlank()).toList();
				if (content.size() != 1 || !content.get(0).startsWith("include::")) {
					fail(block.where() + ": this " + block.language() + " block holds code of its own. Put the code "
							+ "in a file that the build compiles and tests, mark it with // tag::name[] and "
							+ "// end::name[], and include it: include::{project-root}/path[tag=name]");
				}
				Include include = GuideSources.includes(block.page())
					.stream()
					.filter((candidate) -> candidate.line() > block.line())
					.findFirst()
					.orElseThrow();
				String path = include.repositoryPath();
				assertThat(path).as(block.where() + ": the include's target starts with {project-root}/").isNotNull();
				assertThat(TESTED_SOURCES)
					.as(block.where() + ": " + path + " is not in a directory whose files the build compiles and tests")
					.anySatisfy((root) -> assertThat(path).startsWith(root));
			}));
	}

	@TestFactory
	Stream<DynamicTest> noPageSpeaksToMaintainers() {
		return GuideSources.pages().stream().map((page) -> dynamicTest(page.getFileName().toString(), () -> {
			List<String> lines = GuideSources.lines(page);
			for (int i = 0; i < lines.size(); i++) {
				Matcher talk = MAINTAINER_TALK.matcher(lines.get(i));
				if (talk.find()) {
					fail(page.getFileName() + ":" + (i + 1) + " speaks to maintainers ('" + talk.group()
							+ "'): the guide is for users");
				}
			}
		}));
	}

	@Test
	void everyLinkOfTheBuiltGuideFindsItsTarget() throws IOException {
		String html = builtGuide();
		Set<String> ids = new HashSet<>();
		ID.matcher(html).results().forEach((id) -> ids.add(id.group(1)));
		List<String> hrefs = HREF.matcher(html).results().map((href) -> href.group(1)).toList();
		assertThat(hrefs).filteredOn((href) -> href.startsWith("#"))
			.hasSizeGreaterThan(50)
			.allSatisfy((href) -> assertThat(ids).as("the ids of index.html").contains(href.substring(1)));
		assertThat(hrefs).filteredOn((href) -> !href.startsWith("#") && !href.matches("^[a-z]+:.*"))
			.allSatisfy((href) -> assertThat(Repository.GUIDE_HTML.resolveSibling(href))
				.as("the target of a link in index.html")
				.isRegularFile());
	}

	@Test
	void builtGuideListsEveryConfigurationProperty() throws IOException {
		String html = builtGuide();
		List<Property> properties = ConfigurationPropertiesTable.read(getClass().getClassLoader());
		assertThat(properties).extracting(Property::name).contains("pusher.app-id", "pusher.secret");
		assertThat(properties).allSatisfy((property) -> assertThat(html)
			.contains("id=\"property-" + property.name().replaceAll("[^a-z0-9]+", "-") + "\"")
			.contains(property.description().substring(0, Math.min(30, property.description().length()))));
	}

	@Test
	void builtGuideShowsTheSampleScreenshot() throws IOException {
		assertThat(builtGuide()).contains("src=\"images/classroom.png\"");
		assertThat(Repository.GUIDE_HTML.resolveSibling("images/classroom.png")).isRegularFile();
	}

	private static Stream<Path> pagesButIndex() {
		return GuideSources.pages().stream().filter((page) -> !page.getFileName().toString().equals("index.adoc"));
	}

	private static String builtGuide() throws IOException {
		assertThat(Repository.GUIDE_HTML)
			.as("the guide, which ./mvnw -B -pl docs -am process-classes converts before the tests run")
			.isRegularFile();
		return Files.readString(Repository.GUIDE_HTML);
	}

}
