package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pusherspring.docs.ReadmeSnippets.Block;
import io.pusherspring.docs.ReadmeSnippets.SectionLink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ReadmeSnippets}: the check passes copies and fails every kind of
 * drift, naming the block and the file.
 */
class ReadmeSnippetsTests {

	private static final String SERVICE = """
			package com.example;

			import java.util.List;

			public class Service {

				// tag::call[]
				void call() {
					// tag::inner[]
					run();
					// end::inner[]

					done();
				}
				// end::call[]

			}
			""";

	@TempDir
	Path root;

	@Test
	void wholeFileBlockWithoutThePackageLinePasses() throws IOException {
		write("src/Service.java", SERVICE);
		ReadmeSnippets readme = readme("<!-- snippet: src/Service.java -->", "```java", "import java.util.List;", "",
				"public class Service {", "", "\t// tag::call[]", "\tvoid call() {", "\t\t// tag::inner[]",
				"\t\trun();", "\t\t// end::inner[]", "", "\t\tdone();", "\t}", "\t// end::call[]", "", "}", "```");
		assertThat(problems(readme)).containsOnlyNulls().hasSize(1);
	}

	@Test
	void taggedRegionLosesItsTagLinesAndCommonIndentation() throws IOException {
		write("src/Service.java", SERVICE);
		ReadmeSnippets readme = readme("<!-- snippet: src/Service.java#call -->", "```java", "void call() {",
				"\trun();", "", "\tdone();", "}", "```", "", "<!-- snippet: src/Service.java#inner -->", "```java",
				"run();", "```");
		assertThat(problems(readme)).containsOnlyNulls().hasSize(2);
	}

	@Test
	void xmlAndPropertiesTagsUseTheirOwnComments() throws IOException {
		write("pom.xml", "<project>\n\t<!-- tag::dep[] -->\n\t<dependency/>\n\t<!-- end::dep[] -->\n</project>\n");
		write("app.properties", "# tag::key[]\npusher.key=abc\n# end::key[]\nother=1\n");
		ReadmeSnippets readme = readme("<!-- snippet: pom.xml#dep -->", "```xml", "<dependency/>", "```",
				"<!-- snippet: app.properties#key -->", "```properties", "pusher.key=abc", "```");
		assertThat(problems(readme)).containsOnlyNulls().hasSize(2);
	}

	@Test
	void blockThatDiffersFailsNamingTheBlockTheFileAndTheLine() throws IOException {
		write("src/Service.java", SERVICE);
		ReadmeSnippets readme = readme("# Title", "", "<!-- snippet: src/Service.java#call -->", "```java",
				"void call() {", "\trunFaster();", "", "\tdone();", "}", "```");
		assertThat(problems(readme)).singleElement()
			.asString()
			.startsWith("README.md:4: the ```java block differs from src/Service.java#call at README.md:6")
			.contains("README: `\trunFaster();`")
			.contains("source: `\trun();`");
	}

	@Test
	void blockMissingTheLastLinesFails() throws IOException {
		write("a.properties", "a=1\nb=2\n");
		ReadmeSnippets readme = readme("<!-- snippet: a.properties -->", "```properties", "a=1", "```");
		assertThat(problems(readme)).singleElement().asString().contains("README: (nothing: the block ends here)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "java", "xml", "properties", "yaml" })
	void codeBlockWithoutMarkerFails(String language) {
		ReadmeSnippets readme = readme("Text", "```" + language, "x", "```");
		assertThat(problems(readme)).singleElement()
			.asString()
			.startsWith("README.md:2: this ```" + language + " block has no <!-- snippet: path -->");
	}

	@ParameterizedTest
	@ValueSource(strings = { "shell", "text", "" })
	void shellOutputAndPlainBlocksNeedNoMarker(String language) {
		ReadmeSnippets readme = readme("```" + language, "./mvnw -B verify", "```");
		assertThat(problems(readme)).containsOnlyNulls().hasSize(1);
	}

	@Test
	void markerToAMissingFileFails() {
		ReadmeSnippets readme = readme("<!-- snippet: src/Gone.java -->", "```java", "class Gone {}", "```");
		assertThat(problems(readme)).singleElement()
			.asString()
			.isEqualTo("README.md:1: <!-- snippet: src/Gone.java --> points to src/Gone.java, which is not a file "
					+ "of the repository");
	}

	@Test
	void markerOutsideTheRepositoryFails() throws IOException {
		write("inside.txt", "x\n");
		ReadmeSnippets readme = readme("<!-- snippet: ../" + this.root.getFileName() + "/inside.txt -->", "```text",
				"x", "```", "<!-- snippet: ../outside.txt -->", "```text", "x", "```");
		assertThat(problems(readme)).hasSize(2).first().isNull();
		assertThat(problems(readme).get(1)).contains("which is not a file of the repository");
	}

	@Test
	void markerToAMissingTagFails() throws IOException {
		write("src/Service.java", SERVICE);
		ReadmeSnippets readme = readme("<!-- snippet: src/Service.java#cal -->", "```java", "void call() {", "```");
		assertThat(problems(readme)).singleElement()
			.asString()
			.contains("points to tag 'cal', but src/Service.java has no line with tag::cal[]");
	}

	@Test
	void tagThatIsNeverClosedFails() throws IOException {
		write("src/A.java", "class A {\n\t// tag::open[]\n\tint a;\n}\n");
		ReadmeSnippets readme = readme("<!-- snippet: src/A.java#open -->", "```java", "int a;", "```");
		assertThat(problems(readme)).singleElement()
			.asString()
			.contains("whose tag::open[] on line 2 is never closed by end::open[]");
	}

	@Test
	void markerNotDirectlyBeforeABlockIsStray() throws IOException {
		write("a.properties", "a=1\n");
		ReadmeSnippets readme = readme("<!-- snippet: a.properties -->", "", "```properties", "a=1", "```",
				"<!-- snippet a.properties -->", "```text", "x", "```", "<!-- snippet: a.properties -->");
		assertThat(readme.strayMarkers()).extracting(ReadmeSnippets.StrayMarker::line).containsExactly(1, 6, 10);
		assertThat(problems(readme).get(0)).startsWith("README.md:3: this ```properties block has no");
	}

	@Test
	void longerFenceMayHoldShorterOnesAndIndentedFencesAreRead() throws IOException {
		write("doc.md", "```java\nx\n```\n");
		ReadmeSnippets readme = readme("<!-- snippet: doc.md -->", "````markdown", "```java", "x", "```", "````",
				"- item", "  <!-- snippet: doc.md -->", "  ````text", "  ```java", "  x", "  ```", "  ````");
		assertThat(readme.blocks()).extracting(Block::language).containsExactly("markdown", "text");
		assertThat(problems(readme)).containsOnlyNulls();
	}

	@Test
	void describesABlockByLineLanguageAndMarker() {
		ReadmeSnippets readme = readme("<!-- snippet: a/B.java#tag -->", "```java", "```");
		assertThat(readme.describe(readme.blocks().get(0))).isEqualTo("README.md:2 ```java <- a/B.java#tag");
	}

	@Test
	void headingsMakeGitHubsAnchors() {
		ReadmeSnippets readme = readme("# pusher-spring-boot", "## Quick start",
				"### Webhooks and channel auth with MockMvc: `PusherRequests` and `PusherSignatures`", "### Notes",
				"### Notes", "```shell", "# a comment, not a heading", "```");
		assertThat(readme.anchors()).containsExactlyInAnyOrder("pusher-spring-boot", "quick-start",
				"webhooks-and-channel-auth-with-mockmvc-pusherrequests-and-pushersignatures", "notes", "notes-1");
	}

	@Test
	void sectionLinksOutsideCodeBlocksAreFound() {
		ReadmeSnippets readme = readme("See [Testing](#testing) and [Pusher](https://pusher.com/channels),",
				"or [the notes](#notes).", "```text", "[not a link](#in-a-block)", "```");
		assertThat(readme.sectionLinks()).extracting(SectionLink::line, SectionLink::anchor)
			.containsExactly(tuple(1, "testing"), tuple(2, "notes"));
	}

	private ReadmeSnippets readme(String... lines) {
		return ReadmeSnippets.parse("README.md", List.of(lines));
	}

	private List<String> problems(ReadmeSnippets readme) {
		return readme.blocks().stream().map((block) -> readme.problem(block, this.root)).toList();
	}

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
