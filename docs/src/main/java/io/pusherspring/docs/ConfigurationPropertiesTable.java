package io.pusherspring.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the guide's table of configuration properties from the
 * {@code META-INF/spring-configuration-metadata.json} that Spring Boot's configuration
 * processor generates for the autoconfigure module, so that the table always shows the
 * names, types, defaults and descriptions the code declares.
 * <p>
 * Run by the docs module's build before the guide is converted; the only argument is the
 * file to write.
 */
public final class ConfigurationPropertiesTable {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String SOURCE_PACKAGE = "io.pusherspring.";

	private static final Pattern PACKAGE_QUALIFIER = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

	private ConfigurationPropertiesTable() {
	}

	/**
	 * Write the table.
	 * @param args the file to write
	 * @throws IOException if the metadata cannot be read or the file written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("Expected one argument, the file to write, but got " + args.length);
		}
		Path output = Path.of(args[0]);
		List<Property> properties = read(Thread.currentThread().getContextClassLoader());
		if (properties.isEmpty()) {
			throw new IllegalStateException("No " + METADATA + " on the class path declares a property of a class in "
					+ SOURCE_PACKAGE + "*: build pusher-spring-boot-autoconfigure first (in the same reactor: -am)");
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, asciidoc(properties));
	}

	/**
	 * Read the properties declared by this project's classes from every metadata file the
	 * class loader finds, sorted by name.
	 * @param classLoader the class loader
	 * @return the properties
	 */
	static List<Property> read(ClassLoader classLoader) {
		Map<String, Property> properties = new LinkedHashMap<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					read(JsonMapper.shared().readTree(in), properties);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Property> sorted = new ArrayList<>(properties.values());
		sorted.sort(Comparator.comparing(Property::name));
		return sorted;
	}

	private static void read(JsonNode metadata, Map<String, Property> properties) {
		Map<String, List<Value>> hints = new LinkedHashMap<>();
		for (JsonNode hint : metadata.path("hints")) {
			List<Value> values = new ArrayList<>();
			for (JsonNode value : hint.path("values")) {
				values.add(new Value(value.path("value").asString(), value.path("description").asString("")));
			}
			hints.put(hint.path("name").asString(), values);
		}
		for (JsonNode property : metadata.path("properties")) {
			if (!property.path("sourceType").asString("").startsWith(SOURCE_PACKAGE)) {
				continue;
			}
			String name = property.path("name").asString();
			JsonNode defaultValue = property.path("defaultValue");
			JsonNode deprecation = property.path("deprecation");
			properties.put(name,
					new Property(name, simpleType(property.path("type").asString("")),
							defaultValue.isMissingNode() ? null : defaultValue.asString(),
							property.path("description").asString(""), hints.getOrDefault(name, List.of()),
							deprecation.isMissingNode() ? null : deprecation.path("replacement").asString("")));
		}
	}

	/**
	 * The AsciiDoc table of the properties.
	 * @param properties the properties
	 * @return a table with a header row: name, type, default, description
	 */
	static String asciidoc(List<Property> properties) {
		StringBuilder table = new StringBuilder();
		table.append("// Generated from ")
			.append(METADATA)
			.append(" by ")
			.append(ConfigurationPropertiesTable.class.getName())
			.append(": do not edit.\n");
		table.append("[cols=\"3,2,1,5\",options=\"header\"]\n|===\n|Property |Type |Default |Description\n");
		for (Property property : properties) {
			table.append('\n');
			table.append("|").append(anchor(property.name())).append(code(property.name())).append('\n');
			table.append("|").append(code(property.type())).append('\n');
			table.append("|")
				.append((property.defaultValue() != null) ? code(property.defaultValue()) : "")
				.append('\n');
			table.append("|").append(description(property)).append('\n');
		}
		table.append("|===\n");
		return table.toString();
	}

	private static String description(Property property) {
		StringBuilder description = new StringBuilder(text(property.description()));
		if (!property.values().isEmpty()) {
			List<String> values = property.values()
				.stream()
				.map((value) -> code(value.value()) + (value.description().isEmpty() ? ""
						: " (" + text(withoutFinalPeriod(value.description())) + ")"))
				.toList();
			description.append(" One of: ").append(String.join("; ", values)).append('.');
		}
		if (property.replacement() != null) {
			description.append(" Deprecated")
				.append(property.replacement().isEmpty() ? "." : ": use " + code(property.replacement()) + " instead.");
		}
		return description.toString();
	}

	private static String withoutFinalPeriod(String text) {
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	private static String anchor(String name) {
		return "[[property-" + name.replaceAll("[^a-z0-9]+", "-") + "]]";
	}

	static String simpleType(String type) {
		return PACKAGE_QUALIFIER.matcher(type).replaceAll("").replace(",", ", ");
	}

	// Inline passthrough: neither formatting marks nor attribute references in the value
	// are interpreted; special characters are still escaped for HTML.
	private static String code(String value) {
		return "`pass:c[" + value.replace("]", "\\]") + "]`";
	}

	private static String text(String value) {
		return "pass:c[" + value.replace("]", "\\]") + "]";
	}

	/**
	 * A configuration property, as its metadata declares it.
	 *
	 * @param name the full name
	 * @param type the type, without package names
	 * @param defaultValue the default, or {@code null}
	 * @param description the description
	 * @param values the documented values
	 * @param replacement the property that replaces a deprecated one ({@code ""} if
	 * none), or {@code null} if the property is not deprecated
	 */
	record Property(String name, String type, String defaultValue, String description, List<Value> values,
			String replacement) {

	}

	/**
	 * A documented value of a property (a hint).
	 *
	 * @param value the value
	 * @param description what it means, or {@code ""}
	 */
	record Value(String value, String description) {

	}

}
