package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the published modules give a consumer: flattened POMs with every version resolved,
 * no parent and no {@code ${...}} placeholder, and with the metadata Maven Central
 * requires; a BOM that manages this project's modules and nothing else; a quick start
 * that builds against this build's versions; and a release profile that never publishes
 * by accident.
 */
class ReleaseArtifactsTests {

	private static final String VERSION = System.getProperty("project.version");

	private static final String GROUP = "io.pusherspring";

	@ParameterizedTest
	@ValueSource(strings = { "pusher-spring-boot-autoconfigure", "pusher-spring-boot-starter", "pusher-test-kit",
			"pusher-spring-boot-dependencies" })
	void publishedModuleHasAFlattenedPomWithoutParentOrPlaceholders(String module) throws Exception {
		Path pom = flattenedPom(module);
		assertThat(Files.readString(pom)).doesNotContain("${").doesNotContain("<parent>");
		Element project = parse(pom);
		assertThat(text(project, "groupId")).isEqualTo(GROUP);
		assertThat(text(project, "artifactId")).isEqualTo(module);
		assertThat(text(project, "version")).isEqualTo(VERSION);
		assertThat(text(project, "description")).isNotBlank();
		for (Element dependency : dependencies(project, "dependencies")) {
			assertThat(text(dependency, "version")).as(text(dependency, "artifactId")).isNotBlank();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "pusher-spring-boot-autoconfigure", "pusher-spring-boot-starter", "pusher-test-kit",
			"pusher-spring-boot-dependencies", "pusher-spring-boot-parent" })
	void publishedPomCarriesTheMetadataMavenCentralRequires(String module) throws Exception {
		// the parent is published as it is; the others as their flattened POMs
		Element project = parse(
				module.equals("pusher-spring-boot-parent") ? Repository.ROOT.resolve("pom.xml") : flattenedPom(module));
		assertThat(text(project, "artifactId")).isEqualTo(module);
		assertThat(text(project, "name")).isNotBlank();
		assertThat(text(project, "description")).isNotBlank();
		String url = text(project, "url");
		assertThat(url).startsWith("https://").doesNotEndWith(module);
		assertThat(children(child(project, "licenses"), "license")).singleElement().satisfies((license) -> {
			assertThat(text(license, "name")).isEqualTo("Apache License, Version 2.0");
			assertThat(text(license, "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
		});
		assertThat(children(child(project, "developers"), "developer"))
			.allSatisfy((developer) -> assertThat(text(developer, "name")).isNotBlank())
			.isNotEmpty();
		Element scm = child(project, "scm");
		assertThat(text(scm, "url")).isEqualTo(url);
		assertThat(text(scm, "connection")).startsWith("scm:git:").doesNotEndWith(module);
		assertThat(text(scm, "developerConnection")).startsWith("scm:git:").doesNotEndWith(module);
	}

	@Test
	void licenseIsTheApacheLicense() throws IOException {
		assertThat(Files.readString(Repository.ROOT.resolve("LICENSE"))).contains("Apache License")
			.contains("Version 2.0, January 2004")
			.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")
			.contains("END OF TERMS AND CONDITIONS");
	}

	@Test
	void releaseProfileSignsOnlyWithAKeyAndNeverPublishesByItself() throws Exception {
		Element release = children(child(parse(Repository.ROOT.resolve("pom.xml")), "profiles"), "profile").stream()
			.filter((profile) -> text(profile, "id").equals("release"))
			.findFirst()
			.orElseThrow();
		Element properties = child(release, "properties");
		assertThat(text(properties, "gpg.skip")).isEqualTo("true");
		assertThat(text(properties, "central.skipUpload")).isEqualTo("true");
		List<Element> plugins = children(child(child(release, "build"), "plugins"), "plugin");
		assertThat(plugins).extracting((plugin) -> text(plugin, "artifactId"))
			.contains("maven-source-plugin", "maven-javadoc-plugin", "maven-gpg-plugin",
					"central-publishing-maven-plugin");
		Element central = plugins.stream()
			.filter((plugin) -> text(plugin, "artifactId").equals("central-publishing-maven-plugin"))
			.findFirst()
			.orElseThrow();
		Element configuration = child(central, "configuration");
		assertThat(text(configuration, "autoPublish")).isEqualTo("false");
		assertThat(text(configuration, "skipUpload")).isEqualTo("${central.skipUpload}");
		List<String> excluded = children(child(configuration, "excludeArtifacts"), "artifact").stream()
			.map((artifact) -> artifact.getTextContent().trim())
			.toList();
		assertThat(excluded).as("the artifacts left out of the Central bundle")
			.containsAll(modulesNotPublished(Repository.ROOT, false))
			.doesNotContain("pusher-spring-boot-autoconfigure", "pusher-spring-boot-starter", "pusher-test-kit",
					"pusher-spring-boot-dependencies", "pusher-spring-boot-parent");
	}

	/**
	 * The artifact ids of the modules under a POM (those of its profiles included) that
	 * are not published: they, or a module above them, set {@code maven.deploy.skip}.
	 */
	private static List<String> modulesNotPublished(Path directory, boolean aboveIsNotPublished) throws Exception {
		Element project = parse(directory.resolve("pom.xml"));
		boolean notPublished = aboveIsNotPublished
				|| text(child(project, "properties"), "maven.deploy.skip").equals("true");
		List<String> found = new ArrayList<>();
		if (notPublished) {
			found.add(text(project, "artifactId"));
		}
		List<Element> moduleLists = new ArrayList<>(children(project, "modules"));
		for (Element profile : children(child(project, "profiles"), "profile")) {
			moduleLists.addAll(children(profile, "modules"));
		}
		for (Element modules : moduleLists) {
			for (Element module : children(modules, "module")) {
				found.addAll(modulesNotPublished(directory.resolve(module.getTextContent().trim()), notPublished));
			}
		}
		return found;
	}

	@Test
	void starterKeepsPusherHttpJavasAsyncHttpClientOut() throws Exception {
		Element pusherHttpJava = dependencies(parse(flattenedPom("pusher-spring-boot-starter")), "dependencies")
			.stream()
			.filter((dependency) -> text(dependency, "artifactId").equals("pusher-http-java"))
			.findFirst()
			.orElseThrow();
		assertThat(children(child(pusherHttpJava, "exclusions"), "exclusion"))
			.anySatisfy((exclusion) -> assertThat(text(exclusion, "artifactId")).isEqualTo("async-http-client"));
	}

	@Test
	void starterBringsSpringBootsHttpClientBuildersWithoutSpringWeb() throws Exception {
		Element httpClient = dependencies(parse(flattenedPom("pusher-spring-boot-starter")), "dependencies").stream()
			.filter((dependency) -> text(dependency, "artifactId").equals("spring-boot-http-client"))
			.findFirst()
			.orElseThrow();
		assertThat(children(child(httpClient, "exclusions"), "exclusion"))
			.extracting((exclusion) -> text(exclusion, "artifactId"))
			.containsExactlyInAnyOrder("spring-web", "spring-boot-http-converter");
	}

	@Test
	void bomManagesTheStarterTheAutoconfigureModuleAndTheTestKitAlone() throws Exception {
		Element bom = parse(flattenedPom("pusher-spring-boot-dependencies"));
		assertThat(text(bom, "packaging")).isEqualTo("pom");
		assertThat(child(bom, "dependencies")).isNull();
		List<Element> managed = dependencies(child(bom, "dependencyManagement"), "dependencies");
		assertThat(managed)
			.extracting((dependency) -> text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":"
					+ text(dependency, "version"))
			.containsExactlyInAnyOrder(GROUP + ":pusher-spring-boot-starter:" + VERSION,
					GROUP + ":pusher-spring-boot-autoconfigure:" + VERSION, GROUP + ":pusher-test-kit:" + VERSION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "integration-tests", "sample-app", "docs", "benchmarks" })
	void modulesThatAreNotPublishedAreNeverInstalledOrDeployed(String module) throws Exception {
		Element properties = child(parse(Repository.ROOT.resolve(module).resolve("pom.xml")), "properties");
		assertThat(text(properties, "maven.install.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.deploy.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.javadoc.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.source.skip")).isEqualTo("true");
	}

	@Test
	void quickStartImportsThisVersionsBomAndDeclaresPusherArtifactsWithoutVersions() throws Exception {
		Element quickStart = parse(Repository.ROOT.resolve("docs/src/it/quickstart/pom.xml"));
		assertThat(text(child(quickStart, "parent"), "version")).isEqualTo(System.getProperty("spring-boot.version"));
		assertThat(dependencies(child(quickStart, "dependencyManagement"), "dependencies")).singleElement()
			.satisfies((bom) -> {
				assertThat(text(bom, "artifactId")).isEqualTo("pusher-spring-boot-dependencies");
				assertThat(text(bom, "version")).isEqualTo(VERSION);
				assertThat(text(bom, "scope")).isEqualTo("import");
			});
		assertThat(dependencies(quickStart, "dependencies"))
			.filteredOn((dependency) -> text(dependency, "groupId").equals(GROUP))
			.extracting((dependency) -> text(dependency, "artifactId") + ":" + text(dependency, "version"))
			.containsExactly("pusher-spring-boot-starter:", "pusher-test-kit:");
	}

	private static Path flattenedPom(String module) {
		Path pom = Repository.ROOT.resolve(module).resolve("target/flattened-pom.xml");
		assertThat(pom).as("the flattened POM of %s (build it in the same reactor: -am)", module).isRegularFile();
		return pom;
	}

	private static Element parse(Path pom) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		try {
			Document document = factory.newDocumentBuilder().parse(pom.toFile());
			return document.getDocumentElement();
		}
		catch (IOException ex) {
			throw new IllegalStateException(pom.toString(), ex);
		}
	}

	private static List<Element> dependencies(Element parent, String name) {
		Element dependencies = (parent != null) ? child(parent, name) : null;
		return (dependencies != null) ? children(dependencies, "dependency") : List.of();
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element parent, String name) {
		Element element = (parent != null) ? child(parent, name) : null;
		return (element != null) ? element.getTextContent().trim() : "";
	}

}
