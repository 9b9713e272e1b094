package io.pusherspring.benchmarks.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several endpoints loaded in turn, round after round, after warm-up rounds, each round
 * starting one further along, so that the load of a shared machine and the order within a
 * round fall on all alike. The servlet and WebFlux auth benchmarks run on it.
 */
public final class InterleavedLoad {

	private final LoadGenerator load;

	private final int seconds;

	private final int connections;

	private final List<Endpoint> endpoints = new ArrayList<>();

	private int warmUp;

	private int rounds;

	/**
	 * Load endpoints with one generator.
	 * @param load what loads an endpoint
	 * @param seconds the seconds of load per endpoint and round
	 * @param connections the connections each load keeps open
	 */
	public InterleavedLoad(LoadGenerator load, int seconds, int connections) {
		this.load = load;
		this.seconds = seconds;
		this.connections = connections;
	}

	/**
	 * The load a benchmark's command line asks for, its arguments in this order:
	 * {@code [rounds] [seconds] [connections] [warm-up rounds]} (12, 10, 16 and 3 unless
	 * given; 1, 1, 4 and 0 in a smoke run), with wrk, or a JVM load where
	 * {@link LoadGenerator#choose} allows it. Each is recorded as a parameter of the run.
	 * @param run the run
	 * @return the load, to which {@link #run(String)} applies the rounds
	 */
	public static InterleavedLoad fromArguments(BenchmarkRun run) {
		int rounds = run.integer(0, "rounds", 12, 1);
		int seconds = run.integer(1, "seconds per round", 10, 1);
		int connections = run.integer(2, "connections", 16, 4);
		int warmUp = run.integer(3, "warm-up rounds", 3, 0);
		LoadGenerator load = LoadGenerator.choose(run);
		run.parameter("load", load);
		InterleavedLoad interleaved = new InterleavedLoad(load, seconds, connections);
		interleaved.warmUp = warmUp;
		interleaved.rounds = rounds;
		return interleaved;
	}

	/**
	 * The rounds kept, as the command line gave them.
	 * @return the rounds
	 */
	public int rounds() {
		return this.rounds;
	}

	/**
	 * Add an endpoint.
	 * @param name its name in the log
	 * @param url its address
	 * @return this
	 */
	public InterleavedLoad endpoint(String name, URI url) {
		this.endpoints.add(new Endpoint(name, url));
		return this;
	}

	/**
	 * Load every endpoint in every round with the same form, as many rounds as the
	 * command line gave ({@link #fromArguments}).
	 * @param form the form body, {@code application/x-www-form-urlencoded}
	 * @return requests per second, by endpoint (in the order added) and then by round
	 * @throws Exception if a load fails, or any answer was not a 2xx
	 */
	public double[][] run(String form) throws Exception {
		return run(form, this.warmUp, this.rounds);
	}

	/**
	 * Load every endpoint in every round with the same form, printing each round.
	 * @param form the form body, {@code application/x-www-form-urlencoded}
	 * @param warmUp the rounds run first and not kept
	 * @param rounds the rounds kept
	 * @return requests per second, by endpoint (in the order added) and then by round
	 * @throws Exception if a load fails, or any answer was not a 2xx
	 */
	public double[][] run(String form, int warmUp, int rounds) throws Exception {
		int count = this.endpoints.size();
		double[][] rates = new double[count][rounds];
		for (int round = -warmUp; round < rounds; round++) {
			double[] rate = new double[count];
			for (int turn = 0; turn < count; turn++) {
				int index = Math.floorMod(round + turn, count);
				rate[index] = this.load.run(this.endpoints.get(index).url(), form, this.seconds, this.connections);
			}
			StringBuilder line = new StringBuilder(Format.round(round, warmUp)).append(':');
			for (int index = 0; index < count; index++) {
				line.append(String.format(Locale.ROOT, "%s %s %.0f", (index > 0) ? "," : "",
						this.endpoints.get(index).name(), rate[index]));
				if (round >= 0) {
					rates[index][round] = rate[index];
				}
			}
			System.out.println(line.append(" requests/s"));
		}
		return rates;
	}

	/**
	 * The per-round ratios of one endpoint's rates to another's.
	 * @param rates one endpoint's requests per second, by round
	 * @param baseline the other's
	 * @return the ratios, by round
	 */
	public static double[] ratios(double[] rates, double[] baseline) {
		double[] ratios = new double[rates.length];
		for (int round = 0; round < rates.length; round++) {
			ratios[round] = rates[round] / baseline[round];
		}
		return ratios;
	}

	private record Endpoint(String name, URI url) {
	}

}
