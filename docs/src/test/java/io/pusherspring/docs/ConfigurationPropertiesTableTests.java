package io.pusherspring.docs;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pusherspring.docs.ConfigurationPropertiesTable.Property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ConfigurationPropertiesTable}: the table holds this project's
 * properties as the configuration processor describes them, and nothing else.
 */
class ConfigurationPropertiesTableTests {

	@TempDir
	Path directory;

	@Test
	void readsTheAutoconfigureModulesPropertiesWithTheirTypesAndDefaults() {
		List<Property> properties = ConfigurationPropertiesTable.read(getClass().getClassLoader());
		assertThat(properties).extracting(Property::name, Property::type, Property::defaultValue)
			.contains(tuple("pusher.app-id", "String", null), tuple("pusher.retry.delay", "Duration", "100ms"),
					tuple("pusher.limits.max-payload-size", "DataSize", "10KB"),
					tuple("pusher.auth.rate-limit.capacity", "Long", "120"),
					tuple("pusher.webhook.additional-keys", "Map<String, String>", null),
					tuple("management.health.pusher.enabled", "Boolean", "true"));
		assertThat(properties).allSatisfy((property) -> assertThat(property.description()).isNotBlank());
		assertThat(properties).extracting(Property::name).isSorted();
	}

	@Test
	void leavesOutThePropertiesOfOtherProjects() {
		// Spring Boot's own modules are on the class path, with metadata of their own
		assertThat(ConfigurationPropertiesTable.read(getClass().getClassLoader())).extracting(Property::name)
			.allSatisfy((name) -> assertThat(name).matches("pusher\\..*|management\\.health\\.pusher\\..*"));
	}

	@Test
	void writesOneRowPerPropertyWithHintsAndDeprecationsAndNothingInterpreted() throws IOException {
		List<Property> properties = ConfigurationPropertiesTable.read(metadata("""
				{"properties": [
				  {"name": "acme.host", "type": "java.lang.String", "sourceType": "io.pusherspring.Acme",
				   "description": "Host, such as api-{cluster}.example.com | not a cell."},
				  {"name": "acme.mode", "type": "java.lang.String", "sourceType": "io.pusherspring.Acme",
				   "defaultValue": "fast", "description": "Mode."},
				  {"name": "acme.old", "type": "java.lang.Integer", "sourceType": "io.pusherspring.Acme",
				   "description": "Old.", "deprecation": {"replacement": "acme.new"}},
				  {"name": "other.x", "type": "java.lang.String", "sourceType": "org.example.Other",
				   "description": "Not ours."}
				],
				"hints": [{"name": "acme.mode", "values": [{"value": "fast", "description": "Quick."},
				  {"value": "slow"}]}]}
				"""));
		String table = ConfigurationPropertiesTable.asciidoc(properties);
		assertThat(table)
			.contains("|[[property-acme-host]]`pass:c[acme.host]`\n|`pass:c[String]`\n|\n"
					+ "|pass:c[Host, such as api-{cluster}.example.com | not a cell.]\n")
			.contains("|`pass:c[fast]`\n|pass:c[Mode.] One of: `pass:c[fast]` (pass:c[Quick]); `pass:c[slow]`.\n")
			.contains("|pass:c[Old.] Deprecated: use `pass:c[acme.new]` instead.\n")
			.doesNotContain("other.x");
		assertThat(table.lines().filter((line) -> line.startsWith("|[[property-"))).hasSize(3);
	}

	@Test
	void shortensTypesToTheirSimpleNames() {
		assertThat(ConfigurationPropertiesTable.simpleType("java.util.Map<java.lang.String,java.time.Duration>"))
			.isEqualTo("Map<String, Duration>");
		assertThat(ConfigurationPropertiesTable.simpleType("org.springframework.util.unit.DataSize"))
			.isEqualTo("DataSize");
	}

	@Test
	void failsWhenNoMetadataDeclaresAPropertyOfThisProject() throws IOException {
		Path output = this.directory.resolve("table.adoc");
		ClassLoader empty = new URLClassLoader(new URL[0], null);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(empty);
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> ConfigurationPropertiesTable.main(new String[] { output.toString() }))
				.withMessageContaining("build pusher-spring-boot-autoconfigure first");
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		assertThat(output).doesNotExist();
	}

	private ClassLoader metadata(String json) throws IOException {
		Path file = this.directory.resolve(ConfigurationPropertiesTable.METADATA);
		Files.createDirectories(file.getParent());
		Files.writeString(file, json);
		return new URLClassLoader(new URL[] { this.directory.toUri().toURL() }, null);
	}

}
