package io.pusherspring.test.context;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.test.simulator.RecordingPusherTransport;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link TestExecutionListener} that empties the {@link PusherRecorder} before each test
 * method of a class annotated with {@link RecordPusherEvents @RecordPusherEvents}, so
 * that every test starts with no events, even when application contexts are cached and
 * shared.
 */
final class RecordPusherEventsTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 2100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				RecordPusherEvents.class) == null) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(RecordingPusherTransport.class).forEach(RecordingPusherTransport::reset);
		context.getBeanProvider(PusherRecorder.class).forEach(PusherRecorder::clear);
	}

}
