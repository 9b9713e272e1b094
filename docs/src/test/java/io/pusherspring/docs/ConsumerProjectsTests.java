package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.pusherspring.docs.GuideSources.Include;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The consumer projects in {@code docs/src/it}, which the invoker builds against this
 * build's artifacts, hold only what the guide tells a reader to write: each of their
 * files is included by a page of the guide (a {@code pom.xml} through its tagged
 * regions), so that a reader who copies the samples has the whole project, and the build
 * proves it.
 */
class ConsumerProjectsTests {

	private static final Path PROJECTS = Repository.ROOT.resolve("docs/src/it");

	private static final Pattern INVOKER_FILE = Pattern
		.compile("invoker\\.properties|(setup|selector|prebuild|postbuild|verify)\\.(groovy|bsh)");

	private final Set<String> shown = GuideSources.pages()
		.stream()
		.flatMap((page) -> GuideSources.includes(page).stream())
		.map(Include::repositoryPath)
		.filter(Objects::nonNull)
		.collect(Collectors.toSet());

	@TestFactory
	Stream<DynamicTest> everyFileOfAConsumerProjectIsIncludedInTheGuide() throws IOException {
		return projectFiles().stream().map((file) -> dynamicTest(file, () -> {
			if (!this.shown.contains(file)) {
				fail(file + " is part of a consumer project, but no page of the guide (docs/src/docs/asciidoc) "
						+ "includes it. The project must hold only what the guide tells a reader to write: include "
						+ "the file, include::{project-root}/" + file + "[tags=**] (or a tagged region of it, "
						+ "[tag=name]), or remove it.");
			}
		}));
	}

	@Test
	void theQuickStartAndTheWebApplicationAreConsumerProjects() throws IOException {
		assertThat(projectFiles()).contains("docs/src/it/quickstart/pom.xml", "docs/src/it/classroom-web/pom.xml");
	}

	/**
	 * The files of the projects (the directories of {@code docs/src/it}), relative to the
	 * repository root, without build output and the invoker's own files.
	 */
	private static List<String> projectFiles() throws IOException {
		try (Stream<Path> files = Files.walk(PROJECTS)) {
			return files.filter(Files::isRegularFile)
				.map(PROJECTS::relativize)
				.filter((file) -> file.getNameCount() > 1)
				.filter((file) -> !isBuildOutputOrInvokerFile(file.subpath(1, file.getNameCount())))
				.map((file) -> "docs/src/it/" + file.toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	private static boolean isBuildOutputOrInvokerFile(Path inProject) {
		return inProject.startsWith("target") || (inProject.getNameCount() == 1
				&& INVOKER_FILE.matcher(inProject.getFileName().toString()).matches());
	}

}
