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
 * no parent and no {@code ${...}} placeholder; a BOM that manages this project's modules
 * and nothing else; and a quick start that builds against this build's versions.
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
		Element properties = child(parse(ReadmeTests.ROOT.resolve(module).resolve("pom.xml")), "properties");
		assertThat(text(properties, "maven.install.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.deploy.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.javadoc.skip")).isEqualTo("true");
		assertThat(text(properties, "maven.source.skip")).isEqualTo("true");
	}

	@Test
	void quickStartImportsThisVersionsBomAndDeclaresPusherArtifactsWithoutVersions() throws Exception {
		Element quickStart = parse(ReadmeTests.ROOT.resolve("docs/src/it/quickstart/pom.xml"));
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
		Path pom = ReadmeTests.ROOT.resolve(module).resolve("target/flattened-pom.xml");
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
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().trim() : "";
	}

}
