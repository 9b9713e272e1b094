package io.pusherspring.benchmarks.support;

import java.util.Locale;

/**
 * How the reports write numbers, the same way in every table.
 */
public final class Format {

	private Format() {
	}

	/**
	 * A ratio to a baseline.
	 * @param ratio the ratio
	 * @return two decimals, such as {@code 1.07}
	 */
	public static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f", ratio);
	}

	/**
	 * The median of per-round ratios and their interquartile range.
	 * @param ratios the ratios' summary
	 * @return such as {@code 1.07 (1.02 to 1.11)}
	 */
	public static String ratio(Summary ratios) {
		return ratio(ratios.median()) + " (" + ratio(ratios.lowerQuartile()) + " to " + ratio(ratios.upperQuartile())
				+ ")";
	}

	/**
	 * A count or a rate, rounded.
	 * @param value the value
	 * @return with thousands separated, such as {@code 12,345}; one decimal below 100
	 */
	public static String count(double value) {
		return (Math.abs(value) < 100) ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * A duration in milliseconds.
	 * @param millis the duration
	 * @return such as {@code 21.7 ms} or {@code 3,738.0 ms}
	 */
	public static String millis(double millis) {
		return String.format(Locale.ROOT, "%,.1f ms", millis);
	}

	/**
	 * A value with its error, as JMH reports it.
	 * @param value the score
	 * @param error the half-width of its confidence interval, {@code NaN} when unknown
	 * @return such as {@code 1,391 ± 232}, or the value alone
	 */
	public static String withError(double value, double error) {
		return Double.isNaN(error) ? count(value) : count(value) + " ± " + count(error);
	}

	/**
	 * A round's name in a benchmark's log, for loops that count warm-up rounds from
	 * {@code -warmUpRounds} and measured rounds from 0.
	 * @param round the round
	 * @param warmUpRounds how many warm-up rounds there are
	 * @return such as {@code warm-up round 2} or {@code round 1}
	 */
	public static String round(int round, int warmUpRounds) {
		return (round < 0) ? "warm-up round " + (round + warmUpRounds + 1) : "round " + (round + 1);
	}

}
