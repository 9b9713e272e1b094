package io.pusherspring;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Captures what a test prints, like {@link OutputCaptureExtension}, for tests that
 * provoke errors on purpose: the errors and their stack traces stay out of the build log,
 * and are printed after all when the test fails. Resolves {@link CapturedOutput}
 * parameters, so a test can assert on what was logged.
 */
public class QuietOutputCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(QuietOutputCaptureExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Capture.class, new Capture());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
		capture.stop(context.getExecutionException().isPresent());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CapturedOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(Capture.class, Capture.class);
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
