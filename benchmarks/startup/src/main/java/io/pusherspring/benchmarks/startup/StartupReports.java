package io.pusherspring.benchmarks.startup;

import java.util.Locale;

import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

/**
 * The table and figures both start-up benchmarks report.
 */
final class StartupReports {

	private StartupReports() {
	}

	static Report add(Report report, String title, double[] with, double[] without) {
		double[] differences = new double[with.length];
		for (int i = 0; i < with.length; i++) {
			differences[i] = with[i] - without[i];
		}
		Summary added = Summary.of(differences);
		double withMedian = Summary.of(with).median();
		double withoutMedian = Summary.of(without).median();
		report.table(title, "", "with the starter", "without (baseline)", "added by the starter", "ratio")
			.row("median of " + with.length + " rounds", Format.millis(withMedian), Format.millis(withoutMedian),
					Format.millis(added.median()) + " (" + Format.millis(added.lowerQuartile()) + " to "
							+ Format.millis(added.upperQuartile()) + ")",
					Format.ratio(withMedian / withoutMedian));
		report.ratio("ratio", withMedian / withoutMedian);
		report.figure("added-ms", String.format(Locale.ROOT, "%.1f", added.median()));
		report.note("The time added is the median of the per-round differences, with their interquartile range "
				+ "in brackets; the ratio is that of the medians.");
		return report;
	}

}
