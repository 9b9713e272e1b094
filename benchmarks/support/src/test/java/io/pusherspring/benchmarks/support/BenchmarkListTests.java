package io.pusherspring.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@code benchmarks/benchmarks.txt}, the list that {@code benchmarks/run} reads:
 * every line names a module of the reactor, a main class there that writes the files of
 * that name, and a smoke test that runs it in {@code verify}; and every benchmark module
 * has a line and is a dependency of the {@code benchmarks} aggregator.
 */
class BenchmarkListTests {

	/** The {@code benchmarks} folder: the tests run in {@code benchmarks/support}. */
	private static final Path BENCHMARKS = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	static List<Entry> entries() throws IOException {
		List<Entry> entries = new ArrayList<>();
		for (String line : Files.readAllLines(BENCHMARKS.resolve("benchmarks.txt"))) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] words = line.trim().split("\\s+");
			assertThat(words.length).as("words in '%s'", line).isBetween(3, 4);
			entries.add(new Entry(words[0], words[1], words[2], (words.length == 4) ? words[3] : null));
		}
		return entries;
	}

	@Test
	void namesAreUniqueAndFitForFileNames() throws IOException {
		Set<String> names = new HashSet<>();
		for (Entry entry : entries()) {
			assertThat(entry.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(names.add(entry.name())).as("%s listed once", entry.name()).isTrue();
		}
	}

	@Test
	void everyBenchmarkModuleHasABenchmarkAndIsADependencyOfTheAggregator() throws IOException {
		String aggregator = Files.readString(BENCHMARKS.resolve("pom.xml"));
		List<String> modules = new ArrayList<>();
		Matcher module = MODULE.matcher(aggregator);
		while (module.find()) {
			modules.add(module.group(1).trim());
		}
		assertThat(modules).contains("parent", "support");
		List<String> benchmarkModules = modules.stream()
			.filter((name) -> !name.equals("parent") && !name.equals("support"))
			.toList();
		assertThat(modulesOf(entries())).as("the modules of benchmarks.txt")
			.containsExactlyInAnyOrderElementsOf(benchmarkModules);
		for (String name : modules) {
			if (!name.equals("parent")) {
				// so that `./mvnw verify -pl benchmarks -am` builds it and runs its smoke
				// tests
				assertThat(aggregator).as("benchmarks/pom.xml depends on benchmarks-%s", name)
					.contains("<artifactId>benchmarks-" + name + "</artifactId>");
			}
			assertThat(Files.readString(BENCHMARKS.resolve(name).resolve("pom.xml"))).as("benchmarks/%s/pom.xml", name)
				.contains("<artifactId>benchmarks-" + name + "</artifactId>");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void mainClassWritesTheFilesOfItsNameAndHasASmokeTest(Entry entry) throws IOException {
		Path module = BENCHMARKS.resolve(entry.module());
		Path source = module.resolve("src/main/java").resolve(entry.mainClass().replace('.', '/') + ".java");
		assertThat(source).as("the main class of %s", entry.name()).isRegularFile();
		// the name it passes first to BenchmarkRun.main or JmhRun.Spec names its files
		assertThat(Files.readString(source)).as("the name %s gives its files", source.getFileName())
			.contains("(\"" + entry.name() + "\"");
		String simpleName = entry.mainClass().substring(entry.mainClass().lastIndexOf('.') + 1);
		try (Stream<Path> tests = Files.walk(module.resolve("src/test/java"))) {
			assertThat(tests.filter((file) -> file.getFileName().toString().endsWith("SmokeTests.java"))
				.anyMatch((file) -> read(file).contains(simpleName + "::main")
						|| read(file).contains(simpleName + ".main(")))
				.as("a *SmokeTests class of %s runs %s", entry.module(), simpleName)
				.isTrue();
		}
		if (entry.extraClassPath() != null) {
			assertThat(entry.extraClassPath()).as("a folder relative to the repository's root")
				.doesNotStartWith("/")
				.doesNotContain("..");
		}
	}

	private static Set<String> modulesOf(List<Entry> entries) {
		Set<String> modules = new HashSet<>();
		entries.forEach((entry) -> modules.add(entry.module()));
		return modules;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Entry(String name, String module, String mainClass, String extraClassPath) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
