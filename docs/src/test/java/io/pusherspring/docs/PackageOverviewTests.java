package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every package of the published modules has an overview: a {@code package-info.java}
 * whose Javadoc says what the package holds, which becomes the package's page in the
 * javadoc jar.
 */
class PackageOverviewTests {

	private static final List<String> PUBLISHED_SOURCES = List.of("pusher-spring-boot-autoconfigure/src/main/java",
			"pusher-test-kit/src/main/java");

	@TestFactory
	Stream<DynamicTest> everyPublishedPackageHasAnOverview() throws IOException {
		List<Path> packages = PUBLISHED_SOURCES.stream().map(Repository.ROOT::resolve).flatMap((root) -> {
			try (Stream<Path> files = Files.walk(root)) {
				return files.filter((file) -> file.toString().endsWith(".java"))
					.map(Path::getParent)
					.distinct()
					.map((directory) -> root.relativize(directory))
					.map(root::resolve)
					.toList()
					.stream();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).sorted().toList();
		assertThat(packages).hasSizeGreaterThan(5);
		return packages.stream()
			.map((directory) -> dynamicTest(Repository.ROOT.relativize(directory).toString(), () -> {
				Path packageInfo = directory.resolve("package-info.java");
				assertThat(packageInfo).as("the overview of " + directory).isRegularFile();
				String source = Files.readString(packageInfo);
				assertThat(source).as(packageInfo.toString())
					.containsPattern("(?s)/\\*\\*\\s*\\n\\s*\\*\\s*\\S.*\\*/\\s*(@\\w+\\s*)*package ");
			}));
	}

}
