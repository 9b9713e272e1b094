package io.pusherspring.benchmarks.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A load loop in this JVM, for smoke runs on a machine without wrk: one thread per
 * connection, each posting the form and awaiting the answer until the time is up. It
 * shares the JVM with the application, so its figures are not wrk's; it proves that the
 * endpoints answer.
 */
final class JvmLoad implements LoadGenerator {

	@Override
	public double run(URI url, String form, int seconds, int connections) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(url)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		ExecutorService threads = Executors.newFixedThreadPool(connections);
		try {
			long begin = System.nanoTime();
			long deadline = begin + seconds * 1_000_000_000L;
			List<Callable<Long>> loops = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				loops.add(() -> {
					long answered = 0;
					while (System.nanoTime() < deadline) {
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() / 100 != 2) {
							throw new IllegalStateException(url + " answered " + response.statusCode());
						}
						answered++;
					}
					return answered;
				});
			}
			long answered = 0;
			for (Future<Long> loop : threads.invokeAll(loops)) {
				answered += loop.get();
			}
			return answered * 1e9 / (System.nanoTime() - begin);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "a JVM load loop (wrk is not installed)";
	}

}
