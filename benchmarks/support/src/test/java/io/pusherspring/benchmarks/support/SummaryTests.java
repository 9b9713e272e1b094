package io.pusherspring.benchmarks.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SummaryTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Summary.of(5, 1, 3)).isEqualTo(new Summary(3, 1, 5, 1, 5));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		Summary summary = Summary.of(List.of(4.0, 1.0, 2.0, 3.0));
		assertThat(summary.median()).isEqualTo(2.5);
		assertThat(summary.lowerQuartile()).isEqualTo(2);
		assertThat(summary.upperQuartile()).isEqualTo(4);
	}

	@Test
	void nothingMeasuredHasNoSummary() {
		assertThatIllegalArgumentException().isThrownBy(Summary::of);
	}

	@Test
	void ratiosAreWrittenWithTheirInterquartileRange() {
		assertThat(Format.ratio(Summary.of(1.0, 1.1, 1.2, 1.3))).isEqualTo("1.15 (1.10 to 1.30)");
		assertThat(Format.count(12345.6)).isEqualTo("12,346");
		assertThat(Format.count(47.14)).isEqualTo("47.1");
		assertThat(Format.withError(1391, Double.NaN)).isEqualTo("1,391");
		assertThat(Format.millis(3738.04)).isEqualTo("3,738.0 ms");
	}

	@Test
	void warmUpRoundsAreCountedFromOneAsMeasuredRoundsAre() {
		assertThat(Format.round(-3, 3)).isEqualTo("warm-up round 1");
		assertThat(Format.round(-1, 3)).isEqualTo("warm-up round 3");
		assertThat(Format.round(0, 3)).isEqualTo("round 1");
	}

}
