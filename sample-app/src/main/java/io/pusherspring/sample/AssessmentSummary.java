package io.pusherspring.sample;

/**
 * How the class felt about a live session, from the students' check-ins.
 *
 * @param sessionId the session
 * @param responses how many students checked in
 * @param understood how many of them understood
 * @param percentUnderstood the share that understood, 0 without responses
 */
public record AssessmentSummary(long sessionId, int responses, int understood, int percentUnderstood) {

	static AssessmentSummary of(long sessionId, int responses, int understood) {
		return new AssessmentSummary(sessionId, responses, understood,
				(responses != 0) ? Math.round(100f * understood / responses) : 0);
	}

}
