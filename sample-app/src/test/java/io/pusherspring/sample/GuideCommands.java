package io.pusherspring.sample;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The commands the guide shows for the sample, from {@code announcements.sh} (the guide
 * includes them by tag), run with curl as a reader runs them, against the application on
 * its test port instead of 8080. Without curl they are skipped on a developer's machine
 * and fail under CI (the {@code CI} environment variable is set), where {@code .ci/run}
 * installs it.
 */
final class GuideCommands {

	private static final String SCRIPT = "announcements.sh";

	private static final String DOCUMENTED_ADDRESS = "localhost:8080";

	private GuideCommands() {
	}

	/**
	 * Run the command between {@code # tag::name[]} and {@code # end::name[]}.
	 * @param tag the tag's name
	 * @param port the application's port
	 * @return what curl printed: {@code -i} shows the status line and headers
	 */
	static Answer run(String tag, int port) throws IOException, InterruptedException {
		requireCurl();
		String command = command(tag);
		assertThat(command).as("the guide's command").contains(DOCUMENTED_ADDRESS);
		Process curl = new ProcessBuilder("sh", "-c", command.replace(DOCUMENTED_ADDRESS, "localhost:" + port))
			.redirectError(Redirect.DISCARD)
			.start();
		byte[] output;
		try (InputStream out = curl.getInputStream()) {
			output = out.readAllBytes();
		}
		assertThat(curl.waitFor()).as("curl's exit status for: " + command).isZero();
		return Answer.parse(new String(output, StandardCharsets.UTF_8));
	}

	static String command(String tag) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean inside = false;
		for (String line : new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8).split("\n")) {
			if (line.equals("# tag::" + tag + "[]")) {
				inside = true;
			}
			else if (line.equals("# end::" + tag + "[]")) {
				inside = false;
			}
			else if (inside) {
				lines.add(line);
			}
		}
		assertThat(lines).as("the lines tagged '" + tag + "' in " + SCRIPT).hasSize(1);
		return lines.get(0);
	}

	private static void requireCurl() {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(directory, "curl").canExecute()) {
				return;
			}
		}
		String message = "The guide's commands need curl (Debian: apt-get install curl)";
		if (System.getenv("CI") != null) {
			fail(message + "; under CI it is required, and .ci/run installs it");
		}
		Assumptions.abort(message + "; skipped outside CI");
	}

	/**
	 * What curl {@code -i} printed.
	 *
	 * @param status the status code
	 * @param headers the headers, by lower-case name
	 * @param body the body
	 */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String output) {
			int end = output.indexOf("\r\n\r\n");
			assertThat(end).as("the end of the headers in: " + output).isPositive();
			String[] head = output.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.put(head[i].substring(0, colon).toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
			}
			return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, output.substring(end + 4));
		}

	}

}
