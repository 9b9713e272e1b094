package io.pusherspring.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Captures what a test class prints, like {@link OutputCaptureExtension}, for tests that
 * provoke errors on purpose: the errors and their stack traces stay out of the build log,
 * and are printed after all when a test fails. The capture starts before the class's
 * tests (so that it holds what an application context logs while it starts) and again
 * around each test. Resolves {@link CapturedOutput} parameters, so a test can assert on
 * what its class's start-up and the test itself logged. Registered on a test method, it
 * captures that test only. Shared by the project's test trees.
 */
public class QuietOutputCaptureExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QuietOutputCaptureExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(ClassCapture.class, new ClassCapture(new Capture()));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ClassCapture capture = context.getStore(NAMESPACE).remove(ClassCapture.class, ClassCapture.class);
		capture.capture().stop(capture.failed || context.getExecutionException().isPresent());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, new Capture());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
		boolean failed = context.getExecutionException().isPresent();
		capture.stop(failed);
		ClassCapture classCapture = classCapture(context);
		if (failed && classCapture != null) {
			classCapture.failed = true;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CapturedOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Capture test = extensionContext.getStore(NAMESPACE).get(Capture.class, Capture.class);
		ClassCapture classCapture = classCapture(extensionContext);
		if (classCapture == null) {
			return test;
		}
		Capture testClass = classCapture.capture();
		return new CapturedOutput() {

			@Override
			public String getAll() {
				return testClass.getAll() + test.getAll();
			}

			@Override
			public String getOut() {
				return testClass.getOut() + test.getOut();
			}

			@Override
			public String getErr() {
				return testClass.getErr() + test.getErr();
			}

			@Override
			public String toString() {
				return getAll();
			}

		};
	}

	/**
	 * The capture of the test's class, or {@code null} where the extension is registered
	 * on the test method only.
	 */
	private static @Nullable ClassCapture classCapture(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(ClassCapture.class, ClassCapture.class);
	}

	private static final class ClassCapture {

		private final Capture capture;

		private volatile boolean failed;

		ClassCapture(Capture capture) {
			this.capture = capture;
		}

		Capture capture() {
			return this.capture;
		}

	}

	private static final class Capture implements CapturedOutput {

		private final PrintStream systemOut = System.out;

		private final PrintStream systemErr = System.err;

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final ByteArrayOutputStream err = new ByteArrayOutputStream();

		private final ByteArrayOutputStream all = new ByteArrayOutputStream();

		Capture() {
			System.setOut(new PrintStream(new Recording(this.out), true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(new Recording(this.err), true, StandardCharsets.UTF_8));
		}

		/**
		 * Give the streams back to the capture (or the console) that had them, with what
		 * was captured if the test failed.
		 */
		void stop(boolean testFailed) {
			System.setOut(this.systemOut);
			System.setErr(this.systemErr);
			if (testFailed) {
				this.systemOut.print(getAll());
				this.systemOut.flush();
			}
		}

		@Override
		public String getAll() {
			return read(this.all);
		}

		@Override
		public String getOut() {
			return read(this.out);
		}

		@Override
		public String getErr() {
			return read(this.err);
		}

		@Override
		public String toString() {
			return getAll();
		}

		private String read(ByteArrayOutputStream stream) {
			synchronized (this.all) {
				return stream.toString(StandardCharsets.UTF_8);
			}
		}

		private final class Recording extends OutputStream {

			private final ByteArrayOutputStream stream;

			Recording(ByteArrayOutputStream stream) {
				this.stream = stream;
			}

			@Override
			public void write(int b) {
				synchronized (Capture.this.all) {
					this.stream.write(b);
					Capture.this.all.write(b);
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				synchronized (Capture.this.all) {
					this.stream.write(bytes, offset, length);
					Capture.this.all.write(bytes, offset, length);
				}
			}

		}

	}

}
