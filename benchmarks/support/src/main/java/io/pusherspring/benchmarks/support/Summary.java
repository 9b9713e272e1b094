package io.pusherspring.benchmarks.support;

import java.util.Arrays;
import java.util.Collection;

/**
 * The spread of values measured round by round: median, quartiles and extremes.
 *
 * @param median the middle value (the mean of the middle two for an even count)
 * @param lowerQuartile a quarter of the values are below it
 * @param upperQuartile a quarter of the values are above it
 * @param min the smallest
 * @param max the largest
 */
public record Summary(double median, double lowerQuartile, double upperQuartile, double min, double max) {

	/**
	 * Summarize values.
	 * @param values at least one
	 * @return their summary
	 */
	public static Summary of(double... values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("Nothing was measured");
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Summary(median, sorted[sorted.length / 4], sorted[(3 * sorted.length) / 4], sorted[0],
				sorted[sorted.length - 1]);
	}

	/**
	 * Summarize values.
	 * @param values at least one
	 * @return their summary
	 */
	public static Summary of(Collection<Double> values) {
		return of(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

}
