package io.pusherspring.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every code block of the repository's {@code README.md} is a copy of a file that this
 * build compiles, or of a tagged region of one (see {@link ReadmeSnippets}), and every
 * link to one of its sections finds the section. One test per block, per misplaced marker
 * and per link, named after its line.
 */
class ReadmeTests {

	static final Path ROOT = Path.of(System.getProperty("readme.root", "..")).toAbsolutePath().normalize();

	private final ReadmeSnippets readme = ReadmeSnippets.read(ROOT.resolve("README.md"));

	@TestFactory
	Stream<DynamicTest> everyCodeBlockIsACopyOfItsSource() {
		return this.readme.blocks().stream().map((block) -> dynamicTest(this.readme.describe(block), () -> {
			String problem = this.readme.problem(block, ROOT);
			if (problem != null) {
				fail(problem);
			}
		}));
	}

	@TestFactory
	Stream<DynamicTest> everySnippetMarkerIsDirectlyBeforeACodeBlock() {
		return this.readme.strayMarkers()
			.stream()
			.map((marker) -> dynamicTest("README.md:" + marker.line(), () -> fail("README.md:" + marker.line() + ": "
					+ marker.text()
					+ " is not a well-formed <!-- snippet: path --> or <!-- snippet: path#tag --> marker on the "
					+ "line directly before a code block's opening fence")));
	}

	@TestFactory
	Stream<DynamicTest> everyLinkToASectionFindsItsHeading() {
		return this.readme.sectionLinks()
			.stream()
			.map((link) -> dynamicTest("README.md:" + link.line() + " #" + link.anchor(), () -> {
				if (!this.readme.anchors().contains(link.anchor())) {
					fail("README.md:" + link.line() + " links to #" + link.anchor()
							+ ", but no heading of README.md has that anchor; the headings' anchors are "
							+ this.readme.anchors().stream().sorted().toList());
				}
			}));
	}

	@Test
	void readmeHasMarkedBlocks() {
		assertThat(Files.isRegularFile(ROOT.resolve("README.md"))).isTrue();
		assertThat(this.readme.blocks()).filteredOn((block) -> block.marker() != null).hasSizeGreaterThan(10);
	}

}
