package io.pusherspring.integration.event;

/**
 * The outcome of an assessment.
 *
 * @param userId the user assessed
 * @param score the score out of 100
 */
public record AssessmentResult(String userId, int score) {

	public boolean passed() {
		return this.score >= 60;
	}

}
