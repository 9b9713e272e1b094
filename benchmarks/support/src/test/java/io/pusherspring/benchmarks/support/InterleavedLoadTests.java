package io.pusherspring.benchmarks.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InterleavedLoadTests {

	private static final URI A = URI.create("http://127.0.0.1:1/a");

	private static final URI B = URI.create("http://127.0.0.1:1/b");

	private static final URI C = URI.create("http://127.0.0.1:1/c");

	private final List<String> calls = new ArrayList<>();

	@TempDir
	Path results;

	@Test
	void eachRoundStartsOneEndpointFurtherAlong() throws Exception {
		InterleavedLoad load = new InterleavedLoad(recording(), 2, 4).endpoint("a", A)
			.endpoint("b", B)
			.endpoint("c", C);
		load.run("x=1", 1, 3);
		assertThat(this.calls).containsExactly(
				// warm-up round
				"/c", "/a", "/b",
				// rounds 1 to 3
				"/a", "/b", "/c", "/b", "/c", "/a", "/c", "/a", "/b");
	}

	@Test
	void keepsTheRatesOfTheMeasuredRoundsByEndpoint() throws Exception {
		InterleavedLoad load = new InterleavedLoad(recording(), 2, 4).endpoint("a", A).endpoint("b", B);
		double[][] rates = load.run("x=1", 2, 2);
		// a call's rate is its position in the whole run, warm-up included
		assertThat(rates[0]).containsExactly(5, 8);
		assertThat(rates[1]).containsExactly(6, 7);
		assertThat(InterleavedLoad.ratios(rates[0], rates[1])).containsExactly(5.0 / 6, 8.0 / 7);
	}

	@Test
	void takesItsRoundsFromTheCommandLineOrTheSmokeRun() {
		BenchmarkRun full = BenchmarkRun.parse("auth", InterleavedLoadTests.class,
				new String[] { "5", "2", "8", "1", "--results", this.results.toString() });
		assertThat(InterleavedLoad.fromArguments(full).rounds()).isEqualTo(5);
		assertThat(InterleavedLoad
			.fromArguments(BenchmarkRun.parse("auth", InterleavedLoadTests.class, new String[] { "--smoke" }))
			.rounds()).isEqualTo(1);
	}

	@Test
	void aFailedLoadFailsTheRun() {
		LoadGenerator failing = (url, form, seconds, connections) -> {
			throw new IllegalStateException(url + " answered 403");
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> new InterleavedLoad(failing, 1, 1).endpoint("a", A).run("x=1", 0, 1))
			.withMessageContaining("answered 403");
	}

	private LoadGenerator recording() {
		return (url, form, seconds, connections) -> {
			assertThat(form).isEqualTo("x=1");
			assertThat(seconds).isEqualTo(2);
			assertThat(connections).isEqualTo(4);
			this.calls.add(url.getPath());
			return this.calls.size();
		};
	}

}
