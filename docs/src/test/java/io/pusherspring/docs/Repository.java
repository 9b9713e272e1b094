package io.pusherspring.docs;

import java.nio.file.Path;

/**
 * Where the tests find the repository's files.
 */
final class Repository {

	/** The repository's root directory (the build passes it as {@code readme.root}). */
	static final Path ROOT = Path.of(System.getProperty("readme.root", "..")).toAbsolutePath().normalize();

	/** The guide's sources. */
	static final Path GUIDE_SOURCES = ROOT.resolve("docs/src/docs/asciidoc");

	/** The built guide. */
	static final Path GUIDE_HTML = ROOT.resolve("docs/target/guide/index.html");

	private Repository() {
	}

}
